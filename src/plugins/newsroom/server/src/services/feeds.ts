import type { Core, Modules } from '@strapi/strapi';
import {
  ARTICLE_UID,
  NEWEST_FIRST,
  AUTHOR_UID,
  CATEGORY_UID,
  FEED_ITEMS,
  NEWS_SITEMAP_MAX_URLS,
  NEWS_SITEMAP_WINDOW_HOURS,
  SITEMAP_MAX_URLS,
  TAG_UID,
} from '../constants';
import { newsroomConfig } from '../config';
import { isZoneLabel, toZonedIso } from '../utils/format/dates';
import { compareLocales } from '../utils/locales/order';
import { categoryTree } from '../utils/content/category-tree';
import { absoluteUrl, articlePath, authorPath, categoryPath, homePath, tagPath } from '../utils/reader/urls';
import type { NewsSitemapEntry, RssItem, SitemapUrl } from '../utils/feeds/xml';

export type SitemapKind = 'articles' | 'categories' | 'tags' | 'authors';
export const SITEMAP_KINDS: SitemapKind[] = ['articles', 'categories', 'tags', 'authors'];

// Authors have no draft & publish: the Document Service treats every author row as published.
const KIND_UIDS = { articles: ARTICLE_UID, categories: CATEGORY_UID, tags: TAG_UID, authors: AUTHOR_UID } as const;
const KIND_PATHS = { articles: articlePath, categories: categoryPath, tags: tagPath, authors: authorPath } as const;

const LIST_FIELDS = [
  'title',
  'slug',
  'lead',
  'datePublished',
  'publishedAt',
  'updatedAt',
  'timezone',
  'locale',
] satisfies Modules.Documents.Params.Fields.ArrayNotation<typeof ARTICLE_UID>;
const LIST_POPULATE = {
  authors: { fields: ['name'] },
  category: { fields: ['name', 'slug'] },
  cover: {
    fields: ['altText'],
    populate: { image: { fields: ['url', 'mime', 'width', 'height', 'alternativeText'] } },
  },
} satisfies Modules.Documents.Params.Populate.ObjectNotation<typeof ARTICLE_UID>;

// The Document Service types every attribute of a result as optional and nullable, required in the schema
// or not. These are the columns each read below selects, as a published row has them.
type NewsRow = {
  title: string;
  slug: string;
  datePublished: string;
  updatedAt: string;
  timezone: string;
  locale: string;
};
type SitemapRow = { documentId: string; slug: string; updatedAt: string };
type ListRow = {
  title: string;
  slug: string;
  lead: string | null;
  datePublished: string | null;
  publishedAt: string | null;
  updatedAt: string;
  timezone: string | null;
  locale: string;
  authors?: { name: string }[] | null;
  category?: { name: string; slug: string } | null;
  cover?: {
    altText: string | null;
    image?: {
      url: string;
      mime: string;
      width: number | null;
      height: number | null;
      alternativeText: string | null;
    } | null;
  } | null;
};
export type TagSummary = { id: number; documentId: string; name: string; slug: string };

// The Document Service sorts by documentId (a column of every content type), but its sort types list
// only schema attributes: the order is declared as a plain string, then given the sort type.
const DOCUMENT_ID_ORDER: string = 'documentId:asc';
const BY_DOCUMENT_ID = [
  DOCUMENT_ID_ORDER as Modules.Documents.Params.Sort.StringNotation<(typeof KIND_UIDS)[SitemapKind]>,
];

type TreeNode = {
  id: number;
  documentId: string;
  name: string;
  slug: string;
  description?: string | null;
  parent?: { id: number } | null;
};

export type ListedArticle = {
  title: string;
  url: string;
  lead: string | null;
  datePublished: string | null;
  updatedAt: string | null;
  timezone: string | null;
  authors: string[];
  category?: string;
  imageUrl: string | null;
  imageAlt: string | null;
  image: { mime?: string; width?: number | null; height?: number | null } | null;
};

export type ArticleScope = { categoryIds?: number[]; tagDocumentId?: string; authorDocumentId?: string };

function articleFilters({ categoryIds, tagDocumentId, authorDocumentId }: ArticleScope): Record<string, unknown> {
  const filters: Record<string, unknown> = {};
  if (categoryIds) filters.category = { id: { $in: categoryIds } };
  if (tagDocumentId) filters.tags = { documentId: { $eq: tagDocumentId } };
  if (authorDocumentId) filters.authors = { documentId: { $eq: authorDocumentId } };
  return filters;
}

