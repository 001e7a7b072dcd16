/**
 * The jobs table as the worker and the services that enqueue share it. A claim uses the database's own
 * guarantee, never a timer in one process: `SELECT ... FOR UPDATE SKIP LOCKED` on PostgreSQL and
 * MariaDB (several instances each take a different due job, none waits for another), then a conditional
 * UPDATE on the row's version (on SQLite, the single writer makes the pair atomic).
 */
import crypto from 'crypto';
import os from 'os';
import type { Core } from '@strapi/strapi';
import { JOB_TABLES as T } from '../../constants';
import { DUE_ORDER } from '../../utils/jobs/order';
import type { AfterFailure } from '../../utils/jobs/retry';

/** Strapi's query builder (knex); a transaction is one too. */
export type Knex = Core.Strapi['db']['connection'];

type JobRow = {
  id: number;
  kind: string;
  job_key: string;
  payload: string | null;
  run_at: number | string;
  priority: number;
  state: string;
  attempts: number;
  version: number;
  locked_by: string | null;
  locked_until: number | string | null;
  last_error: string | null;
  created_ms: number | string;
  updated_ms: number | string;
};

export type JobState = 'pending' | 'parked';
export type Job = {
  id: number;
  kind: string;
  key: string;
  payload: Record<string, unknown>;
  runAt: number;
  priority: number;
  state: JobState;
  attempts: number;
  version: number;
  lockedBy: string | null;
  lastError: string | null;
  updatedMs: number;
};

export type EnqueueEntry = {
  kind: string;
  key: string;
  runAt: number;
  priority: number;
  payload?: Record<string, unknown>;
};

const COLUMNS = [
  'id',
  'kind',
  'job_key',
  'payload',
  'run_at',
  'priority',
  'state',
  'attempts',
  'version',
  'locked_by',
  'locked_until',
  'last_error',
  'created_ms',
  'updated_ms',
];

const jobOf = (row: JobRow): Job => ({
  id: Number(row.id),
  kind: row.kind,
  key: row.job_key,
  payload: row.payload ? (JSON.parse(row.payload) as Record<string, unknown>) : {},
  runAt: Number(row.run_at),
  priority: Number(row.priority),
  state: row.state === 'parked' ? 'parked' : 'pending',
  attempts: Number(row.attempts),
  version: Number(row.version),
  lockedBy: row.locked_by,
  lastError: row.last_error,
  updatedMs: Number(row.updated_ms),
});

/** A fresh version for each enqueue: a worker finishing a job deletes it only if nobody asked again meanwhile. */
const newVersion = () => crypto.randomInt(1, 2 ** 31 - 1);

/** Errors kept with a parked job: enough to read, bounded so a stack trace cannot bloat the table. */
const ERROR_CHARS = 2000;

/**
 * Runs `work` on the caller's transaction when there is one, else on the connection: a job is then
 * enqueued or cancelled atomically with the write that wants it (a crash between the two cannot happen).
 */
export const onCurrentTransaction = <R>(strapi: Core.Strapi, work: (db: Knex) => Promise<R>): Promise<R> =>
  strapi.db.inTransaction()
    ? (strapi.db.transaction(({ trx }: { trx: Knex }) => work(trx)) as Promise<R>)
    : work(strapi.db.connection);

type KindAndKey = { kind: string; key: string };

const whereAny = (entries: KindAndKey[]) => (query: ReturnType<Knex>) => {
  for (const { kind, key } of entries) query.orWhere({ kind, job_key: key });
};

