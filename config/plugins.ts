import type { Core } from '@strapi/strapi';

const allowedMediaTypes = ['image/*', 'video/*', 'audio/*', 'application/pdf'];

// SVG can carry script; executables have no place in a newsroom's media library.
const deniedTypes = [
  'image/svg+xml',
  'application/vnd.microsoft.portable-executable',
  'application/x-msdownload',
  'application/x-msdos-program',
  'application/x-executable',
  'application/x-dosexec',
  'application/x-sh',
  'text/x-shellscript',
  'application/x-mach-binary',
];

/**
 * WARTA_CACHE=off turns the response cache off; otherwise REDIS_URL makes it one Redis cache shared by
 * every instance, and without it each process keeps its own LRU. An explicit WARTA_CACHE=memory or
 * redis wins over that choice (memory while REDIS_URL serves something else; redis fails without a URL).
 */
function cacheMode(explicit: string, redisUrl: string): string {
  if (explicit) return explicit;
  return redisUrl ? 'redis' : 'memory';
}

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Plugin => ({
  newsroom: {
    enabled: true,
    resolve: './src/plugins/newsroom',
    config: {
      houseStyle: env('NEWSROOM_HOUSE_STYLE', 'kbbi'),
      wordsPerMinute: env.int('NEWSROOM_WORDS_PER_MINUTE', 200),
      computedFields: env.bool('NEWSROOM_COMPUTED_FIELDS', true),
      // Where readers find the articles: this instance's /read pages unless a separate frontend is set.
      siteUrl: (
        env('WARTA_SITE_URL', '') ||
        env('PUBLIC_URL', '') ||
        `http://localhost:${env.int('PORT', 1337) || 1337}`
      ).replace(/\/+$/, ''),
      publicationName: env('WARTA_PUBLICATION_NAME', 'Warta'),
      publisherLogoUrl: env('WARTA_PUBLISHER_LOGO_URL', ''),
      previewTtlSeconds: env.int('WARTA_PREVIEW_TTL_SECONDS', 600),
      related: { reconcileMinutes: env.int('WARTA_RELATED_RECONCILE_MINUTES', 10) },
      // A news request takes well under a second; 10 s is below Kubernetes' 30 s before SIGKILL (.env.example).
      shutdownGraceSeconds: env.int('WARTA_SHUTDOWN_GRACE_SECONDS', 10),
      cache: {
        mode: cacheMode(env('WARTA_CACHE', '').trim().toLowerCase(), env('REDIS_URL', '')),
        maxBytes: env.int('WARTA_CACHE_MAX_BYTES', 64 * 1024 * 1024),
        ttlSeconds: env.int('WARTA_CACHE_TTL_SECONDS', 3600),
        redisUrl: env('REDIS_URL', ''),
        keyPrefix: env('WARTA_CACHE_PREFIX', ''),
        // WARTA_CACHE_TAG_HEADERS= (empty) sends no tag header at all.
        tagHeaders: (env.array('WARTA_CACHE_TAG_HEADERS', ['Surrogate-Key', 'Cache-Tag', 'xkey']) ?? [])
          .map((name) => name.trim())
          .filter(Boolean),
      },
      // The newsroom workflow: stages and roles keep their defaults (utils/workflow/rules.ts) unless listed here.
      workflow: {
        lockTtlSeconds: env.int('WARTA_LOCK_TTL_SECONDS', 120),
        revisionRetentionDays: env.int('WARTA_REVISION_RETENTION_DAYS', 0),
      },
      // The CDN or Varnish in front, purged by surrogate key on every write: off until a URL is set.
      cdn: {
        url: env('WARTA_CDN_PURGE_URL', ''),
        method: env('WARTA_CDN_PURGE_METHOD', 'PURGE'),
        keysIn: env('WARTA_CDN_PURGE_KEYS_IN', 'header'),
        keysHeader: env('WARTA_CDN_PURGE_KEYS_HEADER', 'xkey-purge'),
        jsonField: env('WARTA_CDN_PURGE_JSON_FIELD', 'tags'),
        headers: env.json('WARTA_CDN_PURGE_HEADERS', {}),
      },
      // Scheduled publishes and related-news recomputation: a worker on each instance, the queue in the database.
      jobs: {
        worker: env.bool('WARTA_JOBS_WORKER', true),
        pollSeconds: env.int('WARTA_JOBS_POLL_SECONDS', 5),
        leaseSeconds: env.int('WARTA_JOBS_LEASE_SECONDS', 60),
        maxAttempts: env.int('WARTA_JOBS_MAX_ATTEMPTS', 5),
        retrySeconds: env.int('WARTA_JOBS_RETRY_SECONDS', 10),
      },
    },
  },
  'users-permissions': {
    config: {
      jwtSecret: env('JWT_SECRET'),
      jwtManagement: 'refresh',
      sessions: { httpOnly: true },
    },
  },
  upload: {
    config: {
      sizeLimit: env.int('UPLOAD_SIZE_LIMIT', 20 * 1024 * 1024),
      security: { allowedTypes: allowedMediaTypes, deniedTypes },
    },
  },
  graphql: {
    // Off only where nothing serves it: the WordPress importer's CLI sets WARTA_GRAPHQL=false (its schema
    // and Apollo are a sixth of a process's memory).
    enabled: env.bool('WARTA_GRAPHQL', true),
    config: {
      endpoint: '/graphql',
      shadowCRUD: true,
      landingPage: false,
      defaultLimit: env.int('GRAPHQL_DEFAULT_LIMIT', 25),
      maxLimit: env.int('GRAPHQL_MAX_LIMIT', 100),
      // An article with authors, tags, category.parent.parent and cover.image is 6 levels deep.
      depthLimit: env.int('GRAPHQL_DEPTH_LIMIT', 8),
      // Introspection tells anyone the whole schema: on while developing, off in production unless
      // GRAPHQL_INTROSPECTION=true (frontend teams then generate their types against staging).
      apolloServer: { introspection: env.bool('GRAPHQL_INTROSPECTION', env('NODE_ENV') !== 'production') },
    },
  },
});

export default config;
