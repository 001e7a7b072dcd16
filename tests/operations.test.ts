// Guards what an operator running several instances relies on (README "Operations"): a request that meets
// an unreachable database answers 503 with Retry-After over REST and GraphQL (a real outage is in
// database-outage.test.ts), `GET /_ready` reports the database and Redis as a load balancer needs them
// (never cached, 503 only without the database), and SIGTERM on `strapi start` stops accepting, lets a
// request already running answer 200, closes the database pool and exits 0.
import http from 'http';
import { createTestDatabase, databaseKind, type TestDatabase } from './helpers/database';
import { freePort, startInstance, type Instance } from './helpers/instance';
import { useStrapi } from './helpers/strapi';
import { ARTICLE_UID } from '../src/constants';

const { app } = useStrapi();

const BILINGUAL_503 = /basis data tidak dapat dihubungi.*\(Service unavailable: the database cannot be reached/;
const cutByRestart = () =>
  Object.assign(
    new Error('select "t0".* from "articles" as "t0" - terminating connection due to administrator command'),
    {
      code: '57P01',
    }
  );

describe('a request that meets an unreachable database', () => {
  let articlesFail = false;
  beforeAll(() => {
    // The database goes away after authentication, while the article query runs (a restart's 57P01).
    app.strapi.documents.use(async (context, next) => {
      if (articlesFail && context.uid === ARTICLE_UID && context.action === 'findMany') throw cutByRestart();
      return next();
    });
  });
  afterEach(() => {
    articlesFail = false;
  });

  test("REST answers 503 in Strapi's error shape, bilingual, with Retry-After, never to be cached", async () => {
    articlesFail = true;
    const res = await app.request().get('/api/articles?locale=id');
    expect(res.status).toBe(503);
    expect(res.headers['retry-after']).toBe('5');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).toEqual({
      data: null,
      error: {
        status: 503,
        name: 'ServiceUnavailableError',
        message: expect.stringMatching(BILINGUAL_503),
        details: {},
      },
    });
    expect(res.text).not.toContain('select');
  });

  test('GraphQL answers 503 too, without the failed SQL', async () => {
    articlesFail = true;
    const res = await app.request().post('/graphql').send({ query: '{ articles(locale: "id") { documentId } }' });
    expect(res.status).toBe(503);
    expect(res.headers['retry-after']).toBe('5');
    expect(res.body.errors).toEqual([
      { message: expect.stringMatching(BILINGUAL_503), extensions: { code: 'SERVICE_UNAVAILABLE' } },
    ]);
    expect(res.text).not.toContain('select');
  });

  test("a public read whose permission lookup fails is a 503, not users-permissions' 401", async () => {
    // Every connection refused, as while the server is down: the pool's acquire rejects like a refused connect.
    const pool = (app.strapi.db.connection as any).client.pool;
    const acquire = pool.acquire;
    pool.acquire = () => ({
      promise: Promise.reject(
        Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })
      ),
      abort: () => undefined,
    });
    try {
      const res = await app.request().get('/api/articles?locale=id');
      expect(res.status).toBe(503);
      expect(res.body.error.message).toMatch(BILINGUAL_503);
      expect((await app.request().get('/_ready')).body).toEqual({ database: 'down', redis: 'not-configured' });
    } finally {
      pool.acquire = acquire;
    }
    expect((await app.request().get('/api/articles?locale=id')).status).toBe(200);
  });

  test('reads answer 200 again as soon as the database does', async () => {
    expect((await app.request().get('/api/articles?locale=id')).status).toBe(200);
  });
});

describe('GET /_ready', () => {
  const useRedis = (url: string) => app.strapi.config.set('plugin::newsroom.cache.redisUrl', url);
  afterEach(() => useRedis(''));

  test('answers 200 with the database ok and Redis not configured, never to be cached', async () => {
    const res = await app.request().get('/_ready');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ database: 'ok', redis: 'not-configured' });
    expect(res.headers['cache-control']).toBe('no-store');
  });

  test('reports Redis ok when REDIS_URL points at a running Redis', async () => {
    useRedis('redis://127.0.0.1:6379');
    const res = await app.request().get('/_ready');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ database: 'ok', redis: 'ok' });
    // The second probe reuses the connection of the first.
    expect((await app.request().get('/_ready')).body.redis).toBe('ok');
  });

  test('reports Redis down, still 200 and within about a second, when nothing listens at REDIS_URL', async () => {
    useRedis(`redis://127.0.0.1:${await freePort()}`);
    const started = Date.now();
    const res = await app.request().get('/_ready');
    expect(Date.now() - started).toBeLessThan(1500);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ database: 'ok', redis: 'down' });
  });

  test("leaves Strapi's GET /_health as it is", async () => {
    expect((await app.request().get('/_health')).status).toBe(204);
  });
});

