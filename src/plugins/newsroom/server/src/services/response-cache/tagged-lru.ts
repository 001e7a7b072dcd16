/**
 * Entries in process: an LRU bounded in bytes (lru-cache maxSize/sizeCalculation) with a tag index and a
 * purge clock, the in-process store's (memory-store.ts). Every purge applied ticks the clock and marks its
 * tags, so an entry read or computed before a purge of one of its tags (`since`, the clock when its read
 * began) is refused.
 */
import { LRUCache } from 'lru-cache';
import { CACHE_MAX_ENTRY_SHARE } from '../../constants';
import { ALL_TAG } from '../../utils/cache/tags';
import type { StoredEntry } from './types';

/** How long purge marks are kept: a response computed for longer than this is not stored. */
const MARK_WINDOW_MS = 5 * 60_000;

const entrySize = (entry: StoredEntry): number =>
  entry.body.length +
  entry.key.length +
  200 +
  Object.entries(entry.headers).reduce((sum, [name, value]) => sum + name.length + value.length, 0) +
  entry.tags.reduce((sum, tag) => sum + tag.length + 40, 0);

export function taggedLru(maxBytes: number) {
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
  let clock = 0;
  const marks = new Map<string, number>();
  const markTimes: { tick: number; at: number }[] = [];
  let floor = 0;

  /** Drops every entry tagged with one of `tags` and marks them. */
  function apply(tags: string[]): void {
    clock += 1;
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

  return {
    get: (hash: string): StoredEntry | null => lru.get(hash) ?? null,
    /** The clock now: pass it back to put() for an entry whose read begins now. */
    clock: () => clock,

    /** Keeps `entry` unless a purge of one of its tags was applied after `since`; true when kept. */
    put(hash: string, entry: StoredEntry, ttlMs: number, since: number): boolean {
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

    apply,

    /** Drops everything, as a purge of every tag (a read under way is refused too). */
    clear: () => apply([ALL_TAG]),

    stats: () => ({ entries: lru.size, bytes: lru.calculatedSize }),
  };
}