export function jobStore(strapi: Core.Strapi) {
  const knex = (): Knex => strapi.db.connection;
  const skipLocked = () => strapi.db.dialect.client !== 'sqlite';
  /** This process as it signs its claims and executions: host, pid and a random part (pids repeat across containers). */
  const instance = `${os.hostname()}:${process.pid}:${crypto.randomBytes(3).toString('hex')}`;

  const onCurrent = <R>(work: (db: Knex) => Promise<R>) => onCurrentTransaction(strapi, work);

  return {
    instance,

    /**
     * Inserts jobs, or merges into the pending one of the same kind and key: its time, priority and
     * payload are replaced, its attempts reset, and a running one is told (by its version) to run again.
     */
    async enqueue(entries: EnqueueEntry[], now: number): Promise<void> {
      if (entries.length === 0) return;
      const rows = entries.map((entry) => ({
        kind: entry.kind,
        job_key: entry.key,
        payload: JSON.stringify(entry.payload ?? {}),
        run_at: entry.runAt,
        priority: entry.priority,
        state: 'pending',
        attempts: 0,
        version: newVersion(),
        last_error: null,
        created_ms: now,
        updated_ms: now,
      }));
      const merged = ['payload', 'run_at', 'priority', 'state', 'attempts', 'version', 'last_error', 'updated_ms'];
      await onCurrent(async (db) => {
        for (let i = 0; i < rows.length; i += 200) {
          await db(T.jobs)
            .insert(rows.slice(i, i + 200))
            .onConflict(['kind', 'job_key'])
            .merge(merged);
        }
      });
    },

    /** Removes the jobs of these kinds and keys, whatever their state (a cleared schedule, a deleted article). */
    async cancel(entries: KindAndKey[]): Promise<void> {
      if (entries.length === 0) return;
      await onCurrent((db) => db(T.jobs).where(whereAny(entries)).del());
    },

    /** The jobs of these kinds and keys, on the caller's transaction. */
    async find(entries: KindAndKey[]): Promise<Job[]> {
      if (entries.length === 0) return [];
      const rows = (await onCurrent((db) => db(T.jobs).select(COLUMNS).where(whereAny(entries)))) as JobRow[];
      return rows.map(jobOf);
    },

    /**
     * Claims the first due job (DUE_ORDER) that no live claim holds, on `db` (a transaction): attempts
     * is counted up and the lease taken. Null when nothing is due or every due job is held elsewhere.
     */
    async claim(db: Knex, now: number, leaseMs: number, kinds?: readonly string[]): Promise<Job | null> {
      let query = db(T.jobs)
        .select(COLUMNS)
        .where('state', 'pending')
        .where('run_at', '<=', now)
        .where((free) => free.whereNull('locked_until').orWhere('locked_until', '<=', now));
      if (kinds) query = query.whereIn('kind', [...kinds]);
      query = query.orderBy(DUE_ORDER.map(({ column, order }) => ({ column, order }))).limit(1);
      if (skipLocked()) query = query.forUpdate().skipLocked();
      const [row] = (await query) as JobRow[];
      if (!row) return null;
      const claimed = await db(T.jobs)
        .where({ id: row.id, version: row.version })
        .where((free) => free.whereNull('locked_until').orWhere('locked_until', '<=', now))
        .update({ locked_by: instance, locked_until: now + leaseMs, attempts: Number(row.attempts) + 1 });
      if (claimed !== 1) return null;
      return jobOf({ ...row, attempts: Number(row.attempts) + 1, locked_by: instance });
    },

    /**
     * Keeps this instance's lease on a running job: false when the lease was lost (it ran out and another
     * instance took the job), after which this run's result is not the one that counts.
     */
    async renew(job: Job, until: number): Promise<boolean> {
      const renewed = await knex()(T.jobs).where({ id: job.id, locked_by: instance }).update({ locked_until: until });
      return renewed === 1;
    },

    /**
     * The job is done: it goes, unless it was asked for again while it ran (its version changed), in
     * which case its claim is released so that it runs once more.
     */
    async complete(db: Knex, job: Job): Promise<void> {
      const deleted = await db(T.jobs).where({ id: job.id, version: job.version }).del();
      if (deleted === 0) {
        await db(T.jobs).where({ id: job.id, locked_by: instance }).update({ locked_by: null, locked_until: null });
      }
    },

    /** A failed attempt: retried at `after.runAt`, or parked with its error; left alone if it was asked for again meanwhile. */
    async fail(job: Job, error: Error, after: AfterFailure, now: number): Promise<void> {
      const message = `${error.name}: ${error.message}`.slice(0, ERROR_CHARS);
      await knex()(T.jobs)
        .where({ id: job.id, version: job.version })
        .update({
          state: after.state,
          ...(after.state === 'pending' ? { run_at: after.runAt } : {}),
          attempts: job.attempts,
          locked_by: null,
          locked_until: null,
          last_error: message,
          updated_ms: now,
        });
    },

    /**
     * When this instance should look again: the earliest time a pending job becomes claimable (its due
     * time, or the end of another instance's lease on it). Null when nothing is pending.
     */
    async nextClaimableAt(): Promise<number | null> {
      const [row] = (await knex()(T.jobs)
        .where('state', 'pending')
        .min({
          next: knex().raw(
            'case when locked_until is not null and locked_until > run_at then locked_until else run_at end'
          ),
        })) as { next: number | string | null }[];
      return row?.next === null || row?.next === undefined ? null : Number(row.next);
    },

    /** Pending jobs of these kinds due at `now` (held or not): what idle() waits for. */
    async dueCount(now: number, kinds?: readonly string[]): Promise<number> {
      let query = knex()(T.jobs).where('state', 'pending').where('run_at', '<=', now);
      if (kinds) query = query.whereIn('kind', [...kinds]);
      const [row] = (await query.count({ count: '*' })) as { count: number | string }[];
      return Number(row.count);
    },

    async list(where: { state?: JobState; kinds?: readonly string[] }, limit = 100): Promise<Job[]> {
      let query = knex()(T.jobs).select(COLUMNS);
      if (where.state) query = query.where('state', where.state);
      if (where.kinds) query = query.whereIn('kind', [...where.kinds]);
      const rows = (await query
        .orderBy(DUE_ORDER.map(({ column, order }) => ({ column, order })))
        .limit(limit)) as JobRow[];
      return rows.map(jobOf);
    },

    /** A parked job back in the queue, due now, with its attempts counted afresh (an administrator's retry). */
    async retry(id: number, now: number): Promise<boolean> {
      const updated = await knex()(T.jobs)
        .where({ id, state: 'parked' })
        .update({ state: 'pending', run_at: now, attempts: 0, version: newVersion(), updated_ms: now });
      return updated === 1;
    },
  };
}

export type JobStore = ReturnType<typeof jobStore>;
