import type { Core } from '@strapi/strapi';
import { ARTICLE_UID } from '../../src/constants';
import { createNewsFixture, paragraph, SENTINELS } from './fixtures';

/**
 * Hidden content of every kind, each carrying its own sentinel: what the public must never read.
 * The base news fixture already holds a never-published draft, an unpublished edit, an English-only
 * article (public in `en`, hidden in `id`) and a private email.
 */
export const HIDDEN = {
  ...SENTINELS,
  enDraft: 'SENTINEL-EN-DRAFT-3e8f1a',
  unpublished: 'SENTINEL-UNPUBLISHED-9a4c27',
  deleted: 'SENTINEL-DELETED-d61b50',
} as const;

/** Sentinels that no public response may contain, whatever locale it asks for. */
export const ALWAYS_HIDDEN = [
  HIDDEN.draft,
  HIDDEN.draftEdit,
  HIDDEN.email,
  HIDDEN.enDraft,
  HIDDEN.unpublished,
  HIDDEN.deleted,
];

export type LeakFixture = Awaited<ReturnType<typeof createLeakFixture>>;

export async function createLeakFixture(strapi: Core.Strapi) {
  const base = await createNewsFixture(strapi);
  const articles = strapi.documents(ARTICLE_UID) as any;
  const relations = {
    category: base.internasional.documentId,
    authors: [base.salsabila.documentId],
    tags: [base.korut.documentId],
  };

  // Live in id; its English translation is a draft nobody has published.
  const withEnDraft = await articles.create({
    locale: 'id',
    status: 'published',
    data: {
      title: 'Gempa Guncang Maluku Utara',
      lead: 'Gempa magnitudo 5,1.',
      body: [paragraph('Gempa terasa.')],
      ...relations,
    },
  });
  await articles.update({
    documentId: withEnDraft.documentId,
    locale: 'en',
    data: {
      title: `${HIDDEN.enDraft} Earthquake in North Maluku`,
      lead: `Draft lead ${HIDDEN.enDraft}`,
      body: [paragraph(`Draft body ${HIDDEN.enDraft}`)],
      ...relations,
    },
  });

  // Published, then withdrawn: only its draft row remains.
  const unpublished = await articles.create({
    locale: 'id',
    status: 'published',
    data: {
      title: `Berita ditarik ${HIDDEN.unpublished}`,
      lead: `Ditarik ${HIDDEN.unpublished}`,
      body: [paragraph(`Isi ditarik ${HIDDEN.unpublished}`)],
      ...relations,
    },
  });
  await articles.unpublish({ documentId: unpublished.documentId, locale: 'id' });

  const deleted = await articles.create({
    locale: 'id',
    status: 'published',
    data: {
      title: `Berita dihapus ${HIDDEN.deleted}`,
      body: [paragraph(`Isi dihapus ${HIDDEN.deleted}`)],
      ...relations,
    },
  });
  const slugOf = async (documentId: string, locale: string) =>
    (await strapi.db.query(ARTICLE_UID).findOne({ where: { documentId, locale }, select: ['slug'] }))?.slug as string;
  const deletedSlug = await slugOf(deleted.documentId, 'id');
  await articles.delete({ documentId: deleted.documentId, locale: '*' });

  return {
    base,
    withEnDraft,
    unpublished,
    deleted,
    slugs: {
      published: await slugOf(base.published.documentId, 'id'),
      publishedEn: await slugOf(base.published.documentId, 'en'),
      draft: await slugOf(base.draft.documentId, 'id'),
      enDraft: await slugOf(withEnDraft.documentId, 'en'),
      unpublished: await slugOf(unpublished.documentId, 'id'),
      deleted: deletedSlug,
      enOnly: await slugOf(base.enOnly.documentId, 'en'),
    },
  };
}

/**
 * The sentinels found in a response, ignoring what the request itself sent (a 404 names the slug it
 * was asked for; that echo is not a leak). Compared without case: slugs carry sentinels lowercased.
 */
export function leakedSentinels(body: string, sent: string[], sentinels: readonly string[]): string[] {
  let text = body.toLowerCase();
  for (const echo of sent.filter((value) => value.length >= 8).sort((a, b) => b.length - a.length)) {
    text = text.split(echo.toLowerCase()).join('<sent>');
  }
  return sentinels.filter((sentinel) => text.includes(sentinel.toLowerCase()));
}
