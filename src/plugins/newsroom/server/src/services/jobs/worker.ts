/**
 * This instance's share of the durable jobs. Every instance runs one worker; none owns the queue. It
 * wakes when a job this process enqueued commits, at the next due time it knows of, and at least every
 * `pollMs` (a job another instance enqueued, a lease a killed instance left behind), and takes one due
 * job at a time in DUE_ORDER.
 * - `transaction` handlers (scheduled publish and unpublish) run inside the claim's transaction: the
 *   work, its record and the job's removal commit together or not at all, so a crash mid-publish leaves
 *   the job due for another instance and nothing half done. That is what makes "exactly once" hold.
 * - `lease` handlers (recomputations) hold the job for `leaseMs` and run outside a transaction; a job
 *   whose holder died is taken again when the lease ends. Such work must be idempotent.
 */
import { AsyncLocalStorage } from 'async_hooks';
import type { Core } from '@strapi/strapi';
import { afterFailure, type AfterFailure, type RetrySettings } from '../../utils/jobs/retry';
import type { Job, Knex, JobStore } from './store';

export type JobContext = { instance: string; now: number };
export type JobHandler = {
  mode: 'transaction' | 'lease';
  run: (job: Job, context: JobContext) => Promise<void>;
  /** A failure no retry can mend (parked at once). */
  permanent?: (error: Error) => boolean;
  /** Called after a failed attempt (its transaction rolled back), to record it. */
  onFailure?: (job: Job, error: Error, after: AfterFailure, context: JobContext) => Promise<void>;
};
export type WorkerSettings = RetrySettings & { pollMs: number; leaseMs: number };

/**
 * The async context of module load: no request, no transaction. Passes run in it. A wake-up comes from
 * a commit callback, and a transaction begun from inside one inherits that (finished) transaction's
 * callback list in @strapi/database: every later commit would replay the wake-up, and the worker would
 * loop on itself. A pass started here owes nothing to whoever woke it.
 */
const inRootContext = AsyncLocalStorage.snapshot();

/** After a pass that found due work it could not claim (held by another instance), look again this soon. */
const HELD_RETRY_MS = 1000;