const iso = (value: unknown): string | null => {
  if (!value) return null;
  const date = new Date(value as string);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
};

/**
 * Public feeds: Google News sitemap, sitemap index and per-locale sitemaps, RSS, and the reader's list
 * pages. Every read goes through the Document Service with `status: 'published'` and an explicit locale,
 * so a draft or another locale's entry can never reach a feed.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  siteUrl(): string {
    return newsroomConfig(strapi).siteUrl;
  },

  /** The front page of each locale: what an otherwise empty sitemap lists (a urlset needs one URL). */
  frontPages(locales: string[]): SitemapUrl[] {
    return locales.map((locale) => ({ loc: `${this.siteUrl()}${homePath(locale)}` }));
  },

  /** Articles published in the last 48 hours, newest first, at most 1,000 (Google News' limits). */
  async news(locales: string[], now: Date = new Date()): Promise<NewsSitemapEntry[]> {
    const since = new Date(now.getTime() - NEWS_SITEMAP_WINDOW_HOURS * 3600 * 1000).toISOString();
    const { publicationName } = newsroomConfig(strapi);
    const perLocale = await Promise.all(
      locales.map(
        async (locale) =>
          (await strapi.documents(ARTICLE_UID).findMany({
            locale,
            status: 'published',
            filters: { datePublished: { $gte: since, $lte: now.toISOString() } },
            fields: ['title', 'slug', 'datePublished', 'updatedAt', 'timezone', 'locale'],
            sort: [...NEWEST_FIRST],
            limit: NEWS_SITEMAP_MAX_URLS,
          })) as NewsRow[]
      )
    );
    return perLocale
      .flat()
      .sort((a, b) => new Date(b.datePublished).getTime() - new Date(a.datePublished).getTime())
      .slice(0, NEWS_SITEMAP_MAX_URLS)
      .map((row) => ({
        loc: `${this.siteUrl()}${articlePath(row.locale, row.slug)}`,
        publicationName,
        language: row.locale,
        publicationDate: toZonedIso(new Date(row.datePublished), isZoneLabel(row.timezone) ? row.timezone : 'WIB'),
        title: row.title,
        lastmod: iso(row.updatedAt),
      }));
  },

  /** Pages of a kind and locale, and the last update among them, for the sitemap index. */
  async sitemapSummary(
    kind: SitemapKind,
    locale: string,
    pageSize: number = SITEMAP_MAX_URLS
  ): Promise<{ pages: number; lastmod: string | null }> {
    const uid = KIND_UIDS[kind];
    const [count, [latest]] = await Promise.all([
      strapi.documents(uid).count({ locale, status: 'published' }),
      strapi
        .documents(uid)
        .findMany({ locale, status: 'published', fields: ['updatedAt'], sort: ['updatedAt:desc'], limit: 1 }),
    ]);
    return { pages: Math.ceil(count / pageSize), lastmod: iso(latest?.updatedAt) };
  },

  /**
   * One sitemap page (1-based) of up to 50,000 URLs, with hreflang alternates. Rows are ordered by
   * documentId, so the other locales' versions of a page are one range query, not a 50,000-item IN list.
   */
  async sitemapPage(
    kind: SitemapKind,
    locale: string,
    page: number,
    locales: string[],
    pageSize: number = SITEMAP_MAX_URLS
  ): Promise<SitemapUrl[] | null> {
    const uid = KIND_UIDS[kind];
    const toPath = KIND_PATHS[kind];
    const rows = (await strapi.documents(uid).findMany({
      locale,
      status: 'published',
      fields: ['documentId', 'slug', 'updatedAt'],
      sort: BY_DOCUMENT_ID,
      start: (page - 1) * pageSize,
      limit: pageSize,
    })) as SitemapRow[];
    if (rows.length === 0) return page === 1 ? [] : null;
    const first = rows[0].documentId;
    const last = rows[rows.length - 1].documentId;
    const others = await Promise.all(
      locales
        .filter((other) => other !== locale)
        .map(async (other) => ({
          locale: other,
          rows: (await strapi.documents(uid).findMany({
            locale: other,
            status: 'published',
            filters: { documentId: { $gte: first, $lte: last } },
            fields: ['documentId', 'slug'],
          })) as Omit<SitemapRow, 'updatedAt'>[],
        }))
    );
    const siteUrl = this.siteUrl();
    return rows.map((row) => {
      const translations = others.flatMap((other) =>
        other.rows
          .filter((candidate) => candidate.documentId === row.documentId)
          .map((candidate) => ({ locale: other.locale, slug: candidate.slug }))
      );
      const alternates = translations.length
        ? [{ locale, slug: row.slug }, ...translations].map((entry) => ({
            hreflang: entry.locale,
            href: `${siteUrl}${toPath(entry.locale, entry.slug)}`,
          }))
        : [];
      return { loc: `${siteUrl}${toPath(locale, row.slug)}`, lastmod: iso(row.updatedAt), alternates };
    });
  },

  /** The category tree of one locale in one statement. */
  async categoryTree(locale: string): Promise<TreeNode[]> {
    return strapi.db.query(CATEGORY_UID).findMany({
      where: { locale },
      select: ['id', 'documentId', 'name', 'slug', 'description'],
      populate: { parent: { select: ['id'] } },
    });
  },

  /** A category and all its subcategories: a desk's feed carries its sections' news too. */
  async categoryWithDescendants(locale: string, slug: string): Promise<{ category: TreeNode; ids: number[] } | null> {
    const nodes = await this.categoryTree(locale);
    const category = nodes.find((node) => node.slug === slug);
    if (!category) return null;
    return {
      category,
      ids: categoryTree(nodes)
        .selfAndDescendants(category.id)
        .map((node) => node.id),
    };
  },

  async tagBySlug(locale: string, slug: string): Promise<TagSummary | null> {
    return (await strapi.documents(TAG_UID).findFirst({
      locale,
      status: 'published',
      filters: { slug: { $eq: slug } },
      fields: ['name', 'slug'],
    })) as TagSummary | null;
  },

  /** Other locales' versions of a category, tag or author (for hreflang on list pages). */
  async translationsOf(
    kind: 'categories' | 'tags' | 'authors',
    documentId: string
  ): Promise<{ locale: string; url: string }[]> {
    const rows: { locale: string; slug: string }[] = await strapi.db
      .query(KIND_UIDS[kind])
      .findMany({ where: { documentId }, select: ['locale', 'slug'] });
    return rows
      .filter((row) => row.slug)
      .sort((a, b) => compareLocales(a.locale, b.locale))
      .map((row) => ({ locale: row.locale, url: `${this.siteUrl()}${KIND_PATHS[kind](row.locale, row.slug)}` }));
  },

  /** The newest published articles of a locale, optionally of some categories, of one tag or by one author. */
  async latest(
    locale: string,
    { limit = FEED_ITEMS, start = 0, ...scope }: ArticleScope & { limit?: number; start?: number } = {}
  ): Promise<ListedArticle[]> {
    const rows = (await strapi.documents(ARTICLE_UID).findMany({
      locale,
      status: 'published',
      filters: articleFilters(scope),
      fields: LIST_FIELDS,
      populate: LIST_POPULATE,
      sort: [...NEWEST_FIRST],
      start,
      limit,
    })) as ListRow[];
    const siteUrl = this.siteUrl();
    return rows.map((row) => ({
      title: row.title,
      url: `${siteUrl}${articlePath(locale, row.slug)}`,
      lead: row.lead,
      datePublished: iso(row.datePublished ?? row.publishedAt),
      updatedAt: iso(row.updatedAt),
      timezone: row.timezone,
      authors: (row.authors ?? []).map((author) => author.name),
      category: row.category?.name,
      imageUrl: absoluteUrl(siteUrl, row.cover?.image?.url),
      imageAlt: row.cover?.altText ?? row.cover?.image?.alternativeText ?? null,
      image: row.cover?.image ?? null,
    }));
  },

  /** How many published articles of a locale `latest` can page through. */
  async countLatest(locale: string, scope: ArticleScope = {}): Promise<number> {
    return strapi.documents(ARTICLE_UID).count({ locale, status: 'published', filters: articleFilters(scope) });
  },

  toRssItems(items: ListedArticle[]): RssItem[] {
    return items.map((item) => ({
      title: item.title,
      link: item.url,
      description: item.lead,
      pubDate: new Date(item.datePublished ?? item.updatedAt ?? Date.now()),
      creators: item.authors,
      categories: item.category ? [item.category] : [],
      image: item.imageUrl
        ? { url: item.imageUrl, type: item.image?.mime, width: item.image?.width, height: item.image?.height }
        : null,
    }));
  },
});