/** A POST /graphql whose body arrives in two parts: the request is in flight from the first byte on. */
function slowGraphQL(url: string) {
  const body = JSON.stringify({ query: '{ articles(locale: "id") { documentId } }' });
  const half = Math.floor(body.length / 2);
  const { hostname, port } = new URL(url);
  let finish: () => void = () => undefined;
  const response = new Promise<{ status: number; connection?: string; body: string }>((resolve, reject) => {
    const request = http.request(
      {
        hostname,
        port,
        path: '/graphql',
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        let text = '';
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, connection: res.headers.connection, body: text }));
      }
    );
    request.on('error', reject);
    request.write(body.slice(0, half));
    finish = () => request.end(body.slice(half));
  });
  return { response, finish };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Connections the instance left open on its database server (PostgreSQL and MariaDB). */
async function openConnections(database: TestDatabase): Promise<number> {
  const {
    DATABASE_HOST: host,
    DATABASE_PORT: port,
    DATABASE_USERNAME: user,
    DATABASE_PASSWORD: password,
  } = database.env;
  const name = database.env.DATABASE_NAME;
  if (database.kind === 'postgres') {
    const { Client } = require('pg');
    const client = new Client({ host, port: Number(port), user, password, database: 'postgres' });
    await client.connect();
    try {
      const result = await client.query('SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1', [name]);
      return result.rows[0].n;
    } finally {
      await client.end();
    }
  }
  const mysql = require('mysql2/promise');
  const connection = await mysql.createConnection({ host, port: Number(port), user, password });
  try {
    const [rows] = await connection.query('SELECT count(*) AS n FROM information_schema.processlist WHERE db = ?', [
      name,
    ]);
    return Number(rows[0].n);
  } finally {
    await connection.end();
  }
}

describe('SIGTERM on strapi start', () => {
  let database: TestDatabase;
  let instance: Instance | undefined;

  beforeAll(async () => {
    database = await createTestDatabase();
    // info (only info: the test logger shows one level): Strapi's "Strapi has been shut down" is read below.
    instance = await startInstance({ ...database.env, STRAPI_LOG_LEVEL: 'info', WARTA_SHUTDOWN_GRACE_SECONDS: '3' });
  }, 120_000);

  afterAll(async () => {
    if (instance && instance.child.exitCode === null) instance.child.kill('SIGKILL');
    await instance?.exited;
    await database?.drop();
  });

  test('stops accepting, lets the running request answer 200, cuts one past the grace period, closes the pool, exits 0', async () => {
    const { url, child } = instance!;
    const finishing = slowGraphQL(url);
    const stuck = slowGraphQL(url); // its body never completes: the grace period cuts it
    const stuckOutcome = stuck.response.then(
      () => 'answered',
      (error: NodeJS.ErrnoException) => error.code ?? error.message
    );
    await sleep(300);
    const signalled = Date.now();
    child.kill('SIGTERM');
    await sleep(300);

    await expect(fetch(`${url}/_health`)).rejects.toThrow(); // the listener is closed: ECONNREFUSED
    finishing.finish();
    const answered = await finishing.response;
    expect(answered.status).toBe(200);
    expect(JSON.parse(answered.body)).toEqual({ data: { articles: [] } });
    expect(answered.connection).toBe('close');

    expect(await instance!.exited).toBe(0);
    const tookMs = Date.now() - signalled;
    expect(await stuckOutcome).toBe('ECONNRESET');
    expect(tookMs).toBeGreaterThanOrEqual(3000);
    expect(tookMs).toBeLessThan(10_000);
    expect(instance!.log()).toContain('Strapi has been shut down');
    if (databaseKind() !== 'sqlite') expect(await openConnections(database)).toBe(0);
  });
});
