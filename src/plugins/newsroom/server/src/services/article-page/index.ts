import type { Core } from '@strapi/strapi';
import {
  ARTICLE_PAGE_RELATED_LIMIT,
  ARTICLE_UID,
  AUTHOR_UID,
  DEFAULT_PUBLISHER_LOGO,
  MEDIA_CAPTION_UID,
  WHATSAPP_OVERRIDE_FIELD,
} from '../../constants';
import { newsroomConfig } from '../../config';
import { blocksToText } from '../../utils/format/blocks';
import { withCreditLine } from '../../utils/format/credit-line';
import { headlineFor } from '../../utils/format/headline';
import { imageCrops, structuredDataImages } from '../../utils/media/image-crops';
import { buildNewsArticleJsonLd } from '../../utils/reader/json-ld';
import { compareLocales } from '../../utils/locales/order';
import { categoryTree } from '../../utils/content/category-tree';
import { countWords } from '../../utils/format/reading-time';
import { absoluteUrl, articlePath, authorPath, categoryPath, homePath, tagPath } from '../../utils/reader/urls';
import { getService } from '../../get-service';
import { editorialPart } from './editorial';
import { sponsoredLabelText } from '../../utils/editorial/sponsored';
import type { CategoryRow, DocumentRow } from '../content-rows';
import { attachMedia, type MediaSlot } from './media';
import {
  PAGE_FIELDS,
  PAGE_POPULATE,
  PAGE_READ_POPULATE,
  type ArticleAlternate,
  type ArticlePageOptions,
  type Captioned,
  type PageArticle,
  type PageCover,
  type PagePerson,
  type PageStatus,
  type RelatedCard,
} from './query';

export type { ArticleAlternate, ArticlePageOptions, CategoryLink, PageStatus } from './query';

/** The media fields PAGE_POPULATE shows and PAGE_READ_POPULATE leaves to attachMedia. */
function mediaSlots(article: PageArticle): MediaSlot[] {
  const slots: MediaSlot[] = [
    {
      uid: ARTICLE_UID,
      id: article.id,
      field: 'sponsorLogo',
      fields: PAGE_POPULATE.sponsorLogo.fields,
      assign: (file) => (article.sponsorLogo = file as PageArticle['sponsorLogo']),
    },
  ];
  const cover = article.cover;
  if (cover)
    slots.push({
      uid: MEDIA_CAPTION_UID,
      id: cover.id,
      field: 'image',
      fields: PAGE_POPULATE.cover.populate.image.fields,
      assign: (file) => (cover.image = file as PageCover['image']),
    });
  for (const author of article.authors ?? [])
    slots.push({
      uid: AUTHOR_UID,
      id: author.id,
      field: 'avatar',
      fields: PAGE_POPULATE.authors.populate.avatar.fields,
      assign: (file) => (author.avatar = file as PagePerson['avatar']),
    });
  return slots;
}

/** Strapi's own translation of Document Service parameters into a query (`fields` to `select`, nested populate). */
type QueryParams = { transform: (uid: string, params: Record<string, unknown>) => Record<string, unknown> };

