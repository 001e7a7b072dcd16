import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { errors } from '@strapi/utils';
import { PUBLIC_PAGE as PUBLIC } from '../utils/http/cache-policy';
import { newsroomConfig } from '../config';
import { SITEMAP_KINDS, type SitemapKind } from '../services/feeds';
import { latestDate, send } from '../utils/http/response';
import { categoryPath, homePath } from '../utils/reader/urls';
import { renderNewsSitemap, renderRss, renderSitemapIndex, renderUrlset } from '../utils/feeds/xml';
import { getService } from '../get-service';
import { feedMessages, localeMessages } from '../utils/messages';

const XML = 'application/xml; charset=utf-8';
const RSS = 'application/rss+xml; charset=utf-8';

// The router's parameters of each route (routes/index.ts); Koa leaves `ctx.params` untyped.
type FileParams = { file?: string };
type LocaleFileParams = { locale: string; file?: string };
type SitemapParams = { locale: string; file: string };

/**
 * Sitemaps and RSS at the site root (not under /api): public, published content only, valid XML,
 * cacheable. File names are parsed here rather than in the route pattern, so a bad one is a clear 404.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const feeds = () => getService('feeds', strapi);
  const config = () => newsroomConfig(strapi);

  const requireLocale = async (locale: string) => {
    if (!(await getService('locales', strapi).isKnown(locale)))
      throw new errors.NotFoundError(localeMessages.unknown(locale));
  };

  const rssFor = async (ctx: Context, locale: string, categorySlug?: string) => {
    await requireLocale(locale);
    const { siteUrl, publicationName } = config();
    let items;
    let title = publicationName;
    let link = `${siteUrl}${homePath(locale)}`;
    let description =
      locale === 'en' ? `The latest news from ${publicationName}` : `Berita terbaru dari ${publicationName}`;
    if (categorySlug) {
      const found = await feeds().categoryWithDescendants(locale, categorySlug);
      if (!found) throw new errors.NotFoundError(feedMessages.unknownCategory(categorySlug, locale));
      items = await feeds().latest(locale, { categoryIds: found.ids });
      title = `${publicationName} - ${found.category.name}`;
      link = `${siteUrl}${categoryPath(locale, found.category.slug)}`;
      description =
        found.category.description ||
        (locale === 'en'
          ? `The latest ${found.category.name} news from ${publicationName}`
          : `Berita ${found.category.name} terbaru dari ${publicationName}`);
    } else {
      items = await feeds().latest(locale);
    }
    const lastModified = latestDate(items.map((item) => item.updatedAt));
    const xml = renderRss({
      title,
      link,
      selfUrl: `${siteUrl}${ctx.path}`,
      description,
      language: locale === 'id' ? 'id-ID' : locale,
      lastBuildDate: lastModified ?? new Date(0),
      items: feeds().toRssItems(items),
      ttl: Math.ceil(PUBLIC.maxAge / 60),
    });
    send(ctx, xml, RSS, PUBLIC, lastModified);
  };

  return {
    /** GET /sitemap-news.xml: every locale; GET /sitemap-news/:locale.xml: one. */
    async news(ctx: Context) {
      let locales: string[];
      const { file } = ctx.params as FileParams;
      if (file !== undefined) {
        const match = /^([a-z]{2}(?:-[A-Za-z]{2,4})?)\.xml$/.exec(file);
        if (!match) throw new errors.NotFoundError(feedMessages.unknownSitemap);
        await requireLocale(match[1]);
        locales = [match[1]];
      } else {
        locales = await getService('locales', strapi).inSiteOrder();
      }
      const entries = await feeds().news(locales);
      // Nothing published in the last 48 hours: the front pages keep the file valid (see renderNewsSitemap).
      send(
        ctx,
        renderNewsSitemap(entries, feeds().frontPages(locales)),
        XML,
        PUBLIC,
        latestDate(entries.map((entry) => entry.lastmod))
      );
    },

    /**
     * GET /sitemap.xml: the index of every locale's news sitemap (always valid, so never an empty index)
     * and its article, category, tag and author sitemaps that have something to list.
     */
    async index(ctx: Context) {
      const { siteUrl } = config();
      const locales: string[] = await getService('locales', strapi).inSiteOrder();
      const entries: { loc: string; lastmod: string | null }[] = [];
      for (const locale of locales) {
        entries.push({ loc: `${siteUrl}/sitemap-news/${locale}.xml`, lastmod: null });
        const summaries = await Promise.all(SITEMAP_KINDS.map((kind) => feeds().sitemapSummary(kind, locale)));
        SITEMAP_KINDS.forEach((kind, index) => {
          const { pages, lastmod } = summaries[index];
          for (let page = 1; page <= pages; page += 1)
            entries.push({ loc: `${siteUrl}/sitemaps/${locale}/${kind}-${page}.xml`, lastmod });
        });
      }
      send(ctx, renderSitemapIndex(entries), XML, PUBLIC, latestDate(entries.map((entry) => entry.lastmod)));
    },

    /** GET /sitemaps/:locale/:kind-:page.xml, e.g. /sitemaps/id/articles-1.xml, /sitemaps/id/authors-1.xml */
    async sitemap(ctx: Context) {
      const { locale, file } = ctx.params as SitemapParams;
      await requireLocale(locale);
      const match = /^(articles|categories|tags|authors)-([1-9]\d{0,5})\.xml$/.exec(file);
      if (!match) throw new errors.NotFoundError(feedMessages.unknownSitemapFile(file));
      const urls = await feeds().sitemapPage(
        match[1] as SitemapKind,
        locale,
        Number(match[2]),
        await getService('locales', strapi).inSiteOrder()
      );
      if (!urls) throw new errors.NotFoundError(feedMessages.emptySitemapPage(match[2]));
      // An empty first page (a new site) is still a valid sitemap: it lists the locale's front page.
      send(
        ctx,
        renderUrlset(urls, feeds().frontPages([locale])),
        XML,
        PUBLIC,
        latestDate(urls.map((url) => url.lastmod))
      );
    },

    /** GET /rss/:locale.xml */
    async rss(ctx: Context) {
      const match = /^([a-z]{2}(?:-[A-Za-z]{2,4})?)\.xml$/.exec((ctx.params as FileParams).file ?? '');
      if (!match) throw new errors.NotFoundError(feedMessages.unknownFeed);
      await rssFor(ctx, match[1]);
    },

    /** GET /rss/:locale/:category.xml */
    async rssCategory(ctx: Context) {
      const { locale, file } = ctx.params as LocaleFileParams;
      const match = /^(.+)\.xml$/.exec(file ?? '');
      if (!match) throw new errors.NotFoundError(feedMessages.unknownCategoryFeed);
      await rssFor(ctx, locale, match[1]);
    },
  };
};
