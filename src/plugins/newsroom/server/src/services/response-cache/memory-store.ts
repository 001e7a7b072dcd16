/**
 * The in-process store: an LRU bounded in bytes (lru-cache maxSize/sizeCalculation) with a tag index, kept
 * in step with the other instances by the purge log (purge-log.ts). Before every lookup and every store
 * it reads the log rows it has not seen (on PostgreSQL only once notified of one): one indexed range
 * read, shared by concurrent requests, so what another instance or a script purged is gone here before
 * the next read, never a poll interval later.
 */
import { LRUCache } from 'lru-cache';
import type { Core } from '@strapi/strapi';
import { CACHE_MAX_ENTRY_SHARE, CACHE_PURGE_RETENTION_MS } from '../../constants';
import { ALL_TAG } from '../../utils/cache/tags';
import { purgeLog } from './purge-log';
import type { Lookup, ResponseStore, StoredEntry } from './types';

/** How long purge marks are kept: a response computed for longer than this is not stored. */
const MARK_WINDOW_MS = 5 * 60_000;

const entrySize = (entry: StoredEntry): number =>
  entry.body.length +
  entry.key.length +
  200 +
  Object.entries(entry.headers).reduce((sum, [name, value]) => sum + name.length + value.length, 0) +
  entry.tags.reduce((sum, tag) => sum + tag.length + 40, 0);

export function memoryStore(
  strapi: Core.Strapi,
  {
    maxBytes,
    ttlSeconds,
    onPurge,
    listens = true,
  }: { maxBytes: number; ttlSeconds: number; onPurge: (tags: string[]) => void; listens?: boolean }
) {
  const index = new Map<string, Set<string>>();
  const lru = new LRUCache<string, StoredEntry>({
    maxSize: maxBytes,
    maxEntrySize: Math.floor(maxBytes / CACHE_MAX_ENTRY_SHARE),
    sizeCalculation: entrySize,
    dispose: (entry, hash) => {
      for (const tag of entry.tags) {
        const keys = index.get(tag);
        keys?.delete(hash);
        if (keys?.size === 0) index.delete(tag);
      }
    },
  });

  // The purge clock: every purge applied here (local or read from the log) ticks it and marks its tags, so
  // a response computed across a purge of what it shows is not stored.
  let clock = 0;
  const marks = new Map<string, number>();
  const markTimes: { tick: number; at: number }[] = [];
  let floor = 0;

  function apply(tags: string[]): void {
    clock += 1;
    onPurge(tags);
    const now = Date.now();
    markTimes.push({ tick: clock, at: now });
    while (markTimes.length && now - markTimes[0].at > MARK_WINDOW_MS) floor = markTimes.shift()!.tick;
    if (floor > 0) for (const [tag, tick] of marks) if (tick <= floor) marks.delete(tag);
    for (const tag of tags) {
      marks.set(tag, clock);
      if (tag === ALL_TAG) {
        lru.clear();
        continue;
      }
      for (const hash of [...(index.get(tag) ?? [])]) lru.delete(hash);
    }
  }

  // An instance idle for longer than the log's retention may have missed pruned rows; entries older than
  // the TTL are gone anyway, so the retention is at least twice the TTL.
  const log = purgeLog(strapi, {
    retentionMs: Math.max(CACHE_PURGE_RETENTION_MS, 2 * ttlSeconds * 1000),
    apply,
    listens,
  });

  const store: ResponseStore = {
    kind: 'memory',
    start: () => log.start(),
    async stop() {
      lru.clear();
      await log.stop();
    },
    available: () => true,

    async lookup(hash: string): Promise<Lookup> {
      await log.sync();
      return { entry: lru.get(hash) ?? null, since: clock };
    },

    async put(hash, entry, ttlMs, since) {
      await log.sync();
      if (since < floor || entry.tags.some((tag) => (marks.get(tag) ?? 0) > since || (marks.get(ALL_TAG) ?? 0) > since))
        return false;
      lru.set(hash, entry, { ttl: ttlMs });
      if (!lru.has(hash)) return false; // larger than an entry may be
      for (const tag of entry.tags) {
        let keys = index.get(tag);
        if (!keys) index.set(tag, (keys = new Set()));
        keys.add(hash);
      }
      return true;
    },

    async purge(tags) {
      // Here at once (this instance's next read already misses), then in the log for the others.
      apply(tags);
      await log.append(tags);
    },

    async stats() {
      return { entries: lru.size, bytes: lru.calculatedSize };
    },
  };
  return store;
}
