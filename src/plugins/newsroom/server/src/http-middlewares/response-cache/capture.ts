/**
 * Between Koa and the cache: what of a computed response may be kept, the headers every cacheable
 * response carries (ETag, Cache-Control, Vary, the surrogate-key headers), and answering from an entry.
 */
import { createHash } from 'crypto';
import type { Context } from 'koa';
import { CACHE_TAG_HEADER_BYTES, CACHE_TAG_HEADERS_TOTAL_BYTES } from '../../constants';
import type { Collector } from '../../services/response-cache/collector';
import type { Computed, StoredEntry } from '../../services/response-cache';
import { ALL_TAG, tagHeader, tagHeaderValue } from '../../utils/cache/tags';
import {
  cacheControl,
  capLifetimes,
  forbidsSharedCaching,
  PUBLIC_API,
  PUBLIC_PAGE,
} from '../../utils/http/cache-policy';
import { notModified, type Conditions } from '../../utils/http/conditional';
import type { Plan } from './plan';

type CachePlan = Extract<Plan, { kind: 'cache' }>;
type RouteView = { handler?: unknown; info?: { type?: string; pluginName?: string } };

/** Per connection or per response: never replayed from an entry. */
const NOT_STORED = new Set([
  'set-cookie',
  'content-length',
  'date',
  'connection',
  'keep-alive',
  'transfer-encoding',
  'x-cache',
  'x-response-time',
]);
const STORED_STATUSES = new Set([200, 404]);

/** The route that answered is one of ours to cache: the content types' REST routes, GraphQL, the public site. */
function routeAllows(ctx: Context, plan: CachePlan): boolean {
  const route = (ctx.state as { route?: RouteView }).route;
  if (!route) return false;
  if (plan.surface === 'rest') return typeof route.handler === 'string' && route.handler.startsWith('api::');
  if (plan.surface === 'graphql') return route.info?.type === 'content-api';
  return route.info?.pluginName === 'newsroom' && route.handler !== 'reader.preview';
}

function bodyBytes(body: unknown): Buffer | null {
  if (typeof body === 'string') return Buffer.from(body);
  if (Buffer.isBuffer(body)) return body;
  if (body === null || typeof body !== 'object' || typeof (body as { pipe?: unknown }).pipe === 'function') return null;
  // What Koa would send for an object body, byte for byte.
  return Buffer.from(JSON.stringify(body));
}

/** A GraphQL answer with errors is a 200 about a failure: served, never kept. */
const hasGraphQLErrors = (body: Buffer): boolean => {
  try {
    return Boolean((JSON.parse(body.toString('utf8')) as { errors?: unknown }).errors);
  } catch {
    return true;
  }
};

export type CaptureOptions = { ttlSeconds: number; tagHeaders: string[]; maxEntryBytes: number };

/**
 * Turns the response this request computed into an entry, or null when it must not be kept: another
 * status than 200/404, a cookie set, a private Cache-Control, a stream, a GraphQL error, another route.
 * A kept response gets its validators and cache headers here, so the miss and every later hit carry the same.
 */
export function capture(ctx: Context, plan: CachePlan, collector: Collector, options: CaptureOptions): Computed {
  const none: Computed = { entry: null, ttlMs: 0 };
  if (!STORED_STATUSES.has(ctx.status) || ctx.response.get('Set-Cookie') || !routeAllows(ctx, plan)) return none;
  // Apollo answers `no-store` for any operation without cache hints (Strapi's schema has none); what may
  // be cached is decided here, from the request (public, a query) and its purgeable tags.
  if (plan.surface === 'graphql' && ctx.response.get('Cache-Control') === 'no-store') ctx.remove('Cache-Control');
  if (forbidsSharedCaching(ctx.response.get('Cache-Control') || undefined)) return none;
  const body = bodyBytes(ctx.body);
  if (!body || body.length > options.maxEntryBytes) return none;
  if (plan.surface === 'graphql' && hasGraphQLErrors(body)) return none;

  ctx.body = body;
  if (!ctx.response.get('ETag')) ctx.set('ETag', `"${createHash('sha1').update(body).digest('base64url')}"`);
  if (!ctx.response.get('Cache-Control'))
    ctx.set('Cache-Control', cacheControl(plan.surface === 'site' ? PUBLIC_PAGE : PUBLIC_API));
  if (collector.validFor !== null)
    ctx.set('Cache-Control', capLifetimes(ctx.response.get('Cache-Control'), collector.validFor));
  ctx.vary('Accept-Encoding');
  const tags = [...collector.tags, ALL_TAG];
  let fits = true;
  const budget = Math.min(
    CACHE_TAG_HEADER_BYTES,
    Math.floor(CACHE_TAG_HEADERS_TOTAL_BYTES / Math.max(1, options.tagHeaders.length))
  );
  for (const name of options.tagHeaders) {
    const { separator } = tagHeader(name);
    const value = tagHeaderValue(tags, collector.coarse, separator, budget);
    if (value === null) fits = false;
    else ctx.set(name, value);
  }
  // Tags that do not fit cannot be purged at the CDN: shared caches must not keep the response then.
  if (!fits) ctx.set('Cache-Control', `${ctx.response.get('Cache-Control')}, s-maxage=0`);

  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(ctx.response.headers)) {
    if (value === undefined || NOT_STORED.has(name)) continue;
    headers[name] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  const seconds = Math.min(options.ttlSeconds, collector.validFor ?? Infinity);
  return {
    entry: { key: plan.key, status: ctx.status, headers, body, tags, storedAt: Date.now() },
    ttlMs: Math.max(0, Math.floor(seconds * 1000)),
  };
}

/** Answers from an entry: its status, headers and body, as computed. */
export function replay(ctx: Context, entry: StoredEntry): void {
  ctx.status = entry.status;
  for (const [name, value] of Object.entries(entry.headers)) ctx.set(name, value);
  // Caches downstream count the lifetimes of Cache-Control from when we computed it, not from this hit.
  ctx.set('Age', String(Math.max(0, Math.floor((Date.now() - entry.storedAt) / 1000))));
  ctx.body = entry.body;
}

/**
 * The request's validators, taken off it while the response is computed (a controller that answers 304
 * itself would leave nothing to store) and applied afterwards, to a hit or a miss alike.
 */
export function takeConditions(ctx: Context): Conditions {
  const headers = ctx.request.headers;
  const conditions = {
    ifNoneMatch: (headers['if-none-match'] as string | undefined) ?? null,
    ifModifiedSince: (headers['if-modified-since'] as string | undefined) ?? null,
  };
  delete headers['if-none-match'];
  delete headers['if-modified-since'];
  return conditions;
}

export function restoreConditions(ctx: Context, { ifNoneMatch, ifModifiedSince }: Conditions): void {
  if (ifNoneMatch) ctx.request.headers['if-none-match'] = ifNoneMatch;
  if (ifModifiedSince) ctx.request.headers['if-modified-since'] = ifModifiedSince;
}

export function answerConditions(ctx: Context, conditions: Conditions): void {
  const validators = {
    etag: ctx.response.get('ETag') || null,
    lastModified: ctx.response.get('Last-Modified') || null,
  };
  if (!notModified(ctx.status, conditions, validators)) return;
  ctx.status = 304;
  ctx.body = null;
}
