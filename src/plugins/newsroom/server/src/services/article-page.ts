import type { Core, Modules } from '@strapi/strapi';
import { ARTICLE_PAGE_RELATED_LIMIT, ARTICLE_UID, AUTHOR_UID, DEFAULT_PUBLISHER_LOGO } from '../constants';
import { newsroomConfig } from '../config';
import { blocksToText } from '../utils/format/blocks';
import { withCreditLine } from '../utils/format/credit-line';
import { headlineFor } from '../utils/format/headline';
import { imageCrops, structuredDataImages, type ImageCrop } from '../utils/media/image-crops';
import { buildNewsArticleJsonLd } from '../utils/reader/json-ld';
import { compareLocales } from '../utils/locales/order';
import { categoryTree } from '../utils/content/category-tree';
import { COVER_FIELDS, IMAGE_FIELDS_WITH_TYPE } from '../utils/content/fields';
import { countWords } from '../utils/format/reading-time';
import { absoluteUrl, articlePath, authorPath, categoryPath, homePath, tagPath } from '../utils/reader/urls';
import { getService } from '../get-service';
import type { Card } from './related-news/rows';

const PERSON_FIELDS = ['name', 'slug', 'role', 'bio'] satisfies Modules.Documents.Params.Fields.ArrayNotation<
  typeof AUTHOR_UID
>;

/** Everything a page shows, and nothing else: an explicit selection keeps private fields out from the start. */
const PAGE_FIELDS = [
  'title',
  'seoTitle',
  'slug',
  'lead',
  'body',
  'dateline',
  'timezone',
  'datePublished',
  'dateModified',
  'publishedAt',
  'updatedAt',
  'locale',
] satisfies Modules.Documents.Params.Fields.ArrayNotation<typeof ARTICLE_UID>;
const PAGE_POPULATE = {
  authors: { fields: PERSON_FIELDS, populate: { avatar: { fields: IMAGE_FIELDS_WITH_TYPE }, socialLinks: true } },
  editor: { fields: PERSON_FIELDS },
  category: { fields: ['name', 'slug'] },
  tags: { fields: ['name', 'slug'] },
  cover: { fields: COVER_FIELDS, populate: { image: { fields: IMAGE_FIELDS_WITH_TYPE } } },
} satisfies Modules.Documents.Params.Populate.ObjectNotation<typeof ARTICLE_UID>;

export type PageStatus = 'published' | 'draft';
export type ArticlePageOptions = {
  status?: PageStatus;
  /** The caller's auth for the output sanitizer (REST, GraphQL); none for Warta's own reader page. */
  auth?: unknown;
  now?: Date;
};
export type ArticleAlternate = { locale: string; slug: string; title: string; url: string };
export type CategoryLink = { documentId: string; name: string; slug: string; url: string };

// The Document Service types every attribute of a result as optional and nullable, required in the
// schema or not. These are the fields and relations PAGE_FIELDS and PAGE_POPULATE select, as a row has them.
type StoredFormat = { url?: string | null; width?: number | null; height?: number | null } | null;
/** An uploaded image as read, and what the page adds to it (`absoluteUrl`, `crops`). */
type PageImage = {
  id: number;
  documentId: string;
  url: string;
  alternativeText: string | null;
  width: number | null;
  height: number | null;
  formats: Record<string, StoredFormat> | null;
  mime?: string;
  absoluteUrl?: string | null;
  crops?: ImageCrop[];
};
type PageCover = {
  id: number;
  documentId: string;
  caption: string;
  credit: string | null;
  creditLabel: string;
  altText: string | null;
  image?: PageImage | null;
};
type PagePerson = {
  id: number;
  documentId: string;
  name: string;
  slug: string;
  role: string;
  bio: string | null;
  avatar?: PageImage | null;
  socialLinks?: { id: number; platform: string; url: string }[];
};
type PageRelation = { id: number; documentId: string; name: string; slug: string };
type PageArticle = {
  id: number;
  documentId: string;
  title: string;
  seoTitle: string | null;
  slug: string;
  lead: string | null;
  body: unknown;
  dateline: string | null;
  timezone: string;
  datePublished: string | null;
  dateModified: string | null;
  publishedAt: string | null;
  updatedAt: string;
  locale: string;
  authors?: PagePerson[];
  editor?: PagePerson | null;
  category?: PageRelation | null;
  tags?: PageRelation[];
  cover?: PageCover | null;
};
/** A related card as the output sanitizer leaves it (`cardOf`: CARD_FIELDS and the cover). */
type RelatedCard = Card & {
  title: string;
  slug: string;
  lead?: string | null;
  datePublished?: string | null;
  publishedAt?: string;
  timezone?: string | null;
  locale?: string;
  cover?: PageCover | null;
};
/** A caption whose image the page completes. */
type Captioned = { image?: Pick<PageImage, 'url' | 'width' | 'height' | 'formats'> | null };

