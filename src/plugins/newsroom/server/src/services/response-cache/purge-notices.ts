/**
 * PostgreSQL's LISTEN/NOTIFY for the purge log (purge-log.ts): every row is also a notification on
 * CACHE_PURGE_CHANNEL, sent by the server to every listening session when the row's transaction commits.
 * An instance listening reads the log only after a notice, instead of before every hit. One connection of
 * its own (a pooled one cannot stay in LISTEN); while it is down the log is read per hit again, as on the
 * databases without notifications, and reconnected with backoff.
 */
import { Client, type ClientConfig } from 'pg';
import type { Core } from '@strapi/strapi';
import { CACHE_PURGE_CHANNEL } from '../../constants';

const RECONNECT_MIN_MS = 250;
const RECONNECT_MAX_MS = 5000;
const CONNECT_TIMEOUT_MS = 5000;
const KEEPALIVE_MS = 5000;

type Notices = {
  /** True while notices arrive: a log row not yet noticed has not committed yet. */
  listening(): boolean;
  /** Resolves once this session got row `seq`'s own notice (so the server has sent it to every listener), or after `ms`. */
  echo(seq: number, ms: number): Promise<void>;
  stop(): Promise<void>;
};

function clientConfig(strapi: Core.Strapi): ClientConfig {
  const connection = strapi.config.get('database.connection.connection') as ClientConfig | string | undefined;
  if (typeof connection === 'string') return { connectionString: connection };
  const { connectionString, host, port, database, user, password, ssl } = connection ?? {};
  return { connectionString, host, port, database, user, password, ssl };
}

/** Starts listening (in the background: a failure to connect only means reading per hit meanwhile). */
export function purgeNotices(strapi: Core.Strapi, onNotice: () => void): Notices {
  let client: Client | null = null;
  let live = false;
  let stopped = false;
  let delay = RECONNECT_MIN_MS;
  let retry: NodeJS.Timeout | null = null;
  let warned = false;
  const echoes = new Map<number, () => void>();
  // A notice can come in before its writer asks for it (the two connections race): kept for a while.
  const heard = new Set<number>();

  const dropped = (which: Client, reason: string) => {
    if (client !== which) return;
    client = null;
    live = false;
    onNotice();
    which.end().catch(() => undefined);
    if (stopped) return;
    if (!warned) strapi.log.warn(`[newsroom] response cache: purge notices lost (${reason}); reading the log per hit`);
    warned = true;
    retry = setTimeout(connect, delay);
    delay = Math.min(delay * 2, RECONNECT_MAX_MS);
  };

  async function connect(): Promise<void> {
    retry = null;
    // Keepalive: a server that vanished without closing the connection (a partition) is noticed, not trusted.
    const candidate = new Client({
      ...clientConfig(strapi),
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
      keepAlive: true,
      keepAliveInitialDelayMillis: KEEPALIVE_MS,
    });
    client = candidate;
    candidate.on('error', (error) => dropped(candidate, error.message));
    candidate.on('end', () => dropped(candidate, 'connection closed'));
    candidate.on('notification', (message) => {
      onNotice();
      const seq = Number(message.payload);
      heard.add(seq);
      if (heard.size > 1000) heard.delete(heard.values().next().value as number);
      echoes.get(seq)?.();
    });
    try {
      await candidate.connect();
      await candidate.query(`LISTEN ${CACHE_PURGE_CHANNEL}`);
    } catch (error) {
      return dropped(candidate, (error as Error).message);
    }
    if (client !== candidate || stopped) return;
    // Rows logged while nobody listened are read at the next hit.
    onNotice();
    live = true;
    delay = RECONNECT_MIN_MS;
    if (warned) strapi.log.info('[newsroom] response cache: purge notices back');
    warned = false;
  }

  void connect();

  return {
    listening: () => live,
    echo(seq, ms) {
      if (!live || heard.has(seq)) return Promise.resolve();
      return new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          echoes.delete(seq);
          resolve();
        };
        const timer = setTimeout(done, ms);
        echoes.set(seq, done);
      });
    },
    async stop() {
      stopped = true;
      if (retry) clearTimeout(retry);
      const current = client;
      client = null;
      live = false;
      await current?.end().catch(() => undefined);
    },
  };
}
