/**
 * The shared response cache (registry key `response-cache`): public GETs of the content API, GraphQL
 * queries, the reader pages, feeds and sitemaps, answered from memory or Redis and purged by tag on every
 * write that changes them (http-middlewares/response-cache/ serves and captures, middlewares/cache-purge.ts
 * and write-hooks.ts purge, collector.ts tags).
 *
 * Stampedes: one computation per cold (or just purged) key and instance, the other requests wait for it
 * and share its entry; with Redis also one per key across instances (a short lock, the others wait for
 * its pub/sub message). A computation that a purge of what it shows overtook is served to the request that
 * started it but never stored, and its waiters start over.
 */
import { createHash } from 'crypto';
import type { Core } from '@strapi/strapi';
import { CACHE_LOCK_MS, CACHE_PURGE_EVENT } from '../../constants';
import { ALL_TAG } from '../../utils/cache/tags';
import { cacheConfig } from '../../config';
import { currentBulk } from '../../middlewares/bulk-writes';
import { collectReads, currentCollector, openCollector, tagLookup, type Collector } from './collector';
import { announcingStore } from './announcing-store';
import { memoryStore } from './memory-store';
import { redisStore } from './redis-store';
import type { ResponseStore, StoredEntry } from './types';
import { purgeOnWrites } from './write-hooks';

export type { StoredEntry } from './types';
/** What a computation gives the cache: the entry to keep (null: not cacheable) and for how long. */
export type Computed = { entry: StoredEntry | null; ttlMs: number };
export type Outcome =
  | { kind: 'hit'; entry: StoredEntry }
  | { kind: 'computed'; stored: boolean }
  /** The store cannot answer (Redis down, the purge log unreadable): serve the request uncached. */
  | { kind: 'unavailable' };

/** A response that takes longer than this to compute is served but not stored (its purge marks may be gone). */
const MAX_COMPUTE_MS = 4 * 60_000;

/** What `strapi.db.transaction` hands its callback (@strapi/database leaves the callback's parameters untyped). */
type TransactionHooks = { onCommit: (callback: () => void) => void };
/** A computation under way; `overtaken` once a purge hit what it has read so far (it will not be stored). */
type Flight = { collector: Collector; overtaken: boolean; result: Promise<StoredEntry | null> };
type DatabaseConnection = {
  client?: string;
  connection?: { filename?: string; host?: string; port?: number; database?: string; schema?: string } | string;
};

