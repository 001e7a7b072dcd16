/**
 * `plugin::newsroom.response-cache`, first in config/middlewares.ts: a hit is answered before anything
 * else runs (its entry carries the security and CORS headers the rest of the stack set when it was
 * computed), a miss runs the whole stack once while the response's dependencies are collected, and every
 * cacheable answer carries ETag, Cache-Control, Vary, its surrogate keys and `X-Cache: HIT|MISS|BYPASS`.
 * Nothing here may fail a request: whatever goes wrong in the cache, the request is served uncached.
 */
import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';
import { CACHE_MAX_ENTRY_SHARE } from '../../constants';
import { cacheConfig } from '../../config';
import { getService } from '../../get-service';
import { cacheControl, PRIVATE_PAGE } from '../../utils/http/cache-policy';
import { answerConditions, capture, replay, restoreConditions, takeConditions } from './capture';
import { planFor, type Plan } from './plan';

/** A bypassed answer was made for this caller (drafts for an editor, a preview): no shared cache keeps it. */
function markBypass(ctx: Context): void {
  if (!ctx.response.get('Cache-Control')) ctx.set('Cache-Control', cacheControl(PRIVATE_PAGE));
  ctx.set('X-Cache', 'BYPASS');
}

export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) =>
  async function responseCache(ctx: Context, next: Next): Promise<void> {
    const cache = getService('response-cache', strapi);
    if (!cache.enabled()) return next();
    let plan: Plan;
    try {
      plan = await planFor(ctx, strapi);
    } catch (error) {
      strapi.log.debug(`[newsroom] response cache: ${ctx.method} ${ctx.path} not planned: ${(error as Error).message}`);
      return next();
    }
    if (plan.kind === 'skip') return next();
    if (plan.kind === 'bypass') {
      await next();
      return markBypass(ctx);
    }

    const { ttlSeconds, tagHeaders, maxBytes } = cacheConfig(strapi);
    const options = { ttlSeconds, tagHeaders, maxEntryBytes: Math.floor(maxBytes / CACHE_MAX_ENTRY_SHARE) };
    const conditions = takeConditions(ctx);
    let computed = false;
    let failure: { error: unknown } | null = null;
    const outcome = await cache
      .respond(plan.hash, ctx, async (collector) => {
        computed = true;
        try {
          await next();
        } catch (error) {
          failure = { error };
          throw error;
        } finally {
          collector.open = false;
        }
        return capture(ctx, plan, collector, options);
      })
      .catch((error: Error) => {
        // The stack's own error goes on as it would without the cache; the cache's must not cost the request.
        if (failure) throw failure.error;
        strapi.log.error(`[newsroom] response cache: ${ctx.method} ${ctx.path}: ${error.message}`);
        return computed ? { kind: 'computed' as const, stored: false } : { kind: 'unavailable' as const };
      });

    if (outcome.kind === 'unavailable') {
      restoreConditions(ctx, conditions);
      await next();
      return markBypass(ctx);
    }
    if (outcome.kind === 'hit') replay(ctx, outcome.entry);
    ctx.set('X-Cache', outcome.kind === 'hit' ? 'HIT' : 'MISS');
    answerConditions(ctx, conditions);
  };
