/**
 * Koa middlewares the plugin registers (`plugin::newsroom.<name>` in config/middlewares.ts). Not to be
 * confused with ../middlewares/, the Document Service pipeline.
 */
import redirects from './redirects';
import responseCache from './response-cache';

export default {
  redirects,
  'response-cache': responseCache,
};
