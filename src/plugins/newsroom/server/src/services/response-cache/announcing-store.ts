/**
 * The store of an instance whose cache is off (`WARTA_CACHE=off`): it answers nothing, yet every purge of
 * its writes reaches both ways the other instances may cache: the purge log (in-process caches) and, when
 * REDIS_URL is set, Redis. Which one the others use is their configuration, not this instance's to guess.
 */
import type { ResponseStore } from './types';

export function announcingStore(log: ResponseStore, redis: ResponseStore | null): ResponseStore {
  const stores = redis ? [log, redis] : [log];
  return {
    kind: log.kind,
    async start() {
      await Promise.all(stores.map((store) => store.start()));
    },
    async stop() {
      await Promise.all(stores.map((store) => store.stop()));
    },
    // Should the mode be switched on at run time, the in-process half serves.
    available: () => log.available(),
    lookup: (hash) => log.lookup(hash),
    put: (hash, entry, ttlMs, since) => log.put(hash, entry, ttlMs, since),
    async purge(tags) {
      const outcomes = await Promise.allSettled(stores.map((store) => store.purge(tags)));
      const failed = outcomes.find((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
      if (failed) throw failed.reason;
    },
    stats: () => log.stats(),
  };
}