type CategoryNode = { id: number; documentId: string; name: string; slug: string; parent?: { id: number } | null };

/**
 * The article page payload, shared by REST (`/api/articles/by-slug/:slug`), GraphQL (`articleBySlug`)
 * and Warta's reader page so the three always agree. A fixed number of SQL statements whatever the
 * article: one document read with its relations, the category tree of the locale, the translations,
 * and one batch each for the computed fields, the WhatsApp block and the related list.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Published article of that slug in that locale, or null. The Document Service returns drafts unless told. */
  async bySlug(slug: string, locale: string, options: ArticlePageOptions = {}) {
    const article = (await strapi.documents(ARTICLE_UID).findFirst({
      filters: { slug: { $eq: slug } },
      locale,
      status: 'published',
      fields: PAGE_FIELDS,
      populate: PAGE_POPULATE,
    })) as PageArticle | null;
    return article ? this.build(article, { ...options, status: 'published' }) : null;
  },

  /** The draft (or published) version of one document and locale: only the preview route asks for a draft. */
  async byDocument(documentId: string, locale: string, options: ArticlePageOptions = {}) {
    const status = options.status ?? 'published';
    const article = (await strapi
      .documents(ARTICLE_UID)
      .findOne({ documentId, locale, status, fields: PAGE_FIELDS, populate: PAGE_POPULATE })) as PageArticle | null;
    return article ? this.build(article, { ...options, status }) : null;
  },

  async build(raw: PageArticle, { status = 'published', auth, now = new Date() }: ArticlePageOptions) {
    const { siteUrl, publicationName, publisherLogoUrl } = newsroomConfig(strapi);
    const locale = raw.locale;
    const model = strapi.getModel(ARTICLE_UID);

    const [article, fields, whatsapp, related, categories, translations] = await Promise.all([
      // Private attributes (an author's email) and anything the caller may not read are removed here.
      strapi.contentAPI.sanitize.output(raw, model, { auth }) as Promise<PageArticle>,
      getService('article-fields', strapi).forRows([raw.id], now),
      getService('whatsapp-follow', strapi).forRows([raw.id]),
      // Only the stored list of a published article; a never-published draft has none yet.
      getService('related-news', strapi).find(raw.documentId, locale, ARTICLE_PAGE_RELATED_LIMIT),
      raw.category ? getService('feeds', strapi).categoryTree(locale) : Promise.resolve([] as CategoryNode[]),
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
      .map((row) => ({
        locale: row.locale,
        slug: row.slug,
        title: row.title,
        url: `${siteUrl}${articlePath(row.locale, row.slug)}`,
      }));

    const category = article.category
      ? {
          ...article.category,
          url: `${siteUrl}${categoryPath(locale, article.category.slug)}`,
          ancestors: categoryTree(categories)
            .ancestors(raw.category!.id)
            .map((node) => ({
              documentId: node.documentId,
              name: node.name,
              slug: node.slug,
              url: `${siteUrl}${categoryPath(locale, node.slug)}`,
            })),
        }
      : null;
    // Each person links to their author page (the byline, JSON-LD author.url and editor.url).
    const withUrl = (person: PagePerson): PagePerson & { url?: string } =>
      person?.slug ? { ...person, url: `${siteUrl}${authorPath(locale, person.slug)}` } : person;
    const authors = (article.authors ?? []).map(withUrl);
    const editor = article.editor ? withUrl(article.editor) : null;
    const tags = (article.tags ?? []).map((tag) => ({ ...tag, url: `${siteUrl}${tagPath(locale, tag.slug)}` }));
    const cover = article.cover
      ? withCreditLine(this.withImageCrops(this.withAbsoluteImage(article.cover, siteUrl), siteUrl), locale)
      : null;
    const relatedCards = related
      ? ((await strapi.contentAPI.sanitize.output(related.articles, model, { auth })) as RelatedCard[]).map((card) => ({
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
      authors: authors.map((author) => ({
        name: author.name,
        url: author.url,
        jobTitle: author.role,
        sameAs: (author.socialLinks ?? []).map((link) => link.url).filter(Boolean),
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
      keywords: tags.map((tag) => tag.name),
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

  withAbsoluteImage<T extends Captioned>(caption: T, siteUrl: string): T {
    if (!caption?.image?.url) return caption;
    return { ...caption, image: { ...caption.image, absoluteUrl: absoluteUrl(siteUrl, caption.image.url) } };
  },

  /** `image.crops`: the stored 16:9, 4:3 and 1:1 crops (JSON-LD, og:image); empty for an image uploaded before them. */
  withImageCrops<T extends Captioned>(caption: T, siteUrl: string): T {
    if (!caption?.image) return caption;
    return {
      ...caption,
      image: { ...caption.image, crops: imageCrops(caption.image, (url) => absoluteUrl(siteUrl, url) ?? url) },
    };
  },
});