/**
 * The article page payload, shared by REST (`/api/articles/by-slug/:slug`), GraphQL (`articleBySlug`)
 * and Warta's reader page so the three always agree. A fixed number of SQL statements whatever the
 * article (15 on SQLite and PostgreSQL with a stored related list, counted in tests/read-path.test.ts):
 * the Public role's permissions (users-permissions, one); the article with its relations (nine: eight of
 * Strapi's populate, the notices among them, and its images in one, media.ts); the document's rows
 * (translations, the WhatsApp override and the stored related list, one); which related articles are
 * live (one); the category tree of the locale (one); the WhatsApp and ad settings (one, page-settings);
 * and who answers it with a Hak Jawab (one; the body's links add three, their covers and notices).
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Published article of that slug in that locale, or null. */
  async bySlug(slug: string, locale: string, options: ArticlePageOptions = {}) {
    const article = await this.read({ slug, locale }, 'published');
    return article ? this.build(article, { ...options, status: 'published' }) : null;
  },

  /** The draft (or published) version of one document and locale: only the preview route asks for a draft. */
  async byDocument(documentId: string, locale: string, options: ArticlePageOptions = {}) {
    const status = options.status ?? 'published';
    const article = await this.read({ documentId, locale }, status);
    return article ? this.build(article, { ...options, status }) : null;
  },

  /**
   * The one row of `where` in that state, with what the page shows of its relations. The same query the
   * Document Service's findFirst makes (Strapi's own parameter transform, the lookup by locale and
   * publication state it adds), through the query engine: the Document Service would wrap these reads
   * in a transaction of their own, a BEGIN and a COMMIT more per page. Its one read middleware here,
   * public-reads, only rewrites a caller's parameters; these are fixed, and the state is explicit.
   */
  async read(
    where: ({ slug: string } | { documentId: string }) & { locale: string },
    status: PageStatus
  ): Promise<PageArticle | null> {
    const query = strapi
      .get<QueryParams>('query-params')
      .transform(ARTICLE_UID, { fields: PAGE_FIELDS, populate: PAGE_READ_POPULATE });
    const published = status === 'published' ? { $notNull: true } : { $null: true };
    const article = (await strapi.db
      .query(ARTICLE_UID)
      .findOne({ ...query, where: { ...where, publishedAt: published } })) as PageArticle | null;
    if (article) await attachMedia(strapi, mediaSlots(article));
    return article;
  },

  async build(raw: PageArticle, { status = 'published', auth, now = new Date() }: ArticlePageOptions) {
    const { siteUrl, publicationName, publisherLogoUrl, wordsPerMinute } = newsroomConfig(strapi);
    const locale = raw.locale;
    const model = strapi.getModel(ARTICLE_UID);
    const rows = getService('content-rows', strapi);
    const whatsappFollow = getService('whatsapp-follow', strapi);

    // Published translations (all locales in one statement), this row's WhatsApp override and related list.
    const documentRows = await rows.documentRows(raw.documentId, raw.id);
    const own = documentRows.find((row) => row.id === raw.id);
    const [article, related, categories, settings] = await Promise.all([
      // Private attributes (an author's email) and anything the caller may not read are removed here.
      strapi.contentAPI.sanitize.output(raw, model, { auth }) as Promise<PageArticle>,
      // Only the stored list of a published article; a never-published draft has none yet.
      getService('related-news', strapi).find(raw.documentId, locale, ARTICLE_PAGE_RELATED_LIMIT, {
        stored: own?.relatedList ?? null,
      }),
      // The breadcrumbs and the WhatsApp block walk the same tree.
      raw.category ? rows.categoryTree(locale) : Promise.resolve([] as CategoryRow[]),
      whatsappFollow.settingsOfRequest(),
    ]);
    const tree = categoryTree(categories);
    // The page's own row holds everything the computed fields read (authors, cover credit, dates): no batch.
    const fieldsService = getService('article-fields', strapi);
    const computed = fieldsService.fieldsOf(raw, fieldsService.houseStyle(), wordsPerMinute, now);
    fieldsService.limitToRelativeLabels([raw], now);
    const whatsapp = whatsappFollow.blockOf(
      {
        id: raw.id,
        locale,
        category: raw.category ? { id: raw.category.id } : null,
        [WHATSAPP_OVERRIDE_FIELD]: own?.[WHATSAPP_OVERRIDE_FIELD] ?? null,
      },
      tree,
      settings
    );
    const translations = documentRows.filter((row): row is DocumentRow & { slug: string; title: string } =>
      Boolean(row.publishedAt && row.slug)
    );

    const url = `${siteUrl}${articlePath(locale, raw.slug)}`;
    const alternates: ArticleAlternate[] = translations
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
          ancestors: tree.ancestors(raw.category!.id).map((node) => ({
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
          sponsoredLabelText: sponsoredLabelText(card.sponsoredLabel, locale),
        }))
      : [];
    const editorial = await editorialPart(strapi, raw, {
      tree,
      related: (related?.pinned ?? []).map((documentId: string) => ({ documentId, pinned: true })),
      relatedCards,
      whatsapp,
    });

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
      wordCount: countWords(blocksToText(editorial.body)) || null,
      corrections: editorial.corrections,
      sponsor: editorial.sponsored?.sponsor.name
        ? { name: editorial.sponsored.sponsor.name, url: editorial.sponsored.sponsor.url }
        : null,
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
      whatsappFollow: whatsapp,
      related: relatedCards,
      alternates,
      jsonLd,
      body: editorial.body,
      inserts: editorial.inserts,
      notices: editorial.notices,
      noticePlacement: editorial.noticePlacement,
      unverified: editorial.unverified,
      hakJawabFor: editorial.hakJawabFor,
      sponsored: editorial.sponsored,
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
