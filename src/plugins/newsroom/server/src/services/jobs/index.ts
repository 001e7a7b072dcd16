/**
 * Durable background jobs (registry key `jobs`): the queue is a table every instance shares (store.ts),
 * each instance runs a worker over it (worker.ts). Other services enqueue through here, inside the
 * transaction of the write that wants the work, and register the handler of their job kinds at boot.
 * No maintained job library covers SQLite, PostgreSQL and MariaDB, and none could join Strapi's own
 * transaction, which is what makes a scheduled publish and its record commit together; so the claim
 * logic is this small module, tested on the three databases.
 */
import type { Core } from '@strapi/strapi';
import { newsroomConfig } from '../../config';
import { jobSettings, retryOf } from '../../utils/jobs/settings';
import { jobStore, type EnqueueEntry, type JobState } from './store';
import { jobWorker, type JobHandler } from './worker';

export type { Job } from './store';
export type { JobHandler } from './worker';

/** What `strapi.db.transaction` hands its callback (@strapi/database leaves its parameters untyped). */
type TransactionHooks = { onCommit: (callback: () => void) => void };

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const store = jobStore(strapi);
  const settings = () => jobSettings(newsroomConfig(strapi).jobs);
  const worker = jobWorker(strapi, store, () => {
    const current = settings();
    return { ...retryOf(current), pollMs: current.pollSeconds * 1000, leaseMs: current.leaseSeconds * 1000 };
  });

  /** After the caller's transaction commits (at once outside one): this worker looks without waiting for its poll. */
  const wakeAfterCommit = async () => {
    if (!strapi.db.inTransaction()) return worker.wake();
    await strapi.db.transaction(async ({ onCommit }: TransactionHooks) => onCommit(() => worker.wake()));
  };

  return {
    /** This process as it signs claims and executions. */
    instance: store.instance,
    register: (kind: string, handler: JobHandler) => worker.register(kind, handler),
    /** Starts this instance's worker unless the config turns it off (bootstrap). */
    start() {
      if (settings().worker) worker.start();
    },
    stop: () => worker.stop(),
    idle: (kinds?: readonly string[]) => worker.idle(kinds),
    drain: (kinds?: readonly string[]) => worker.drain(kinds),

    async enqueue(entries: EnqueueEntry[]): Promise<void> {
      if (entries.length === 0) return;
      await store.enqueue(entries, Date.now());
      await wakeAfterCommit();
    },
    cancel: (entries: { kind: string; key: string }[]) => store.cancel(entries),
    find: (entries: { kind: string; key: string }[]) => store.find(entries),
    list: (where: { state?: JobState; kinds?: readonly string[] }, limit?: number) => store.list(where, limit),
    async retry(id: number): Promise<boolean> {
      const retried = await store.retry(id, Date.now());
      if (retried) worker.wake();
      return retried;
    },
  };
};
