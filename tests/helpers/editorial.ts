import type { Core } from '@strapi/strapi';
import { ARTICLE_UID } from '../../src/constants';
import { paragraph, type NewsFixture } from './fixtures';

/** Publishes a plain article of `fixture`'s desk: a title, `paragraphs` paragraphs, and any extra data. */
export async function publishArticle(
  strapi: Core.Strapi,
  fixture: NewsFixture,
  title: string,
  {
    paragraphs = 3,
    locale = 'id',
    data = {},
  }: { paragraphs?: number; locale?: string; data?: Record<string, unknown> } = {}
) {
  return (strapi.documents(ARTICLE_UID) as any).create({
    locale,
    status: 'published',
    data: {
      title,
      lead: `${title}: ringkasan.`,
      body: Array.from({ length: paragraphs }, (_, n) => paragraph(`${title} paragraf ${n + 1}.`)),
      category: fixture.internasional.documentId,
      tags: [fixture.korut.documentId],
      ...data,
    },
  });
}

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * What Google's Article rich results and schema.org ask of a NewsArticle, as a list of problems (empty when
 * valid): its type and context, a headline of at most 110 characters, images, ISO dates with dateModified not
 * before datePublished, typed authors and publisher, and each `correction` a CorrectionComment with a text
 * and an ISO date.
 */
export function newsArticleProblems(jsonLd: any): string[] {
  const problems: string[] = [];
  const need = (ok: unknown, what: string) => {
    if (!ok) problems.push(what);
  };
  need(jsonLd?.['@context'] === 'https://schema.org', '@context is https://schema.org');
  need(jsonLd?.['@type'] === 'NewsArticle', '@type is NewsArticle');
  need(typeof jsonLd?.headline === 'string' && jsonLd.headline.length <= 110, 'headline of at most 110 characters');
  need(ISO.test(jsonLd?.datePublished ?? ''), 'datePublished is ISO 8601');
  need(ISO.test(jsonLd?.dateModified ?? ''), 'dateModified is ISO 8601');
  need(
    Date.parse(jsonLd?.dateModified) >= Date.parse(jsonLd?.datePublished),
    'dateModified is not before datePublished'
  );
  need(
    Array.isArray(jsonLd?.author) &&
      jsonLd.author.every((a: any) => ['Person', 'Organization'].includes(a['@type']) && a.name),
    'authors are typed and named'
  );
  need(jsonLd?.publisher?.name && jsonLd?.publisher?.['@type'], 'publisher is typed and named');
  need(jsonLd?.mainEntityOfPage?.['@id'] === jsonLd?.url, 'mainEntityOfPage is the page');
  if (jsonLd?.correction !== undefined) {
    need(Array.isArray(jsonLd.correction), 'correction is a list');
    for (const correction of jsonLd.correction ?? []) {
      need(correction['@type'] === 'CorrectionComment', 'each correction is a CorrectionComment');
      need(typeof correction.text === 'string' && correction.text.length > 0, 'each correction has a text');
      need(ISO.test(correction.datePublished ?? ''), 'each correction has an ISO datePublished');
    }
  }
  if (jsonLd?.sponsor !== undefined) need(jsonLd.sponsor['@type'] && jsonLd.sponsor.name, 'sponsor is typed and named');
  const known = new Set([
    '@context',
    '@type',
    'mainEntityOfPage',
    'url',
    'headline',
    'description',
    'image',
    'datePublished',
    'dateModified',
    'author',
    'editor',
    'publisher',
    'articleSection',
    'keywords',
    'dateline',
    'wordCount',
    'inLanguage',
    'isAccessibleForFree',
    'correction',
    'sponsor',
  ]);
  for (const key of Object.keys(jsonLd ?? {})) need(known.has(key), `"${key}" is a NewsArticle property`);
  return problems;
}

export const jsonLdOf = (html: string) =>
  JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)![1]);