const yieldToRequests = () => new Promise((resolve) => setImmediate(resolve));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function jobWorker(strapi: Core.Strapi, store: JobStore, settings: () => WorkerSettings) {
  const handlers = new Map<string, JobHandler>();
  let timer: NodeJS.Timeout | null = null;
  let pass: Promise<void> | null = null;
  let again = false;
  let started = false;
  /** Callers of idle(): they want the queue worked even when this instance's worker is off. */
  let waiting = 0;

  async function failed(job: Job, handler: JobHandler | undefined, error: Error) {
    const now = Date.now();
    const permanent = !handler || (handler.permanent?.(error) ?? false);
    const after = afterFailure(job.attempts, permanent, now, settings());
    await store.fail(job, error, after, now);
    await handler?.onFailure?.(job, error, after, { instance: store.instance, now });
    const what =
      after.state === 'parked'
        ? 'parked'
        : `retried at ${new Date(after.state === 'pending' ? after.runAt : now).toISOString()}`;
    strapi.log.warn(
      `[newsroom] job ${job.kind} ${job.key} failed (attempt ${job.attempts}, ${what}): ${error.message}`
    );
  }

  /** Claims and runs one due job; false when there was none to claim. */
  async function runOne(kinds?: readonly string[]): Promise<boolean> {
    const { leaseMs } = settings();
    let leased: Job | null = null;
    let running: Job | null = null;
    try {
      await strapi.db.transaction(async ({ trx }: { trx: Knex }) => {
        const now = Date.now();
        const job = await store.claim(trx, now, leaseMs, kinds);
        if (!job) return;
        const handler = handlers.get(job.kind);
        if (handler?.mode !== 'transaction') {
          leased = job;
          return;
        }
        running = job;
        await handler.run(job, { instance: store.instance, now });
        await store.complete(trx, job);
      });
    } catch (error) {
      if (!running) throw error;
      const job: Job = running;
      await failed(job, handlers.get(job.kind), error as Error);
      return true;
    }
    if (running) return true;
    if (!leased) return false;
    const job: Job = leased;
    const handler = handlers.get(job.kind);
    // A long recomputation keeps its lease: renewed at a third of it, so a live holder never loses the
    // job to another instance and only a dead one's lease runs out.
    const heartbeat = setInterval(
      () => {
        store.renew(job, Date.now() + leaseMs).then(
          (held) => held || strapi.log.warn(`[newsroom] job ${job.kind} ${job.key}: lease lost while running`),
          (error: Error) =>
            strapi.log.warn(`[newsroom] job ${job.kind} ${job.key}: lease not renewed: ${error.message}`)
        );
      },
      Math.max(1, Math.floor(leaseMs / 3))
    );
    heartbeat.unref();
    try {
      if (!handler) throw new Error(`no handler for job kind "${job.kind}"`);
      await handler.run(job, { instance: store.instance, now: Date.now() });
      clearInterval(heartbeat);
      await store.complete(strapi.db.connection, job);
    } catch (error) {
      clearInterval(heartbeat);
      await failed(job, handler, error as Error);
    }
    return true;
  }

  async function drain(kinds?: readonly string[], keepGoing: () => boolean = () => true) {
    // Requests get the connection between jobs (SQLite's driver is synchronous: a chain never yields).
    while (keepGoing() && (await runOne(kinds))) await yieldToRequests();
  }

  /** A pass goes on while the worker runs, or while someone waits in idle(); stop() ends it after the job in hand. */
  const passGoesOn = () => started || waiting > 0;

  async function arm() {
    if (timer) clearTimeout(timer);
    timer = null;
    if (!started) return;
    const { pollMs } = settings();
    let wait = pollMs;
    try {
      const next = await store.nextClaimableAt();
      if (next !== null) {
        const until = next - Date.now();
        // Due already, yet the pass just done could not claim it: another instance holds it. Look again
        // soon rather than spin.
        wait = Math.min(pollMs, until > 0 ? until : HELD_RETRY_MS);
      }
    } catch (error) {
      strapi.log.warn(`[newsroom] job queue unreachable: ${(error as Error).message}`);
    }
    if (!started) return;
    timer = setTimeout(() => void kick(), Math.max(0, wait));
    timer.unref();
  }

  /** Runs a pass now, or once more after the running one (a wake-up during a pass is never lost). */
  function kick(): Promise<void> {
    if (pass) {
      again = true;
      return pass;
    }
    const current = inRootContext(async () => {
      do {
        again = false;
        await drain(undefined, passGoesOn);
        // Timers and requests get their turn between passes (SQLite's driver never yields by itself).
        if (again) await yieldToRequests();
      } while (again && passGoesOn());
    })
      .catch((error: Error) => {
        strapi.log.error(`[newsroom] job worker: ${error.message}`);
      })
      .finally(() => {
        pass = null;
        void arm();
      });
    pass = current;
    return current;
  }

  return {
    register(kind: string, handler: JobHandler) {
      handlers.set(kind, handler);
    },
    start() {
      started = true;
      void kick();
    },
    /**
     * Stops taking jobs and waits for the one in hand (the plugin's destroy; a graceful shutdown): the
     * rest stays in the queue for the other instances, or for this one's next start.
     */
    async stop() {
      started = false;
      if (timer) clearTimeout(timer);
      timer = null;
      await pass;
    },
    /** Work this process just committed: look now rather than at the next poll. */
    wake() {
      if (started) void kick();
    },
    /**
     * Resolves once no job of these kinds is due (run here or by another instance): scripts and tests
     * wait on it. Runs the jobs itself when the worker is off.
     */
    async idle(kinds?: readonly string[]) {
      waiting += 1;
      try {
        for (;;) {
          await kick();
          if ((await store.dueCount(Date.now(), kinds)) === 0) return;
          await sleep(50);
        }
      } finally {
        waiting -= 1;
      }
    },
    /** One pass over what is due now, in this process (benches and tests). */
    drain,
  };
}

export type JobWorker = ReturnType<typeof jobWorker>;
