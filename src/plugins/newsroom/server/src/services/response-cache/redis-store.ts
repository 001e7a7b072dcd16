/**
 * The shared store: one Redis for every instance. Entries, the tag sets that index them and the purge
 * clock live in Redis, and storing and purging are Lua scripts, so they are atomic with respect to each
 * other across instances: a response computed across a purge of what it shows is refused, and a purge
 * after it was stored deletes it. A pub/sub channel tells every instance of purges (so none lets a new
 * request wait on a computation already overtaken) and of finished computations (the cross-instance
 * stampede lock's waiters). Redis down: `available()` is false, requests are served uncached, one log
 * line says so and one says when it is back; purges that could not be sent are sent on reconnection.
 */
import { createHash, randomBytes } from 'crypto';
import Redis from 'ioredis';
import type { Core } from '@strapi/strapi';
import { CACHE_LOCK_MS, CACHE_REDIS_TIMEOUT_MS, CACHE_WAIT_POLL_MS } from '../../constants';
import { ALL_TAG } from '../../utils/cache/tags';
import { decodeEntry, encodeEntry, PURGE_LUA, RELEASE_LUA, STORE_LUA, type Message } from './redis-scripts';
import type { Lookup, ResponseStore } from './types';

/** How long a purge's mark is kept: a response computed for longer than this is not stored. */
const MARK_TTL_MS = 5 * 60_000;
/** Purges that failed while Redis was down, kept to send on reconnection; more than this: purge everything. */
const PENDING_LIMIT = 10_000;

