/**
 * The in-process store: an LRU bounded in bytes with a tag index (tagged-lru.ts), kept
 * in step with the other instances by the purge log (purge-log.ts). Before every lookup and every store
 * it reads the log rows it has not seen (on SQLite only when another process wrote): one indexed range
 * read, shared by concurrent requests, so what another instance or a script purged is gone here before
 * the next read, never a poll interval later.
 */
import type { Core } from '@strapi/strapi';
import { CACHE_PURGE_RETENTION_MS } from '../../constants';
import { purgeLog } from './purge-log';
import { taggedLru } from './tagged-lru';
import type { Lookup, ResponseStore } from './types';

export function memoryStore(
  strapi: Core.Strapi,
  { maxBytes, ttlSeconds, onPurge }: { maxBytes: number; ttlSeconds: number; onPurge: (tags: string[]) => void }
) {
  const lru = taggedLru(maxBytes);
  // Local or read from the log: the computations it overtook learn of it first (onPurge), then the entries go.
  const apply = (tags: string[]) => {
    onPurge(tags);
    lru.apply(tags);
  };

  // An instance idle for longer than the log's retention may have missed pruned rows; entries older than
  // the TTL are gone anyway, so the retention is at least twice the TTL.
  const log = purgeLog(strapi, {
    retentionMs: Math.max(CACHE_PURGE_RETENTION_MS, 2 * ttlSeconds * 1000),
    apply,
  });

  const store: ResponseStore = {
    kind: 'memory',
    start: () => log.start(),
    async stop() {
      lru.clear();
    },
    available: () => true,

    async lookup(hash: string): Promise<Lookup> {
      await log.sync();
      return { entry: lru.get(hash), since: lru.clock() };
    },

    async put(hash, entry, ttlMs, since) {
      await log.sync();
      return lru.put(hash, entry, ttlMs, since);
    },

    async purge(tags) {
      // Here at once (this instance's next read already misses), then in the log for the others.
      apply(tags);
      await log.append(tags);
    },

    async stats() {
      return lru.stats();
    },
  };
  return store;
}
