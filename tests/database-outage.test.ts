// Guards Warta through a database restart under load (README "Operations"): two `strapi start` instances
// share one PostgreSQL (or MariaDB); it is stopped, started and restarted while requests keep coming. Both
// processes stay up, every request during the outage answers 503 (bilingual, Retry-After) within 5 s
// rather than hanging or answering 500 or 401, `/_ready` says the database is down, and both serve again
// within 30 s of the database coming back, without a restart. The server is the test's own
// (helpers/private-database.ts): restarting the machine's shared one would cut every other test's connections.
import { databaseKind } from './helpers/database';
import { startInstance, type Instance } from './helpers/instance';
import { privateDatabaseUnavailable, startPrivateDatabase, type PrivateDatabase } from './helpers/private-database';

const kind = databaseKind();
const unavailable = privateDatabaseUnavailable(kind);
const onServerDatabase = kind !== 'sqlite' && !unavailable ? describe : describe.skip;
if (kind !== 'sqlite' && unavailable) console.warn(`database-outage.test.ts skipped: ${unavailable}`);
const LABEL = kind === 'mysql' ? 'MariaDB' : 'PostgreSQL';

const PATHS = ['/api/articles?locale=id', '/read/id', '/rss/id.xml', '/_ready'];
const BILINGUAL_503 = /basis data tidak dapat dihubungi.*\(Service unavailable: the database cannot be reached/;

type Sample = {
  at: number;
  ms: number;
  instance: number;
  path: string;
  status: number | string;
  body: string;
  retryAfter: string | null;
};

/** A few clients in a loop, spread over the instances and paths, each request bounded by a client timeout of 10 s. */
function startLoad(instances: Instance[], clients = 4) {
  const samples: Sample[] = [];
  let running = true;
  const client = async (offset: number) => {
    for (let i = offset; running; i += clients) {
      const instance = i % instances.length;
      const path = PATHS[Math.floor(i / instances.length) % PATHS.length];
      const at = Date.now();
      try {
        const res = await fetch(`${instances[instance].url}${path}`, { signal: AbortSignal.timeout(10_000) });
        const body = await res.text();
        samples.push({
          at,
          ms: Date.now() - at,
          instance,
          path,
          status: res.status,
          body,
          retryAfter: res.headers.get('retry-after'),
        });
      } catch (error) {
        samples.push({
          at,
          ms: Date.now() - at,
          instance,
          path,
          status: (error as Error).name,
          body: String(error),
          retryAfter: null,
        });
      }
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  };
  const done = Promise.all(Array.from({ length: clients }, (_unused, n) => client(n)));
  return {
    samples,
    stop: async () => {
      running = false;
      await done;
    },
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Milliseconds from `since` to the first 200 of each instance, polling it directly. */
async function recovery(instances: Instance[], since: number, limitMs: number): Promise<number[]> {
  return Promise.all(
    instances.map(async (instance) => {
      while (Date.now() - since < limitMs) {
        const res = await fetch(`${instance.url}/api/articles?locale=id`, { signal: AbortSignal.timeout(5000) }).catch(
          () => null
        );
        if (res?.status === 200) return Date.now() - since;
        await sleep(100);
      }
      return Infinity;
    })
  );
}

onServerDatabase(`a ${LABEL} restart under load, two instances`, () => {
  let server: PrivateDatabase;
  const instances: Instance[] = [];

  beforeAll(async () => {
    server = await startPrivateDatabase(kind as 'postgres' | 'mysql');
    // One after the other: the first one migrates the empty database.
    instances.push(await startInstance(server.env));
    instances.push(await startInstance(server.env));
  }, 180_000);

  afterAll(async () => {
    await server?.start().catch(() => undefined); // running again, whatever a failed test left behind
    await Promise.all(instances.map((instance) => instance.stop()));
    await server?.remove();
  }, 60_000);

  test('503 within 5 s while it is down, 200 again within 30 s, no process lost', async () => {
    const load = startLoad(instances);
    let stopping = 0;
    let stoppedAt = 0;
    let starting = 0;
    let startedAt = 0;
    try {
      await sleep(2000);
      stopping = Date.now();
      await server.stop();
      stoppedAt = Date.now();
      await sleep(3000);
      const ready = await Promise.all(instances.map((instance) => fetch(`${instance.url}/_ready`)));
      expect(ready.map((res) => res.status)).toEqual([503, 503]);
      expect(await ready[0].json()).toEqual({ database: 'down', redis: 'not-configured' });
    } finally {
      starting = Date.now();
      await server.start();
      startedAt = Date.now();
    }
    const recovered = await recovery(instances, startedAt, 30_000);
    await sleep(1000);
    await load.stop();

    const { samples } = load;
    // Down for sure: from when pg_ctl stop returned to when pg_ctl start was called.
    const outage = samples.filter((sample) => sample.at >= stoppedAt && sample.at + sample.ms < starting);
    const firstFailure = samples.find((sample) => sample.at >= stopping && sample.status === 503);
    const slowest = Math.max(...samples.map((sample) => sample.ms));
    console.log(
      `[outage] ${samples.length} requests; stop took ${stoppedAt - stopping} ms; first 503 ${firstFailure ? firstFailure.at + firstFailure.ms - stopping : '-'} ms after the stop began; ` +
        `${outage.length} requests while down, slowest ${Math.max(...outage.map((s) => s.ms))} ms; slowest overall ${slowest} ms; ` +
        `start took ${startedAt - starting} ms; serving again ${recovered.join(' and ')} ms after the start`
    );

    expect(instances.map((instance) => instance.child.exitCode)).toEqual([null, null]);
    expect(samples.length).toBeGreaterThan(50);
    // Never a refused connection, a client timeout or a 500: only served, or refused politely.
    expect([...new Set(samples.map((sample) => sample.status))].sort()).toEqual([200, 503]);
    expect(slowest).toBeLessThanOrEqual(5000);
    expect(outage.length).toBeGreaterThan(10);
    expect(outage.filter((sample) => sample.status !== 503).map((s) => `${s.path} ${s.status}`)).toEqual([]);
    for (const sample of outage.filter((s) => s.path !== '/_ready')) {
      expect(sample.retryAfter).toBe('5');
      expect(sample.body).toMatch(BILINGUAL_503);
    }
    expect(Math.max(...recovered)).toBeLessThanOrEqual(30_000);
  }, 120_000);

  test('a restart in the middle of the load (stop and start at once) is survived the same way', async () => {
    const load = startLoad(instances);
    await sleep(1500);
    const restarting = Date.now();
    await server.restart();
    const restartedAt = Date.now();
    const recovered = await recovery(instances, restartedAt, 30_000);
    await sleep(1000);
    await load.stop();

    const { samples } = load;
    console.log(
      `[restart] ${samples.length} requests, restart took ${restartedAt - restarting} ms, ` +
        `${samples.filter((s) => s.status === 503).length} answered 503, serving again ${recovered.join(' and ')} ms after it`
    );
    expect(instances.map((instance) => instance.child.exitCode)).toEqual([null, null]);
    expect(
      [...new Set(samples.map((sample) => sample.status))].every((status) => status === 200 || status === 503)
    ).toBe(true);
    expect(Math.max(...samples.map((sample) => sample.ms))).toBeLessThanOrEqual(5000);
    expect(Math.max(...recovered)).toBeLessThanOrEqual(30_000);
    expect(
      samples.filter((sample) => sample.at > restartedAt + Math.max(...recovered)).every((s) => s.status === 200)
    ).toBe(true);
  }, 120_000);
});
