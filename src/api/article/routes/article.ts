import { factories, type Core } from '@strapi/strapi';
import { z } from '@strapi/utils';
import { ARTICLE_UID, DRAFTS_POLICY, MEDIA_CAPTION_UID, PUBLIC_QUERY_POLICY } from '../../../constants';
import { computedArticleFields, creditLine } from '../../../plugins/newsroom/server/src/validation';

const readPolicies = [PUBLIC_QUERY_POLICY, DRAFTS_POLICY];

const core = factories.createCoreRouter(ARTICLE_UID, {
  config: {
    find: { policies: readPolicies },
    findOne: { policies: readPolicies },
  },
});

/**
 * Strapi derives each route's response schema from the content-type, so it cannot know what the
 * article controller adds: `newsroom`, `whatsappFollow` and the cover's `creditLine`. Extend the
 * document schema of the routes that answer with articles, so openapi.json describes real answers.
 * The routes are built lazily (they need the content-types) and Strapi mutates them later: patch the
 * core router's own route objects once, in place.
 */
const DECORATED = ['find', 'findOne', 'create', 'update'];
// page/pageSize/pageCount by default, start/limit when the request paginates that way.
const paginationMeta = z.object({
  page: z.number().int().optional(),
  pageSize: z.number().int().optional(),
  pageCount: z.number().int().optional(),
  start: z.number().int().optional(),
  limit: z.number().int().optional(),
  total: z.number().int().optional(),
});
let patched = false;

// Strapi types the core router's routes as { method, path }; what they also hold is Core.Route's.
type BuiltRoute = { method: string; path: string; handler?: unknown; response?: Core.Route['response'] };

function withComputedFields(routes: BuiltRoute[]): BuiltRoute[] {
  if (patched) return routes;
  patched = true;
  const article = factories.createCoreValidator(ARTICLE_UID, strapi).document;
  const cover = factories
    .createCoreValidator(MEDIA_CAPTION_UID, strapi)
    .document.extend({ creditLine: creditLine.optional() });
  const decorated = article.extend({ ...computedArticleFields, cover: cover.nullable().optional() });
  for (const route of routes) {
    const action = String(route.handler).split('.').pop() ?? '';
    if (!DECORATED.includes(action)) continue;
    route.response =
      action === 'find'
        ? z.object({ data: z.array(decorated), meta: z.object({ pagination: paginationMeta }) })
        : z.object({ data: decorated, meta: z.object({}).optional() });
  }
  return routes;
}

export default {
  type: core.type,
  prefix: core.prefix,
  get routes() {
    // createCoreRouter's getter always yields the array (the type also allows a factory).
    return withComputedFields(typeof core.routes === 'function' ? core.routes() : core.routes);
  },
};
