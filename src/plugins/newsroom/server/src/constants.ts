// The one constants module of Warta: the plugin owns it (the app depends on the plugin, not the other way).
import type { UID } from '@strapi/strapi';

export const ARTICLE_UID = 'api::article.article' satisfies UID.ContentType;
export const AUTHOR_UID = 'api::author.author' satisfies UID.ContentType;
export const CATEGORY_UID = 'api::category.category' satisfies UID.ContentType;
export const TAG_UID = 'api::tag.tag' satisfies UID.ContentType;
export const MEDIA_CAPTION_UID = 'api::media-caption.media-caption' satisfies UID.ContentType;

/** The content types frontends read; the Public role may `find` and `findOne` these and nothing else. */
export const PUBLIC_CONTENT_UIDS = [ARTICLE_UID, AUTHOR_UID, CATEGORY_UID, TAG_UID, MEDIA_CAPTION_UID] as const;

/** Readers expect the newest news first: the default order of every public list. */
export const NEWEST_FIRST = ['datePublished:desc', 'publishedAt:desc'] as const;

export const DEFAULT_LOCALE = 'id';
export const LOCALES = [
  { code: 'id', name: 'Bahasa Indonesia (id)' },
  { code: 'en', name: 'English (en)' },
] as const;

export const TIMEZONES = ['WIB', 'WITA', 'WIT'] as const;
export type ZoneLabel = (typeof TIMEZONES)[number];

export const WHATSAPP_OVERRIDE_FIELD = 'whatsappFollowOverride';
/** The component behind that field (src/components/newsroom/whatsapp-follow-override.json). */
export const WHATSAPP_OVERRIDE_COMPONENT = 'newsroom.whatsapp-follow-override' satisfies UID.Component;
/** Content types whose editors may override the WhatsApp follow block. */
export const WHATSAPP_OVERRIDE_UIDS = [ARTICLE_UID, CATEGORY_UID] as const;

/** Editors' own choices for "Berita Terkait", per article and locale (relations on Article). */
export const RELATED_PINNED_FIELD = 'relatedPinned';
export const RELATED_EXCLUDED_FIELD = 'relatedExcluded';
/** The related-news index and stored lists (plain tables made by database/migrations, derived from published articles). */
export const RELATED_TABLES = {
  features: 'newsroom_related_features',
  postings: 'newsroom_related_postings',
  terms: 'newsroom_related_terms',
  lists: 'newsroom_related_computed_lists',
} as const;
export const RELATED_DEFAULT_LIMIT = 5;
export const RELATED_MAX_LIMIT = 20;

/** Articles with more related cards than this on their own page cost nothing extra; the page shows five. */
export const ARTICLE_PAGE_RELATED_LIMIT = RELATED_DEFAULT_LIMIT;
/** Google News takes articles of the last two days, at most 1,000 per sitemap. */
export const NEWS_SITEMAP_WINDOW_HOURS = 48;
export const NEWS_SITEMAP_MAX_URLS = 1000;
/** The sitemap protocol's limit per file. */
export const SITEMAP_MAX_URLS = 50000;
/** Items in an RSS feed and on a category or tag page. */
export const FEED_ITEMS = 50;
/** Seconds a CDN or reader may keep a public page or feed, and may serve it stale while refetching. */
export const PUBLIC_CACHE_SECONDS = 60;
export const PUBLIC_STALE_SECONDS = 300;

/** Route policies of every public read (find, findOne): the query's shape first, then who may read drafts. */
export const PUBLIC_QUERY_POLICY = 'plugin::newsroom.public-query';
export const DRAFTS_POLICY = 'plugin::newsroom.drafts-need-editor';
/** Articles per page of an author page (`/read/:locale/penulis/:slug?page=N`), as many as a category page shows. */
export const AUTHOR_PAGE_ITEMS = FEED_ITEMS;
/**
 * The publisher logo in JSON-LD until WARTA_PUBLISHER_LOGO_URL is set: a file in public/ (made by
 * scripts/make-logo.js), served by Strapi at the site root. Square, since Google wants an Organization
 * logo of at least 112x112; public/brand/warta-logo-600x60.png is the wide wordmark for Publisher Center.
 */
export const DEFAULT_PUBLISHER_LOGO = { path: '/brand/warta-logo-512x512.png', width: 512, height: 512 } as const;
/** The upload plugin's file model, and its service that makes an image's formats (decorated for the crops). */
export const UPLOAD_FILE_UID = 'plugin::upload.file' satisfies UID.Schema;
export const UPLOAD_IMAGE_MANIPULATION_UID = 'plugin::upload.image-manipulation';
/**
 * Operations (README "Operations"). A request that met an unreachable database is answered 503 with this
 * Retry-After: a PostgreSQL restart takes a few seconds, so a client's retry after 5 s usually succeeds.
 */
export const DATABASE_RETRY_AFTER_SECONDS = 5;
/** `GET /_ready` gives each dependency this long, so a probe with a 3-5 s timeout always gets an answer. */
export const READINESS_DATABASE_TIMEOUT_MS = 2000;
export const READINESS_REDIS_TIMEOUT_MS = 1000;
