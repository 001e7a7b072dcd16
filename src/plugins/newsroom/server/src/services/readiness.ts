import type { Core } from '@strapi/strapi';
import Redis from 'ioredis';
import { READINESS_DATABASE_TIMEOUT_MS, READINESS_REDIS_TIMEOUT_MS } from '../constants';
import { newsroomConfig } from '../config';
import { withTimeout, type ReadinessReport } from '../utils/operations/readiness';

type RedisProbe = { url: string; client: Redis; connecting: Promise<void> | null };

/**
 * Whether this instance can serve (`GET /_ready`): the database answers `select 1`, and Redis, when
 * configured, answers PING. One Redis client per process, made at the first probe: probes come every
 * few seconds from every load balancer, and a connection per probe would churn Redis' connections.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  let probe: RedisProbe | null = null;

  // ioredis' disconnect() arms a 2 s timer that only the socket's close clears: on a client whose
  // connection already ended, it would keep the process (and jest) alive for nothing.
  const dropProbe = () => {
    if (probe && probe.client.status !== 'end') probe.client.disconnect();
    probe = null;
  };

  const redisProbe = (url: string): RedisProbe => {
    if (probe?.url === url) return probe;
    dropProbe();
    const client = new Redis(url, {
      lazyConnect: true,
      connectTimeout: READINESS_REDIS_TIMEOUT_MS,
      // No reconnect loop in the background and no queue of waiting commands: each probe connects again
      // if the last connection was lost, and a PING while disconnected fails at once.
      retryStrategy: () => null,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
    });
    // ioredis prints an "Unhandled error event" for every failed connect without a listener; the probe's
    // answer already says Redis is down.
    client.on('error', () => undefined);
    probe = { url, client, connecting: null };
    return probe;
  };

  const connected = (current: RedisProbe): Promise<void> => {
    if (current.client.status === 'ready') return Promise.resolve();
    if (current.client.status === 'wait' || current.client.status === 'end') {
      current.connecting = current.client.connect().finally(() => {
        current.connecting = null;
      });
    }
    // Probes arriving while a connect is under way wait for that same connect.
    return current.connecting ?? Promise.reject(new Error(`Redis is ${current.client.status}`));
  };

  const database = async (): Promise<ReadinessReport['database']> => {
    try {
      await withTimeout(strapi.db.connection.raw('select 1'), READINESS_DATABASE_TIMEOUT_MS, 'the database');
      return 'ok';
    } catch {
      return 'down';
    }
  };

  const redis = async (): Promise<ReadinessReport['redis']> => {
    // The cache's Redis is the only one the app uses: readiness pings what the cache would use.
    const { redisUrl } = newsroomConfig(strapi).cache;
    if (!redisUrl) return 'not-configured';
    const current = redisProbe(redisUrl);
    try {
      const ping = connected(current).then(() => current.client.ping());
      await withTimeout(ping, READINESS_REDIS_TIMEOUT_MS, 'Redis');
      return 'ok';
    } catch {
      return 'down';
    }
  };

  return {
    async check(): Promise<ReadinessReport> {
      const [databaseState, redisState] = await Promise.all([database(), redis()]);
      return { database: databaseState, redis: redisState };
    },

    /** The plugin's destroy: the probe's Redis connection must not keep the process (or jest) alive. */
    close() {
      dropProbe();
    },
  };
};
