import type { Core } from '@strapi/strapi';
import { CACHE_PURGE_EVENT } from '../constants';
import { newsroomConfig } from '../config';
import { backoffDelays, cdnPurgeSettings, purgeRequests, type PurgeRequest } from '../utils/http/cdn-purge';

type PurgeOutcome = { sent: number; failed: number; keys: number };

/** Waits `ms`, or less when `signal` aborts first (shutdown). */
const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
  });

/**
 * Tells the CDN or reverse proxy in front (Varnish xkey out of the box, any CDN's purge API by
 * configuration) to drop what carries these surrogate keys. Off the request path: a slow CDN never
 * holds up an editor. Retried with backoff; what still fails is logged with its keys, and the CDN's
 * copy then ages out by its s-maxage.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const settings = () => cdnPurgeSettings(newsroomConfig(strapi).cdn);
  // Keys asked for while a purge is under way wait here and go together in the next one: a CDN that is
  // down for a minute of busy editing costs one retried purge and one catch-up, not a backlog of retries
  // that would hold back every later purge (and keep stale pages at the edge) for many minutes.
  let waiting = new Set<string>();
  let draining: Promise<void> | null = null;
  // At shutdown the request in hand finishes (bounded by its timeout) and nothing is retried any more.
  const stopping = new AbortController();

  async function send(request: PurgeRequest): Promise<boolean> {
    const { retries, backoffMs, timeoutMs } = settings();
    const delays = backoffDelays(retries, backoffMs);
    for (let attempt = 0; ; attempt += 1) {
      let reason: string;
      try {
        const response = await fetch(request.url, {
          method: request.method,
          headers: request.headers,
          body: request.body,
          signal: AbortSignal.timeout(timeoutMs),
        });
        await response.arrayBuffer();
        if (response.ok) return true;
        reason = `HTTP ${response.status}`;
        // A refusal (bad token, wrong URL) will not get better by asking again.
        if (response.status >= 400 && response.status < 500 && response.status !== 429) attempt = delays.length;
      } catch (error) {
        reason = (error as Error).message;
      }
      if (attempt < delays.length) await sleep(delays[attempt], stopping.signal);
      if (attempt >= delays.length || stopping.signal.aborted) {
        strapi.log.warn(
          `[newsroom] CDN purge of ${request.keys.length} keys failed after ${attempt + 1} attempts (${reason}): ${request.keys.join(' ')}`
        );
        return false;
      }
    }
  }

  async function drain(): Promise<void> {
    try {
      while (waiting.size > 0) {
        const batch = [...waiting];
        waiting = new Set();
        await service.purge(batch).catch(() => undefined);
      }
    } finally {
      draining = null;
    }
  }

  const service = {
    async purge(keys: string[]): Promise<PurgeOutcome> {
      const requests = purgeRequests(settings(), keys);
      const results = await Promise.all(requests.map(send));
      const failed = results.filter((ok) => !ok).length;
      return {
        sent: requests.length - failed,
        failed,
        keys: requests.reduce((sum, request) => sum + request.keys.length, 0),
      };
    },

    /** Purges in the background, one purge at a time; `idle()` waits until nothing is waiting (tests, shutdown). */
    schedule(keys: string[]): void {
      if (!settings().url || keys.length === 0) return;
      for (const key of keys) waiting.add(key);
      draining ??= drain();
    },

    async idle(): Promise<void> {
      while (draining) await draining;
    },

    /** Shutdown: no more retries; what is under way ends, the CDN's copies age out by their s-maxage. */
    async stop(): Promise<void> {
      stopping.abort();
      await service.idle();
    },

    /** Every purge of the response cache reaches the CDN too. */
    listen(): void {
      strapi.eventHub.on(CACHE_PURGE_EVENT, async (payload: unknown) => {
        const tags = (payload as { tags?: unknown } | undefined)?.tags;
        if (Array.isArray(tags)) service.schedule(tags.filter((tag): tag is string => typeof tag === 'string'));
      });
    },
  };
  return service;
};
