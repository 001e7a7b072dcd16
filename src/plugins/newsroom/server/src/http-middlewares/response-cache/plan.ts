/** Which requests the response cache answers, and under which key. */
import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { graphqlGetRequest, graphqlKey, hashKey, requestKey, type GraphQLRequest } from '../../utils/cache/key';
import { deferBodyError } from '../../graphql/public-surface';

// The body parser Strapi's GraphQL route itself uses: it skips a body already parsed, so nothing is read twice.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const bodyParser: () => (ctx: unknown, next: () => Promise<void>) => Promise<void> = require('koa-bodyparser');
const parseBody = bodyParser();

export type Surface = 'rest' | 'graphql' | 'site';
export type Plan =
  /** Not ours (admin, uploads, a write): passed on untouched. */
  | { kind: 'skip' }
  /** Ours, but this request must be neither answered from nor stored in the cache. */
  | { kind: 'bypass'; surface: Surface; reason: string }
  | { kind: 'cache'; surface: Surface; key: string; hash: string };

/** The reader pages, RSS and sitemaps at the site root (routes/index.ts, `public-site`). */
const SITE = /^\/(read(\/|$)|rss\/|sitemap)/;
// The router matches without regard to case or a trailing slash: so does the preview check.
const PREVIEW = /^\/read\/preview\/?$/i;
/** Content types a browser may send without a CORS preflight: Apollo's CSRF prevention refuses those. */
const SIMPLE_TYPES = /^\s*(application\/x-www-form-urlencoded|multipart\/form-data|text\/plain)\b/i;

export function surfaceOf(path: string, strapi: Core.Strapi): Surface | null {
  const rest = (strapi.config.get('api.rest.prefix') as string | undefined) ?? '/api';
  if (path === rest || path.startsWith(`${rest}/`)) return 'rest';
  if (strapi.plugin('graphql')) {
    const endpoint = (strapi.config.get('plugin::graphql.endpoint') as string | undefined) ?? '/graphql';
    if (path === endpoint) return 'graphql';
  }
  return SITE.test(path) ? 'site' : null;
}

/**
 * Never from or into the cache: a request with credentials (Authorization, any cookie) may see drafts or
 * be answered for its caller, a preview link carries a token, a range is part of a response.
 */
export function bypassReason(header: (name: string) => string | undefined, path: string): string | null {
  if (header('authorization')) return 'authorization';
  if (header('cookie')) return 'cookie';
  if (header('range')) return 'range';
  if (PREVIEW.test(path)) return 'preview';
  return null;
}

async function graphqlRequest(ctx: Context): Promise<GraphQLRequest | string> {
  if (ctx.method === 'POST') {
    if (!/^\s*application\/(graphql-response\+)?json\b/i.test(ctx.get('Content-Type'))) return 'not JSON';
    try {
      await parseBody(ctx, async () => undefined);
    } catch (error) {
      deferBodyError(ctx, error);
      return 'unparsable body';
    }
    const body = ctx.request.body as unknown;
    return body && typeof body === 'object' && !Array.isArray(body) ? (body as GraphQLRequest) : 'not one operation';
  }
  return graphqlGetRequest(ctx.querystring) ?? 'malformed parameters';
}

export async function planFor(ctx: Context, strapi: Core.Strapi): Promise<Plan> {
  const surface = surfaceOf(ctx.path, strapi);
  if (!surface) return { kind: 'skip' };
  const reading = ctx.method === 'GET' || ctx.method === 'HEAD';
  if (!reading && !(surface === 'graphql' && ctx.method === 'POST')) return { kind: 'skip' };
  const reason = bypassReason((name) => ctx.get(name) || undefined, ctx.path);
  if (reason) return { kind: 'bypass', surface, reason };

  let query: unknown = ctx.query;
  if (surface === 'graphql') {
    const request = await graphqlRequest(ctx);
    if (typeof request === 'string') return { kind: 'bypass', surface, reason: request };
    const graphql = graphqlKey(request);
    if (!graphql.cacheable) return { kind: 'bypass', surface, reason: graphql.reason };
    // A GET that Apollo's CSRF prevention refuses must not be answered with another GET's 200.
    const type = ctx.get('Content-Type');
    const preflighted =
      ctx.method === 'POST' ||
      Boolean(
        ctx.get('apollo-require-preflight') || ctx.get('x-apollo-operation-name') || (type && !SIMPLE_TYPES.test(type))
      );
    query = { graphql: graphql.canonical, preflighted };
  }
  const key = requestKey({ method: ctx.method, path: ctx.path, query, origin: ctx.get('Origin') || null });
  return { kind: 'cache', surface, key, hash: hashKey(key) };
}
