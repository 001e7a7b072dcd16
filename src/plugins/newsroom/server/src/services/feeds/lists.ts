import type { Core } from '@strapi/strapi';
import { ARTICLE_UID, NEWEST_FIRST, FEED_ITEMS, TAG_UID } from '../../constants';
import { getService } from '../../get-service';
import { newsroomConfig } from '../../config';
import { compareLocales } from '../../utils/locales/order';
import { categoryTree } from '../../utils/content/category-tree';
import { absoluteUrl, articlePath } from '../../utils/reader/urls';
import type { RssItem } from '../../utils/feeds/xml';
import { sponsoredLabelText } from '../../utils/editorial/sponsored';

import {
  KIND_UIDS,
  KIND_PATHS,
  LIST_FIELDS,
  LIST_POPULATE,
  type ListRow,
  type TagSummary,
  type TreeNode,
  type ListedArticle,
  type ArticleScope,
  articleFilters,
  iso,
} from './queries';

/** Newest-first lists of published articles (home, category, tag and author pages, RSS) and what they are scoped by. */
export function feedLists(strapi: Core.Strapi) {
  const baseUrl = (): string => newsroomConfig(strapi).siteUrl;
  const lists = {
    /** The category tree of one locale in one statement, once per request. */
    async categoryTree(locale: string): Promise<TreeNode[]> {
      return getService('content-rows', strapi).categoryTree(locale);
    },

    /** A category and all its subcategories: a desk's feed carries its sections' news too. */
    async categoryWithDescendants(locale: string, slug: string): Promise<{ category: TreeNode; ids: number[] } | null> {
      const nodes = await lists.categoryTree(locale);
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
        .map((row) => ({ locale: row.locale, url: `${baseUrl()}${KIND_PATHS[kind](row.locale, row.slug)}` }));
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
      const siteUrl = baseUrl();
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
        sponsoredLabelText: sponsoredLabelText(row.sponsoredLabel, locale),
        sponsorName: row.sponsoredLabel ? (row.sponsorName ?? null) : null,
      }));
    },

    /** How many published articles of a locale `latest` can page through. */
    async countLatest(locale: string, scope: ArticleScope = {}): Promise<number> {
      return strapi.documents(ARTICLE_UID).count({ locale, status: 'published', filters: articleFilters(scope) });
    },

    toRssItems(items: ListedArticle[]): RssItem[] {
      // A sponsored item says so in its title and as a category, as readers of the page see it above the title.
      return items.map((item) => ({
        title: item.sponsoredLabelText ? `[${item.sponsoredLabelText}] ${item.title}` : item.title,
        link: item.url,
        description: item.lead,
        pubDate: new Date(item.datePublished ?? item.updatedAt ?? Date.now()),
        creators: item.authors,
        categories: [
          ...(item.category ? [item.category] : []),
          ...(item.sponsoredLabelText ? [item.sponsoredLabelText] : []),
        ],
        image: item.imageUrl
          ? { url: item.imageUrl, type: item.image?.mime, width: item.image?.width, height: item.image?.height }
          : null,
      }));
    },
  };
  return lists;
}
