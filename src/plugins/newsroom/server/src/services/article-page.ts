import type { Core } from '@strapi/strapi';
import { ARTICLE_PAGE_RELATED_LIMIT, ARTICLE_UID, DEFAULT_PUBLISHER_LOGO } from '../constants';
import { newsroomConfig } from '../config';
import { blocksToText } from '../utils/format/blocks';
import { withCreditLine } from '../utils/format/credit-line';
import { headlineFor } from '../utils/format/headline';
import { imageCrops, structuredDataImages } from '../utils/media/image-crops';
import { buildNewsArticleJsonLd } from '../utils/reader/json-ld';
import { compareLocales } from '../utils/locales/order';
import { countWords } from '../utils/format/reading-time';
import { absoluteUrl, articlePath, authorPath, categoryPath, homePath, tagPath } from '../utils/reader/urls';

const IMAGE_FIELDS = ['url', 'alternativeText', 'width', 'height', 'formats', 'mime'];
const PERSON_FIELDS = ['name', 'slug', 'role', 'bio'];

/** Everything a page shows, and nothing else: an explicit selection keeps private fields out from the start. */
const PAGE_FIELDS = ['title', 'seoTitle', 'slug', 'lead', 'body', 'dateline', 'timezone', 'datePublished', 'dateModified', 'publishedAt', 'updatedAt', 'locale'];
const PAGE_POPULATE = {
  authors: { fields: PERSON_FIELDS, populate: { avatar: { fields: IMAGE_FIELDS }, socialLinks: true } },
  editor: { fields: PERSON_FIELDS },
  category: { fields: ['name', 'slug'] },
  tags: { fields: ['name', 'slug'] },
  cover: { fields: ['caption', 'credit', 'creditLabel', 'altText'], populate: { image: { fields: IMAGE_FIELDS } } },
};

export type PageStatus = 'published' | 'draft';
export type ArticlePageOptions = {
  status?: PageStatus;
  /** The caller's auth for the output sanitizer (REST, GraphQL); none for Warta's own reader page. */
  auth?: unknown;
  now?: Date;
};
export type ArticleAlternate = { locale: string; slug: string; title: string; url: string };
export type CategoryLink = { documentId: string; name: string; slug: string; url: string };

type CategoryNode = { id: number; documentId: string; name: string; slug: string; parent?: { id: number } | null };

