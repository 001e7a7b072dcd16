import type { Core } from '@strapi/strapi';

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Api => ({
  rest: {
    prefix: '/api',
    defaultLimit: env.int('REST_DEFAULT_LIMIT', 25),
    maxLimit: env.int('REST_MAX_LIMIT', 100),
    withCount: true,
    // Unknown top-level query parameters (?where=, ?lookup=) are rejected with 400 rather than ignored.
    strictParams: true,
  },
  documents: {
    strictParams: true,
    strictRelations: true,
  },
});

export default config;