// ARGV: prefix, hash, ttlMs, since, value, tags...
/** Where Redis is, for the log line: host and port, never the password in the URL. */
const describe = (url: string): string => {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || 6379}`;
  } catch {
    return 'the configured Redis';
  }
};

export function redisStore(
  strapi: Core.Strapi,
  { url, prefix, onPurge }: { url: string; prefix: string; onPurge: (tags: string[]) => void }
): ResponseStore {
  const options = {
    lazyConnect: true,
    // Fail at once while disconnected (the request is served uncached) rather than queue behind an outage.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    commandTimeout: CACHE_REDIS_TIMEOUT_MS,
    connectTimeout: 2000,
    // Reconnect forever, at most every two seconds: recovery needs no restart.
    retryStrategy: (times: number) => Math.min(times * 200, 2000),
  };
  const client = new Redis(url, options);
  // The subscriber may queue its SUBSCRIBE until connected; ioredis resubscribes after a reconnection.
  const subscriber = new Redis(url, { ...options, enableOfflineQueue: true, commandTimeout: undefined });
  const channel = `${prefix}events`;
  const where = describe(url);
  const sha = createHash('sha1').update(STORE_LUA).digest('hex');

  let healthy = false;
  let announcedDown = false;
  let stopped = false;
  let probe: NodeJS.Timeout | null = null;
  const pending = new Set<string>();
  let overflow = false;
  const waiters = new Map<string, Set<() => void>>();

  function markDown(error?: unknown) {
    healthy = false;
    if (!announcedDown && !stopped) {
      announcedDown = true;
      const reason = error instanceof Error ? error.message : 'connection closed';
      strapi.log.warn(
        `[newsroom] response cache: Redis at ${where} is unreachable (${reason}); requests are served uncached until it is back.`
      );
    }
    // A connection that stays open but times out gets no 'ready' event: probe it until it answers.
    if (!probe && !stopped) {
      probe = setInterval(() => {
        if (client.status !== 'ready') return;
        client.ping().then(markUp, () => undefined);
      }, 1000);
      probe.unref();
    }
  }

  function markUp() {
    if (probe) clearInterval(probe);
    probe = null;
    if (!healthy && announcedDown)
      strapi.log.info(`[newsroom] response cache: Redis at ${where} is back; caching again.`);
    healthy = true;
    announcedDown = false;
    if (pending.size || overflow) {
      const tags = overflow ? [ALL_TAG] : [...pending];
      pending.clear();
      overflow = false;
      void store.purge(tags).catch(() => undefined);
    }
  }

  client.on('ready', markUp);
  client.on('error', (error: Error) => markDown(error));
  client.on('close', () => markDown());
  subscriber.on('error', () => undefined);
  subscriber.on('message', (_channel: string, text: string) => {
    let message: Message;
    try {
      message = JSON.parse(text) as Message;
    } catch {
      return;
    }
    if (message.purge) onPurge(message.purge);
    if (message.done) for (const wake of [...(waiters.get(message.done) ?? [])]) wake();
  });

  const key = (kind: 'e' | 'l', hash: string) => `${prefix}${kind}:${hash}`;

  function remember(tags: string[]) {
    for (const tag of tags) pending.add(tag);
    if (pending.size > PENDING_LIMIT) overflow = true;
  }

  const store: ResponseStore = {
    kind: 'redis',

    async start() {
      // Not awaited to the end: an unreachable Redis must not keep Strapi from starting.
      client.connect().catch((error: unknown) => markDown(error));
      subscriber.connect().catch(() => undefined);
      void subscriber.subscribe(channel).catch(() => undefined);
    },

    async stop() {
      stopped = true;
      if (probe) clearInterval(probe);
      for (const wakers of waiters.values()) for (const wake of wakers) wake();
      client.disconnect();
      subscriber.disconnect();
    },

    available: () => healthy && client.status === 'ready',

    async lookup(hash): Promise<Lookup> {
      try {
        const [[entryError, value], [seqError, seq]] = (await client
          .pipeline()
          .getBuffer(key('e', hash))
          .get(`${prefix}seq`)
          .exec()) as [[Error | null, Buffer | null], [Error | null, string | null]];
        if (entryError || seqError) throw entryError ?? seqError;
        return { entry: value ? decodeEntry(value) : null, since: Number(seq ?? 0) };
      } catch (error) {
        markDown(error);
        throw error;
      }
    },

    async put(hash, entry, ttlMs, since) {
      const args = [prefix, hash, String(ttlMs), String(since), encodeEntry(entry), ...entry.tags];
      try {
        const stored = await client.evalsha(sha, 0, ...args).catch((error: Error) => {
          if (!String(error.message).includes('NOSCRIPT')) throw error;
          return client.eval(STORE_LUA, 0, ...args);
        });
        return Number(stored) === 1;
      } catch (error) {
        markDown(error);
        return false;
      }
    },

    async purge(tags) {
      if (!store.available()) {
        remember(tags);
        return;
      }
      try {
        // EVAL with the source, not EVALSHA: sent at once and in order before any later lookup of this
        // instance, even right after Redis restarted with an empty script cache.
        await client.eval(PURGE_LUA, 0, prefix, String(MARK_TTL_MS), JSON.stringify({ purge: tags }), ...tags);
      } catch (error) {
        remember(tags);
        markDown(error);
      }
    },

    async claim(hash) {
      const token = randomBytes(12).toString('base64url');
      try {
        return (await client.set(key('l', hash), token, 'PX', CACHE_LOCK_MS, 'NX')) === 'OK' ? token : null;
      } catch {
        // Without Redis there is no lock to take: compute here.
        return 'unlocked';
      }
    },

    async release(hash, token) {
      if (token === 'unlocked') return;
      await client.eval(RELEASE_LUA, 0, prefix, hash, token).catch(() => undefined);
    },

    /** Until the instance holding the lock says it is done, its lock expires, or `timeoutMs` passes. */
    waitForOther(hash, timeoutMs) {
      return new Promise<void>((resolve) => {
        let wakers = waiters.get(hash);
        if (!wakers) waiters.set(hash, (wakers = new Set()));
        const done = () => {
          clearTimeout(timer);
          clearInterval(poll);
          wakers!.delete(done);
          if (wakers!.size === 0) waiters.delete(hash);
          resolve();
        };
        wakers.add(done);
        const timer = setTimeout(done, timeoutMs);
        // The pub/sub message can be lost in a reconnection: look at the lock now and then as well.
        const poll = setInterval(() => {
          client.exists(key('l', hash)).then(
            (exists) => !exists && done(),
            () => done()
          );
        }, CACHE_WAIT_POLL_MS * 4);
      });
    },

    async stats() {
      let entries = 0;
      let cursor = '0';
      do {
        const [next, keys] = await client.scan(cursor, 'MATCH', `${prefix}e:*`, 'COUNT', 1000);
        entries += keys.length;
        cursor = next;
      } while (cursor !== '0');
      return { entries, bytes: null };
    },
  };
  return store;
}
