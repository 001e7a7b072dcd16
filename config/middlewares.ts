import type { Core } from '@strapi/strapi';

const config: Core.Config.Middlewares = [
  // Outermost, so redirects and cache hits are in the access log as well, with their own timings.
  'strapi::logger',
  // Old URLs (WordPress permalinks, changed slugs) that would be a 404 get their 301, a cached 404
  // included. See src/plugins/newsroom/server/src/http-middlewares/redirects.ts.
  'plugin::newsroom.redirects',
  // Then: a cache hit is answered before anything else runs. Its entry carries the headers the rest of
  // the stack set when it was computed (security, CORS, CSP), so a hit looks like the miss it replays.
  // Only public reads are answered from it; see src/plugins/newsroom/server/src/http-middlewares/.
  'plugin::newsroom.response-cache',
  'strapi::errors',
  'strapi::security',
  'strapi::cors',
  'strapi::poweredBy',
  'strapi::query',
  'strapi::body',
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];

export default config;
