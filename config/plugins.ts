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
      redisUrl: env('REDIS_URL', ''),
      // A news request takes well under a second; 10 s is below Kubernetes' 30 s before SIGKILL (.env.example).
      shutdownGraceSeconds: env.int('WARTA_SHUTDOWN_GRACE_SECONDS', 10),
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
