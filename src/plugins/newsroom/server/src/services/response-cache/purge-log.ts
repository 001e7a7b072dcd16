/**
 * The purge log (table CACHE_PURGE_TABLE): how in-process caches on several instances, and scripts that
 * write (seed, imports, related:rebuild), agree without Redis. A purge is a row numbered in commit order;
 * each instance reads the rows after the last one it applied before it answers from its cache.
 *
 * Why per read and not a poll: a poll every N ms leaves N ms in which another instance serves what was just
 * unpublished. The read is one indexed range scan that usually returns nothing, and concurrent requests
 * share it (a read that started before a request arrived does not count for it, the next one does).
 * On SQLite the file's data_version says whether any other process has committed since the last read
 * (exact, and no query). PostgreSQL and MariaDB read per hit: a LISTEN/NOTIFY shortcut was tried and
 * dropped, since the server hands each listener its notice on its own schedule, and under load another
 * instance served a page its writer had already purged.
 */
import type { Core } from '@strapi/strapi';
import { CACHE_PURGE_TABLE } from '../../constants';
import { ALL_TAG } from '../../utils/cache/tags';
import { sqliteDataVersion } from '../../operations/sqlite-statements';

type LogRow = { seq: number | string; tags: string };
/** More new rows than this at once (an instance that was paused): everything is dropped instead. */
const CATCH_UP_LIMIT = 1000;
/** One in this many rows written also prunes rows older than the retention. */
const PRUNE_EVERY = 50;
const BATCH_TAG_LIMIT = 20_000;

const isDuplicateKey = (error: unknown): boolean => {
  const { code, errno } = (error ?? {}) as { code?: unknown; errno?: unknown };
  return code === '23505' || code === 'ER_DUP_ENTRY' || errno === 1062 || String(code).startsWith('SQLITE_CONSTRAINT');
};

export function purgeLog(
  strapi: Core.Strapi,
  { retentionMs, apply }: { retentionMs: number; apply: (tags: string[]) => void }
) {
  // The raw connection, not strapi.db.transaction: a purge runs after the write's commit and must never
  // join (or wait on) a transaction of the request that triggered it.
  const knex = () => strapi.db.connection;
  let lastSeen = 0;
  let lastSyncAt = Date.now();
  const own = new Set<number>();
  let running: Promise<void> | null = null;
  let queued: Promise<void> | null = null;
  /** On SQLite, the file's data_version when the last read began: unchanged, no other process wrote since. */
  const onSqlite = strapi.db.dialect.client === 'sqlite';
  let readAtVersion: number | null = null;

  async function maxSeq(): Promise<number> {
    const row = (await knex()(CACHE_PURGE_TABLE).max({ max: 'seq' }).first()) as { max?: unknown } | undefined;
    return Number(row?.max ?? 0) || 0;
  }

  async function catchUp(): Promise<void> {
    readAtVersion = onSqlite ? sqliteDataVersion(strapi) : null;
    if (Date.now() - lastSyncAt > retentionMs) {
      apply([ALL_TAG]);
      lastSeen = await maxSeq();
    }
    const rows: LogRow[] = await knex()(CACHE_PURGE_TABLE)
      .select('seq', 'tags')
      .where('seq', '>', lastSeen)
      .orderBy('seq', 'asc')
      .limit(CATCH_UP_LIMIT + 1);
    lastSyncAt = Date.now();
    if (rows.length > CATCH_UP_LIMIT) {
      apply([ALL_TAG]);
      lastSeen = await maxSeq();
      return;
    }
    for (const row of rows) {
      const seq = Number(row.seq);
      if (!own.delete(seq)) apply(JSON.parse(row.tags) as string[]);
      lastSeen = Math.max(lastSeen, seq);
    }
  }

  /**
   * One row, numbered max(seq) + 1 inside a transaction under the primary key: a concurrent writer that
   * read the same max fails on the key (it waited for this one to commit) and numbers itself again. So
   * seq order is commit order, and whoever sees row N has seen every row before it.
   */
  async function writeRow(tags: string[]): Promise<void> {
    for (let attempt = 0; ; attempt += 1) {
      try {
        const seq = await knex().transaction(async (trx) => {
          const row = (await trx(CACHE_PURGE_TABLE).max({ max: 'seq' }).first()) as { max?: unknown } | undefined;
          const next = (Number(row?.max ?? 0) || 0) + 1;
          await trx(CACHE_PURGE_TABLE).insert({ seq: next, tags: JSON.stringify(tags), created_ms: Date.now() });
          return next;
        });
        // Rows this process logged are skipped when read back; an instance that never reads (a script)
        // keeps a bounded few, at worst applying a purge twice.
        if (own.size > 10_000) own.clear();
        own.add(seq);
        break;
      } catch (error) {
        if (!isDuplicateKey(error) || attempt >= 9) throw error;
        await new Promise((resolve) => setTimeout(resolve, 2 + Math.random() * 10 * (attempt + 1)));
      }
    }
    if (Math.random() * PRUNE_EVERY < 1) {
      await knex()(CACHE_PURGE_TABLE)
        .where('created_ms', '<', Date.now() - retentionMs)
        .del();
    }
  }

  type Batch = { tags: Set<string>; waiters: { resolve: () => void; reject: (error: unknown) => void }[] };
  let batch: Batch | null = null;
  let flushing: Promise<void> | null = null;

  async function flush(): Promise<void> {
    while (batch) {
      const current = batch;
      batch = null;
      // Past this many tags a row would only be long: everything is purged instead.
      const tags = current.tags.size > BATCH_TAG_LIMIT ? [ALL_TAG] : [...current.tags];
      try {
        await writeRow(tags);
        for (const waiter of current.waiters) waiter.resolve();
      } catch (error) {
        for (const waiter of current.waiters) waiter.reject(error);
      }
    }
  }

  /** Applies every row logged since the last sync. A sync already under way when called does not count. */
  function sync(): Promise<void> {
    if (onSqlite && !running && readAtVersion !== null && sqliteDataVersion(strapi) === readAtVersion) {
      lastSyncAt = Date.now();
      return Promise.resolve();
    }
    return read();
  }

  function read(): Promise<void> {
    if (!running) {
      running = catchUp().finally(() => {
        running = null;
      });
      return running;
    }
    queued ??= running
      .catch(() => undefined)
      .then(() => {
        queued = null;
        return read();
      });
    return queued;
  }

  return {
    sync,

    /** Starts after what is already logged: this process has nothing cached yet. */
    async start(): Promise<void> {
      lastSeen = await maxSeq();
      lastSyncAt = Date.now();
    },

    /**
     * Logs a purge; resolves once its row has committed. Purges that arrive while a row is being written
     * go together into the next one (a burst of "Berita Terkait" recomputes is a few rows, not thousands).
     */
    append(tags: string[]): Promise<void> {
      return new Promise<void>((resolve, reject) => {
        batch ??= { tags: new Set(), waiters: [] };
        for (const tag of tags) batch.tags.add(tag);
        batch.waiters.push({ resolve, reject });
        flushing ??= flush().finally(() => {
          flushing = null;
        });
      });
    },
  };
}