/** Instances on one database share one Redis cache; two databases (two test runs) never mix. */
function defaultPrefix(strapi: Core.Strapi): string {
  const database = (strapi.config.get('database.connection') ?? {}) as DatabaseConnection;
  const where =
    typeof database.connection === 'string'
      ? database.connection.replace(/\/\/[^@/]*@/, '//')
      : [
          database.connection?.filename,
          database.connection?.host,
          database.connection?.port,
          database.connection?.database,
          database.connection?.schema,
        ].join('|');
  return `warta:{${createHash('sha1').update(`${database.client}|${where}`).digest('hex').slice(0, 12)}}:`;
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  let store: ResponseStore | null = null;
  let unsubscribe: (() => void)[] = [];
  const flights = new Map<string, Flight>();
  const lookup = tagLookup(strapi);
  // Every purge seen here (local, from the purge log, from Redis' channel) marks the computations it
  // overtook, so that a request arriving after it does not wait for an answer that will not be kept.
  const onPurge = (tags: string[]) => {
    for (const flight of flights.values()) {
      if (!flight.overtaken && tags.some((tag) => tag === ALL_TAG || flight.collector.tags.has(tag)))
        flight.overtaken = true;
    }
  };

  async function lead(
    active: ResponseStore,
    hash: string,
    since: number,
    ctx: object,
    compute: (collector: Collector) => Promise<Computed>
  ): Promise<Outcome> {
    let settle: (entry: StoredEntry | null) => void = () => undefined;
    const collector = openCollector(ctx);
    flights.set(hash, { collector, overtaken: false, result: new Promise((resolve) => (settle = resolve)) });
    let shared: StoredEntry | null = null;
    let token: string | null = null;
    try {
      if (active.claim) {
        for (let attempt = 0; attempt < 2 && token === null; attempt += 1) {
          token = await active.claim(hash);
          if (token !== null) break;
          // Another instance computes it: its entry is one lookup away once it says so.
          await active.waitForOther?.(hash, CACHE_LOCK_MS);
          const looked = await active.lookup(hash).catch(() => null);
          if (looked?.entry) {
            shared = looked.entry;
            return { kind: 'hit', entry: looked.entry };
          }
          if (looked) since = looked.since;
        }
      }
      const started = Date.now();
      const computed = await compute(collector);
      let stored = false;
      if (computed.entry && computed.ttlMs > 0 && Date.now() - started < MAX_COMPUTE_MS) {
        stored = await active.put(hash, computed.entry, computed.ttlMs, since).catch(() => false);
        if (stored) shared = computed.entry;
      }
      return { kind: 'computed', stored };
    } finally {
      flights.delete(hash);
      settle(shared);
      if (token !== null) await active.release?.(hash, token);
    }
  }

  const service = {
    /**
     * Opens the store the configuration names (plugin bootstrap). `off` serves nothing, yet its writes
     * still purge the instances that cache: an admin-only instance or a script sharing the database must
     * not leave them stale: its store announces purges to the purge log and to Redis (announcing-store.ts).
     */
    async start(): Promise<void> {
      await service.stop();
      const config = cacheConfig(strapi);
      const redis = () =>
        redisStore(strapi, { url: config.redisUrl, prefix: config.keyPrefix || defaultPrefix(strapi), onPurge });
      const memory = () => memoryStore(strapi, { maxBytes: config.maxBytes, ttlSeconds: config.ttlSeconds, onPurge });
      if (config.mode === 'redis') store = redis();
      else if (config.mode === 'memory') store = memory();
      else store = announcingStore(memory(), config.redisUrl ? redis() : null);
      await store.start();
      unsubscribe = [collectReads(strapi, lookup), purgeOnWrites(strapi, (tags) => service.purgeAfterCommit(tags))];
    },

    async stop(): Promise<void> {
      for (const stopListening of unsubscribe) stopListening();
      unsubscribe = [];
      await store?.stop();
      store = null;
      flights.clear();
    },

    /** The store opened at boot, or off. */
    /** Where purges go (and, unless the mode is `off`, what answers): the store opened at bootstrap. */
    kind(): 'memory' | 'redis' | 'off' {
      return store?.kind ?? 'off';
    },

    /**
     * Whether requests go through the cache now. The mode is read per request, so setting it to `off` at
     * run time stops serving and storing; purges still reach the store, so nothing kept goes stale meanwhile.
     */
    enabled(): boolean {
      return store !== null && cacheConfig(strapi).mode !== 'off';
    },

    /**
     * Runs a read whose query-engine tags would be too coarse (a search over every article), the caller
     * adding the precise tag with depend(). Reads the request makes meanwhile are not collected either:
     * run nothing beside it.
     */
    async untracked<T>(work: () => Promise<T>): Promise<T> {
      const collector = currentCollector(strapi);
      if (!collector) return work();
      collector.open = false;
      try {
        return await work();
      } finally {
        collector.open = true;
      }
    },

    /**
     * Adds tags to the response being computed, for what is read outside the query engine (raw SQL, the
     * clock). `coarse`: a tag every write purging these also purges (their type's list tag), which a tag
     * header over its budget falls back to; without one a response showing many such documents cannot be
     * tagged at the CDN at all.
     */
    depend(tags: Iterable<string>, coarse?: string): void {
      const collector = currentCollector(strapi);
      if (collector) for (const tag of tags) collector.sink.add(tag, coarse);
    },

    /** The response being computed stays right for at most `seconds` without any write (null: no limit). */
    validFor(seconds: number | null): void {
      const collector = currentCollector(strapi);
      if (collector && seconds !== null) collector.validFor = Math.min(collector.validFor ?? Infinity, seconds);
    },

    /**
     * The entry for `hash` when the store holds it and can vouch for it now, else null (the request then
     * goes the whole way, through respond()). For answering hits before Koa (early-hits.ts).
     */
    async peek(hash: string): Promise<StoredEntry | null> {
      const active = store;
      if (!active || !active.available() || !service.enabled()) return null;
      try {
        return (await active.lookup(hash)).entry;
      } catch {
        return null;
      }
    },

    /**
     * The entry for `hash`, or `compute()` run once for every concurrent request of it: a hit, the entry
     * another request (or instance) just computed, or `computed` when this request's own context now holds
     * the response.
     */
    async respond(hash: string, ctx: object, compute: (collector: Collector) => Promise<Computed>): Promise<Outcome> {
      const active = store;
      if (!active || !active.available()) return { kind: 'unavailable' };
      for (let attempt = 0; ; attempt += 1) {
        let since: number;
        try {
          const looked = await active.lookup(hash);
          if (looked.entry) return { kind: 'hit', entry: looked.entry };
          since = looked.since;
        } catch {
          return { kind: 'unavailable' };
        }
        const flight = flights.get(hash);
        if (flight && !flight.overtaken && attempt < 2) {
          const entry = await flight.result;
          if (entry) return { kind: 'hit', entry };
          // It was not cacheable, or a purge overtook it: look again, perhaps compute.
          continue;
        }
        return lead(active, hash, since, ctx, compute);
      }
    },

    /** Purges `tags` on every instance, then tells this instance's listeners (the CDN purge) which ones. */
    async purge(tags: string[]): Promise<void> {
      const unique = [...new Set(tags)].filter(Boolean);
      if (!unique.length || !store) return;
      try {
        await store.purge(unique);
      } catch (error) {
        strapi.log.error(`[newsroom] response cache: purging ${unique.join(' ')} failed: ${(error as Error).message}`);
      }
      await strapi.eventHub
        .emit(CACHE_PURGE_EVENT, { tags: unique })
        .catch((error: Error) => strapi.log.error(`[newsroom] ${CACHE_PURGE_EVENT} listener failed: ${error.message}`));
    },

    /**
     * Purges once the write's transaction has committed: at once (and awaited, so the writer's response
     * leaves after the purge) outside a transaction, in its onCommit inside one; nothing on a rollback.
     * Inside a bulk (an import) the tags are collected, and whoever opened it purges them once at its end.
     */
    async purgeAfterCommit(tags: string[]): Promise<void> {
      if (!store || !tags.length) return;
      const bulk = currentBulk();
      if (bulk) {
        for (const tag of tags) bulk.purgeTags.add(tag);
        return;
      }
      if (!strapi.db.inTransaction()) return service.purge(tags);
      await strapi.db.transaction(async ({ onCommit }: TransactionHooks) => {
        onCommit(() => {
          void service.purge(tags);
        });
      });
    },

    async stats(): Promise<{ kind: string; entries: number; bytes: number | null }> {
      const counts = store ? await store.stats() : { entries: 0, bytes: 0 };
      return { kind: service.kind(), ...counts };
    },
  };
  return service;
};