/**
 * The article page payload, shared by REST (`/api/articles/by-slug/:slug`), GraphQL (`articleBySlug`)
 * and Warta's reader page so the three always agree. A fixed number of SQL statements whatever the
 * article: one document read with its relations, the category tree of the locale, the translations,
 * and one batch each for the computed fields, the WhatsApp block and the related list.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({

  async isKnownLocale(locale: unknown): Promise<boolean> {
    return typeof locale === 'string' && !!(await strapi.plugin('i18n').service('locales').findByCode(locale));
  },

  /** Published article of that slug in that locale, or null. The Document Service returns drafts unless told. */
  async bySlug(slug: string, locale: string, options: ArticlePageOptions = {}) {
    const article = await strapi.documents(ARTICLE_UID).findFirst({
      filters: { slug: { $eq: slug } },
      locale,
      status: 'published',
      fields: PAGE_FIELDS,
      populate: PAGE_POPULATE,
    } as any);
    return article ? this.build(article, { ...options, status: 'published' }) : null;
  },

  /** The draft (or published) version of one document and locale: only the preview route asks for a draft. */
  async byDocument(documentId: string, locale: string, options: ArticlePageOptions = {}) {
    const status = options.status ?? 'published';
    const article = await strapi.documents(ARTICLE_UID).findOne({ documentId, locale, status, fields: PAGE_FIELDS, populate: PAGE_POPULATE } as any);
    return article ? this.build(article, { ...options, status }) : null;
  },

  async build(raw: any, { status = 'published', auth, now = new Date() }: ArticlePageOptions) {
    const newsroom = strapi.plugin('newsroom');
    const { siteUrl, publicationName, publisherLogoUrl } = newsroomConfig(strapi);
    const locale: string = raw.locale;
    const model = strapi.getModel(ARTICLE_UID);

    const [article, fields, whatsapp, related, categories, translations] = await Promise.all([
      // Private attributes (an author's email) and anything the caller may not read are removed here.
      strapi.contentAPI.sanitize.output(raw, model, { auth } as any) as Promise<any>,
      newsroom.service('article-fields').forRows([raw.id], now),
      newsroom.service('whatsapp-follow').forRows([raw.id]),
      // Only the stored list of a published article; a never-published draft has none yet.
      newsroom.service('related-news').find(raw.documentId, locale, ARTICLE_PAGE_RELATED_LIMIT),
      raw.category ? this.categoryTree(locale) : Promise.resolve(new Map<number, CategoryNode>()),
      // Published translations only, all locales in one statement: the Document Service reads one locale per call.
      strapi.db.query(ARTICLE_UID).findMany({
        where: { documentId: raw.documentId, publishedAt: { $notNull: true } },
        select: ['locale', 'slug', 'title'],
      }) as Promise<{ locale: string; slug: string; title: string }[]>,
    ]);

    const url = `${siteUrl}${articlePath(locale, raw.slug)}`;
    const alternates: ArticleAlternate[] = translations
      .filter((row) => row.slug)
      .sort((a, b) => compareLocales(a.locale, b.locale))
      .map((row) => ({ locale: row.locale, slug: row.slug, title: row.title, url: `${siteUrl}${articlePath(row.locale, row.slug)}` }));

    const category = article.category
      ? {
          ...article.category,
          url: `${siteUrl}${categoryPath(locale, article.category.slug)}`,
          ancestors: this.ancestorsOf(raw.category.id, categories).map((node) => ({
            documentId: node.documentId,
            name: node.name,
            slug: node.slug,
            url: `${siteUrl}${categoryPath(locale, node.slug)}`,
          })),
        }
      : null;
    // Each person links to their author page (the byline, JSON-LD author.url and editor.url).
    const withUrl = (person: any) => (person?.slug ? { ...person, url: `${siteUrl}${authorPath(locale, person.slug)}` } : person);
    const authors = (article.authors ?? []).map(withUrl);
    const editor = article.editor ? withUrl(article.editor) : null;
    const tags = (article.tags ?? []).map((tag: any) => ({ ...tag, url: `${siteUrl}${tagPath(locale, tag.slug)}` }));
    const cover = article.cover ? withCreditLine(this.withImageCrops(this.withAbsoluteImage(article.cover, siteUrl), siteUrl), locale) : null;
    const relatedCards = related
      ? ((await strapi.contentAPI.sanitize.output(related.articles, model, { auth } as any)) as any[]).map((card) => ({
          ...card,
          url: `${siteUrl}${articlePath(card.locale ?? locale, card.slug)}`,
          cover: card.cover ? withCreditLine(this.withAbsoluteImage(card.cover, siteUrl), locale) : null,
        }))
      : [];

    const computed = fields.get(raw.id) ?? null;
    const jsonLd = buildNewsArticleJsonLd({
      url,
      headline: headlineFor(raw.seoTitle, raw.title),
      description: raw.lead,
      images: structuredDataImages(cover?.image?.crops ?? [], cover?.image?.absoluteUrl),
      datePublished: computed?.publishedAtLocal?.iso ?? null,
      dateModified: computed?.updatedAtLocal?.iso ?? null,
      authors: authors.map((author: any) => ({
        name: author.name,
        url: author.url,
        jobTitle: author.role,
        sameAs: (author.socialLinks ?? []).map((link: any) => link.url).filter(Boolean),
      })),
      editor: editor ? { name: editor.name, url: editor.url, jobTitle: editor.role } : null,
      // The shipped logo until WARTA_PUBLISHER_LOGO_URL names one (whose size Warta does not know).
      publisher: publisherLogoUrl
        ? { name: publicationName, url: `${siteUrl}${homePath(locale)}`, logoUrl: publisherLogoUrl }
        : {
            name: publicationName,
            url: `${siteUrl}${homePath(locale)}`,
            logoUrl: `${siteUrl}${DEFAULT_PUBLISHER_LOGO.path}`,
            logoWidth: DEFAULT_PUBLISHER_LOGO.width,
            logoHeight: DEFAULT_PUBLISHER_LOGO.height,
          },
      section: category?.name ?? null,
      keywords: tags.map((tag: any) => tag.name),
      inLanguage: locale,
      dateline: raw.dateline,
      wordCount: countWords(blocksToText(raw.body)) || null,
    });

    return {
      ...article,
      authors,
      editor,
      category,
      tags,
      cover,
      url,
      status,
      newsroom: computed,
      whatsappFollow: whatsapp.get(raw.id) ?? null,
      related: relatedCards,
      alternates,
      jsonLd,
    };
  },

  /** The whole category tree of one locale in one statement (a newsroom has dozens of desks, not thousands). */
  async categoryTree(locale: string): Promise<Map<number, CategoryNode>> {
    const rows: CategoryNode[] = await strapi.plugin('newsroom').service('feeds').categoryTree(locale);
    return new Map(rows.map((row) => [row.id, row]));
  },

  /** Root first: News > Internasional for an article in Internasional. */
  ancestorsOf(categoryId: number, tree: Map<number, CategoryNode>): CategoryNode[] {
    const chain: CategoryNode[] = [];
    const seen = new Set<number>([categoryId]);
    let parentId = tree.get(categoryId)?.parent?.id ?? null;
    while (parentId !== null && !seen.has(parentId)) {
      const node = tree.get(parentId);
      if (!node) break;
      chain.unshift(node);
      seen.add(parentId);
      parentId = node.parent?.id ?? null;
    }
    return chain;
  },

  withAbsoluteImage<T extends { image?: any }>(caption: T, siteUrl: string): T {
    if (!caption?.image?.url) return caption;
    return { ...caption, image: { ...caption.image, absoluteUrl: absoluteUrl(siteUrl, caption.image.url) } };
  },

  /** `image.crops`: the stored 16:9, 4:3 and 1:1 crops (JSON-LD, og:image); empty for an image uploaded before them. */
  withImageCrops<T extends { image?: any }>(caption: T, siteUrl: string): T {
    if (!caption?.image) return caption;
    return { ...caption, image: { ...caption.image, crops: imageCrops(caption.image, (url) => absoluteUrl(siteUrl, url) ?? url) } };
  },
});

