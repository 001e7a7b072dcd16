// The one constants module of Warta: the plugin owns it (the app depends on the plugin, not the other way).
import type { UID } from '@strapi/strapi';

export const ARTICLE_UID = 'api::article.article' satisfies UID.ContentType;
export const AUTHOR_UID = 'api::author.author' satisfies UID.ContentType;
export const CATEGORY_UID = 'api::category.category' satisfies UID.ContentType;
export const TAG_UID = 'api::tag.tag' satisfies UID.ContentType;
export const MEDIA_CAPTION_UID = 'api::media-caption.media-caption' satisfies UID.ContentType;
/** Old URLs (WordPress permalinks, changed slugs) and where they lead; editable in the admin, not public. */
export const REDIRECT_UID = 'api::redirect.redirect' satisfies UID.ContentType;

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
/** The custom field of the schedule fields (registered in register.ts and by the admin). */
export const ZONED_DATETIME_FIELD = 'zoned-datetime';
/** Durable background work and the record of scheduled publishes (plain tables made by database/migrations). */
export const JOB_TABLES = {
  jobs: 'newsroom_jobs',
  executions: 'newsroom_schedule_executions',
} as const;
/**
 * The kinds of durable job. A schedule job is claimed first (lower priority number): a story due at
 * 05:00 must not wait behind a backlog of related-news recomputations.
 */
export const JOB_KINDS = {
  publish: 'article.publish',
  unpublish: 'article.unpublish',
  relatedRefresh: 'related.refresh',
  relatedReindex: 'related.reindex',
  relatedRecompute: 'related.recompute',
} as const;
export type JobKind = (typeof JOB_KINDS)[keyof typeof JOB_KINDS];
export const JOB_PRIORITY = { schedule: 10, related: 100 } as const;
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
/** Prepared statements each SQLite connection keeps (operations/sqlite-statements.ts): Strapi sends a few hundred texts. */
export const SQLITE_KEPT_STATEMENTS = 1000;
/** `GET /_ready` gives each dependency this long, so a probe with a 3-5 s timeout always gets an answer. */
export const READINESS_DATABASE_TIMEOUT_MS = 2000;
export const READINESS_REDIS_TIMEOUT_MS = 1000;

/**
 * The shared response cache (services/response-cache/): what it may keep, for how long, and the names it
 * answers to. Entries are purged by tag on every write that changes them, so the TTL only bounds what a
 * lost purge (an instance that died with Redis unreachable) could leave behind, and the memory used.
 */
export const CACHE_DEFAULT_MAX_BYTES = 64 * 1024 * 1024;
export const CACHE_DEFAULT_TTL_SECONDS = 3600;
/** One response never takes more than this share of the in-process cache (a 50,000-URL sitemap is ~10 MB). */
export const CACHE_MAX_ENTRY_SHARE = 4;
/** The purge log that keeps in-process caches of several instances in step (database/migrations). */
export const CACHE_PURGE_TABLE = 'newsroom_cache_purges';
/** Purge log rows are kept this long (and at least twice the TTL): an instance idle for longer starts cold. */
export const CACHE_PURGE_RETENTION_MS = 24 * 3600 * 1000;
/** Emitted on the instance where a write happened, after its entries are gone: `{ tags }` for the CDN purge. */
export const CACHE_PURGE_EVENT = 'newsroom.cache.purge';
/** How long one instance computes a cold key while the others wait (Redis lock), and how often they look. */
export const CACHE_LOCK_MS = 10_000;
export const CACHE_WAIT_POLL_MS = 50;
/** Redis commands that take longer than this count as Redis being down: the request is served uncached. */
export const CACHE_REDIS_TIMEOUT_MS = 500;
/** Surrogate-key headers by default: Fastly (space-separated), Cloudflare/Akamai (comma-separated), Varnish xkey. */
export const CACHE_DEFAULT_TAG_HEADERS = ['Surrogate-Key', 'Cache-Tag', 'xkey'];
/** Fastly and Cloudflare accept 16 KB of tags; past this budget per header, documents fall back to their type's tag. */
export const CACHE_TAG_HEADER_BYTES = 8 * 1024;
/**
 * All tag headers of a response together: clients and proxies refuse a response whose headers pass 16 KB
 * (Node's http parser, nginx's proxy buffers, Varnish's http_resp_size), so the headers share this budget.
 */
export const CACHE_TAG_HEADERS_TOTAL_BYTES = 12 * 1024;
/** Shared caches may keep an API response this long (they are purged by surrogate key); browsers revalidate. */
export const API_SHARED_CACHE_SECONDS = PUBLIC_CACHE_SECONDS;

/** Editorial notices, takedowns, sponsored content, Baca Juga and ad slots (issue 16). */
export const NOTICES_FIELD = 'notices';
export const NOTICE_COMPONENT = 'newsroom.notice';
/** Withdrawn article locales and what their 410 page shows (database/migrations). */
export const TAKEDOWN_TABLE = 'newsroom_takedowns';
export const TAKEDOWN_REASON_MAX = 1000;
export const SPONSORED_LABELS = ['advertorial', 'konten-sponsor', 'iklan'] as const;
export const AD_SLOTS_FIELD = 'adSlots';
/** A slot "after paragraph N" takes N from 1 to this; a story with fewer paragraphs shows the slot nowhere. */
export const AD_SLOT_MAX_PARAGRAPH = 50;
/**
 * The newsroom workflow (issue 15): stages and who may move them on Article (private fields), and the
 * activity log, revisions and edit locks in private tables (database/migrations), never in a public answer.
 */
export const STAGE_FIELD = 'editorialStage';
export const ASSIGNEE_FIELD = 'assignee';
export const ADMIN_USER_UID = 'admin::user';
export const WORKFLOW_TABLES = {
  activity: 'newsroom_activity',
  revisions: 'newsroom_revisions',
  locks: 'newsroom_edit_locks',
} as const;
/** An edit lock the edit view stops renewing is free again after this long (its heartbeat runs every 30 s). */
export const LOCK_DEFAULT_TTL_SECONDS = 120;
/** The whole activity log pages by this many rows; the CSV export streams it all. */
export const ACTIVITY_PAGE_SIZE = 50;
export const ACTIVITY_MAX_PAGE_SIZE = 500;
/** A "Riwayat" list shows this many revisions at most per request. */
export const REVISIONS_PAGE_SIZE = 100;
/**
 * The WordPress importer's map (database/migrations): one row per imported thing, keyed by the WordPress
 * site and its own id (or, for media, the file's URL), so a re-run updates instead of duplicating and an
 * interrupted run resumes. `written_ms` is the document's updatedAt after the importer's write: a later
 * one means an editor changed it, and a re-run leaves it alone unless told to overwrite.
 */
export const WORDPRESS_MAP_TABLE = 'newsroom_wordpress_map';
/** Posts written at once on PostgreSQL and MariaDB (services/wordpress-import/post-pool.ts); SQLite writes one at a time. */
export const WORDPRESS_IMPORT_CONCURRENCY = 4;
/** Times one import write is tried again after the database rolled it back for a deadlock. */
export const WORDPRESS_CONFLICT_RETRIES = 4;
/** Above this many articles, "Berita Terkait" is rebuilt once after an import instead of refreshed per article. */
export const WORDPRESS_RELATED_REBUILD_ABOVE = 200;
