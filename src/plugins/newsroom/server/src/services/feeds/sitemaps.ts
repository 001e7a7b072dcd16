import type { Core } from '@strapi/strapi';
import {
  ARTICLE_UID,
  NEWEST_FIRST,
  NEWS_SITEMAP_MAX_URLS,
  NEWS_SITEMAP_WINDOW_HOURS,
  PUBLIC_CACHE_SECONDS,
  SITEMAP_MAX_URLS,
} from '../../constants';
import { getService } from '../../get-service';
import { newsroomConfig } from '../../config';
import { isZoneLabel, toZonedIso } from '../../utils/format/dates';
import { articlePath, homePath } from '../../utils/reader/urls';
import type { NewsSitemapEntry, SitemapUrl } from '../../utils/feeds/xml';

import { type SitemapKind, KIND_UIDS, KIND_PATHS, type NewsRow, type SitemapRow, BY_DOCUMENT_ID, iso } from './queries';

/** The Google News sitemap, the sitemap index and the per-locale sitemaps of articles, categories, tags and authors. */
export function feedSitemaps(strapi: Core.Strapi) {
  const baseUrl = (): string => newsroomConfig(strapi).siteUrl;
  return {
    /** The front page of each locale: what an otherwise empty sitemap lists (a urlset needs one URL). */
    frontPages(locales: string[]): SitemapUrl[] {
      return locales.map((locale) => ({ loc: `${baseUrl()}${homePath(locale)}` }));
    },

    /** Articles published in the last 48 hours, newest first, at most 1,000 (Google News' limits). */
    async news(locales: string[], now: Date = new Date()): Promise<NewsSitemapEntry[]> {
      const since = new Date(now.getTime() - NEWS_SITEMAP_WINDOW_HOURS * 3600 * 1000).toISOString();
      // The 48-hour window moves with the clock, not with writes: a cached copy lives a minute at most.
      getService('response-cache', strapi).validFor(PUBLIC_CACHE_SECONDS);
      const { publicationName } = newsroomConfig(strapi);
      const perLocale = await Promise.all(
        locales.map(
          async (locale) =>
            (await strapi.documents(ARTICLE_UID).findMany({
              locale,
              status: 'published',
              // Google News asks for sponsored content to be left out of the news sitemap.
              filters: { datePublished: { $gte: since, $lte: now.toISOString() }, sponsoredLabel: { $null: true } },
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
          loc: `${baseUrl()}${articlePath(row.locale, row.slug)}`,
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
      const siteUrl = baseUrl();
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
  };
}
