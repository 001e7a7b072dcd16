import { jobWorker } from '../worker';
import type { Job } from '../store';

const job = (id: number, kind = 'test.lease'): Job => ({
  id,
  kind,
  key: `k${id}`,
  payload: {},
  runAt: 0,
  priority: 10,
  state: 'pending',
  attempts: 1,
  version: 1,
  lockedBy: 'me',
  lastError: null,
  updatedMs: 0,
});

/**
 * The worker over a hand-built queue: `claim` hands out the given jobs in order, and a transaction
 * records whether it committed or rolled back, so each test reads what the worker did with each job.
 */
function harness(queue: Job[], leaseMs = 5000) {
  const events: string[] = [];
  const store = {
    instance: 'me',
    claim: async () => queue.shift() ?? null,
    complete: async (_db: unknown, done: Job) => void events.push(`complete ${done.id}`),
    fail: async (failed: Job, error: Error, after: { state: string }) =>
      void events.push(`fail ${failed.id} ${after.state} ${error.message}`),
    nextClaimableAt: async () => null,
    dueCount: async () => queue.length,
    renew: async (held: Job) => (events.push(`renew ${held.id}`), true),
  };
  const strapi = {
    log: { warn: () => undefined, error: () => undefined },
    db: {
      connection: {},
      transaction: async (work: (hooks: { trx: unknown }) => Promise<unknown>) => {
        try {
          const result = await work({ trx: {} });
          events.push('commit');
          return result;
        } catch (error) {
          events.push('rollback');
          throw error;
        }
      },
    },
  };
  const settings = () => ({ maxAttempts: 3, baseDelayMs: 1000, maxDelayMs: 60_000, pollMs: 1000, leaseMs });
  const worker = jobWorker(strapi as never, store as never, settings);
  return { worker, events };
}

describe('job worker', () => {
  test('a lease job running longer than its lease renews it at a third of the lease, and stops renewing when done', async () => {
    const { worker, events } = harness([job(1)], 90);
    worker.register('test.lease', {
      mode: 'lease',
      run: async () => {
        events.push('run 1');
        await new Promise((resolve) => setTimeout(resolve, 200));
      },
    });
    await worker.drain();
    const renewals = events.filter((event) => event === 'renew 1').length;
    // 200 ms of work at a 30 ms heartbeat: several renewals, all before the completion.
    expect(renewals).toBeGreaterThanOrEqual(3);
    expect(events.lastIndexOf('renew 1')).toBeLessThan(events.indexOf('complete 1'));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(events.filter((event) => event === 'renew 1').length).toBe(renewals);
  });

  test('a transaction job runs inside the claim, and is completed before the commit', async () => {
    const { worker, events } = harness([job(1, 'test.tx')]);
    worker.register('test.tx', { mode: 'transaction', run: async () => void events.push('run 1') });
    await worker.drain();
    // The last commit is the claim that found nothing more.
    expect(events).toEqual(['run 1', 'complete 1', 'commit', 'commit']);
  });

  test('a failed transaction job is rolled back first, then recorded: retried, or parked when permanent', async () => {
    const { worker, events } = harness([job(1, 'test.tx'), job(2, 'test.tx')]);
    const failures: string[] = [];
    worker.register('test.tx', {
      mode: 'transaction',
      permanent: (error) => error.message === 'ditolak',
      run: async (current) => {
        throw new Error(current.id === 1 ? 'sibuk' : 'ditolak');
      },
      onFailure: async (current, _error, after) => void failures.push(`${current.id} ${after.state}`),
    });
    await worker.drain();
    expect(events).toEqual(['rollback', 'fail 1 pending sibuk', 'rollback', 'fail 2 parked ditolak', 'commit']);
    expect(failures).toEqual(['1 pending', '2 parked']);
  });

  test('a lease job is claimed in a transaction that commits, then runs outside it', async () => {
    const { worker, events } = harness([job(1)]);
    worker.register('test.lease', { mode: 'lease', run: async () => void events.push('run 1') });
    await worker.drain();
    expect(events).toEqual(['commit', 'run 1', 'complete 1', 'commit']);
  });

  test('a job of a kind nobody handles is parked', async () => {
    const { worker, events } = harness([job(1, 'test.unknown')]);
    await worker.drain();
    expect(events).toEqual(['commit', 'fail 1 parked no handler for job kind "test.unknown"', 'commit']);
  });

  test('stop() lets the job in hand finish and leaves the rest in the queue', async () => {
    const queue = [job(1), job(2), job(3)];
    const { worker, events } = harness(queue);
    let release: () => void = () => undefined;
    worker.register('test.lease', {
      mode: 'lease',
      run: async (current) => {
        events.push(`run ${current.id}`);
        if (current.id === 1) await new Promise<void>((resolve) => (release = resolve));
      },
    });
    worker.start();
    await new Promise((resolve) => setImmediate(resolve));
    const stopped = worker.stop();
    release();
    await stopped;
    expect(events).toEqual(['commit', 'run 1', 'complete 1']);
    expect(queue.map((left) => left.id)).toEqual([2, 3]);
  });

  test('idle() works the queue even with the worker off', async () => {
    const queue = [job(1), job(2)];
    const { worker, events } = harness(queue);
    worker.register('test.lease', { mode: 'lease', run: async (current) => void events.push(`run ${current.id}`) });
    await worker.idle();
    expect(events.filter((event) => event.startsWith('run'))).toEqual(['run 1', 'run 2']);
  });
});
