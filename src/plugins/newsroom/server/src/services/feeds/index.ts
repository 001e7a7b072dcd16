import type { Core } from '@strapi/strapi';
import { newsroomConfig } from '../../config';
import { feedLists } from './lists';
import { feedSitemaps } from './sitemaps';

export { SITEMAP_KINDS, type ArticleScope, type ListedArticle, type SitemapKind, type TagSummary } from './queries';

/**
 * Public feeds: Google News sitemap, sitemap index and per-locale sitemaps, RSS, and the reader's list
 * pages. Every read goes through the Document Service with `status: 'published'` and an explicit locale,
 * so a draft or another locale's entry can never reach a feed.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  siteUrl(): string {
    return newsroomConfig(strapi).siteUrl;
  },
  ...feedSitemaps(strapi),
  ...feedLists(strapi),
});
