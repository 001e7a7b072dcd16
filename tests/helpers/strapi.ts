import path from 'path';
import supertest from 'supertest';
import type { Core } from '@strapi/strapi';
import { createTestDatabase, type TestDatabase } from './database';
import { JOB_TABLES } from '../../src/constants';

const APP_DIR = path.resolve(__dirname, '..', '..');
// The same throw-away secrets as the benches (scripts/lib/secrets.js).
const { THROWAWAY_SECRETS: TEST_SECRETS } = require('../../scripts/lib/secrets') as {
  THROWAWAY_SECRETS: Record<string, string>;
};

export type TestApp = {
  strapi: Core.Strapi;
  /** http://127.0.0.1:<port> when started with `listen`, for a real browser. */
  baseUrl: string | null;
  request: () => supertest.Agent;
  database: TestDatabase;
  close: () => Promise<void>;
};

type NodeModuleApi = {
  _load: (request: string, parent: null, isMain: boolean) => any;
  _cache: Record<string, unknown>;
};
/** Node's own module loader (jest gives its Module class, whose static loader is Node's). */
const nodeModule = require('module') as NodeModuleApi;
const DIST_DIR = path.join(APP_DIR, 'dist');
/** The process object Node's modules see; jest gives each test file a copy with an env of its own. */
const nodeProcess = nodeModule._load('process', null, false) as NodeJS.Process & {
  wartaPristineEnv?: NodeJS.ProcessEnv;
};

/**
 * Files that boot through jest's registry as before. What they check crosses the line between the two
 * loaders: a module they load themselves must be the app's (its error classes, a stubbed query), Strapi's
 * OpenAPI generator keeps state from one boot to the next, or they spawn instances and set the zone.
 */
const JEST_REGISTRY_FILES = [
  'wordpress-import.test.ts',
  'openapi.test.ts',
  'operations.test.ts',
  'schedule-instances.test.ts',
];

function usesJestRegistry(): boolean {
  const testPath = expect.getState().testPath ?? '';
  return testPath.includes(`${path.sep}browser${path.sep}`) || JEST_REGISTRY_FILES.includes(path.basename(testPath));
}

/** Makes the real process.env hold exactly `values` (the object stays the one Node's modules read). */
function replaceNodeEnv(values: NodeJS.ProcessEnv): void {
  for (const key of Object.keys(nodeProcess.env)) delete nodeProcess.env[key];
  Object.assign(nodeProcess.env, values);
}

/**
 * Strapi and its dependencies through Node's loader, not jest's registry: loaded once per jest process
 * and shared by every test file's boot (a boot then costs about a second of CPU instead of five; some
 * hundred boots make a CI run). The app's own compiled code (dist/) is dropped from Node's cache first,
 * so each boot runs it afresh, module state included. Node's modules read the real process.env: it
 * becomes this file's env until the file closes its app, and is put back as it was then.
 */
function loadStrapiModule(): typeof import('@strapi/strapi') {
  if (usesJestRegistry()) return require('@strapi/strapi');
  for (const file of Object.keys(nodeModule._cache))
    if (file.startsWith(DIST_DIR + path.sep)) delete nodeModule._cache[file];
  nodeProcess.wartaPristineEnv ??= { ...nodeProcess.env };
  if (process.env !== nodeProcess.env) {
    replaceNodeEnv({ ...process.env });
    process.env = nodeProcess.env;
  }
  return nodeModule._load(require.resolve('@strapi/strapi'), null, false);
}

function restorePristineEnv(): void {
  if (nodeProcess.wartaPristineEnv) replaceNodeEnv(nodeProcess.wartaPristineEnv);
}

/**
 * Boots the compiled app (dist/, built by `npm test` before jest runs) on a fresh database and
 * mounts its HTTP server for supertest. One boot per test file: a boot costs seconds.
 */
export async function startStrapi(
  extraEnv: Record<string, string> = {},
  options: { listen?: boolean } = {}
): Promise<TestApp> {
  const database = await createTestDatabase();
  Object.assign(process.env, TEST_SECRETS, database.env, {
    STRAPI_TELEMETRY_DISABLED: 'true',
    STARTUP_MESSAGE: 'false',
    BROWSER: 'false',
    ...extraEnv,
  });

  // Loaded once the environment above is in place, as Strapi may read it when its modules load.
  const { createStrapi } = loadStrapiModule();
  const strapi: Core.Strapi = await createStrapi({ appDir: APP_DIR, distDir: DIST_DIR }).load();
  strapi.server.mount();
  let baseUrl: string | null = null;
  if (options.listen) {
    await new Promise<void>((resolve) => strapi.server.httpServer.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(strapi.server.httpServer.address() as any).port}`;
  }

  return {
    strapi,
    baseUrl,
    database,
    request: () => supertest.agent(strapi.server.httpServer),
    close: async () => {
      // Related-news lists are recomputed in the background after publishes; let them finish first.
      await strapi.plugin('newsroom')?.service('related-news')?.idle();
      await waitForIdlePool(strapi);
      await strapi.destroy();
      await database.drop();
      restorePristineEnv();
    },
  };
}

export type UseStrapiOptions<F> = {
  /** Environment for this file's instance (WARTA_SITE_URL, ...), on top of the test secrets and database. */
  env?: Record<string, string>;
  /** Listen on a free loopback port (`app.baseUrl`), for a real browser. */
  listen?: boolean;
  /** Builds the file's data once, after the boot: `createNewsFixture`, `createLeakFixture`, or a function of its own. */
  fixture?: (strapi: Core.Strapi, app: TestApp) => Promise<F>;
  /** Milliseconds for the boot and the fixture together (jest's default of 5 s is short on PostgreSQL/MariaDB). */
  timeout?: number;
};

/**
 * One boot per test file (or per describe block, when called inside one): registers the beforeAll that
 * boots Strapi on a fresh database and builds the fixture, and the afterAll that destroys both.
 * `app` and `fixture` are read through at use, so a file keeps writing `app.strapi` and
 * `fixture.published` at the top level although both exist only once beforeAll has run; reading
 * them earlier throws and says so.
 */
export function useStrapi<F extends object = Record<string, never>>(
  options: UseStrapiOptions<F> = {}
): { app: TestApp; fixture: F } {
  let app: TestApp | undefined;
  let fixture: F | undefined;
  beforeAll(async () => {
    app = await startStrapi(options.env, { listen: options.listen });
    fixture = options.fixture ? await options.fixture(app.strapi, app) : ({} as F);
  }, options.timeout);
  afterAll(async () => {
    await app?.close();
  });
  return { app: readThrough('app', () => app), fixture: readThrough('fixture', () => fixture) };
}

function readThrough<T extends object>(name: string, current: () => T | undefined): T {
  const target = () => {
    const value = current();
    if (value === undefined)
      throw new Error(`useStrapi: ${name} was read before its beforeAll booted Strapi; read it inside a test or hook`);
    return value;
  };
  return new Proxy({} as T, {
    get: (_empty, key) => Reflect.get(target(), key),
    has: (_empty, key) => Reflect.has(target(), key),
    ownKeys: () => Reflect.ownKeys(target()),
    getOwnPropertyDescriptor: (_empty, key) => {
      const descriptor = Reflect.getOwnPropertyDescriptor(target(), key);
      return descriptor && { ...descriptor, configurable: true };
    },
  });
}

/**
 * Strapi emits document events after commit, asynchronously; destroying the pool while one of them
 * waits for a connection aborts it. Wait (bounded) until the pool is idle.
 */
async function waitForIdlePool(strapi: Core.Strapi, timeoutMs = 5000) {
  const pool = (strapi.db as any)?.connection?.client?.pool;
  if (!pool) return;
  const deadline = Date.now() + timeoutMs;
  while (
    Date.now() < deadline &&
    (pool.numUsed() > 0 || pool.numPendingAcquires() > 0 || pool.numPendingCreates() > 0)
  ) {
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** An API token an integration (an importer, an editorial tool) would use to write. */
export async function createFullAccessToken(strapi: Core.Strapi, name = 'test writer'): Promise<string> {
  const token = await strapi.service('admin::api-token').create({
    name: `${name} ${Date.now()}`,
    type: 'full-access',
    lifespan: null,
  } as any);
  return token.accessKey;
}

export async function createReadOnlyToken(strapi: Core.Strapi, name = 'test reader'): Promise<string> {
  const token = await strapi.service('admin::api-token').create({
    name: `${name} ${Date.now()}`,
    type: 'read-only',
    lifespan: null,
  } as any);
  return token.accessKey;
}

/**
 * Runs `work` and counts the SQL statements it causes on the app's connection. The counts are budgets of
 * the computation, which a response-cache hit would hide: the cache is off meanwhile (purges still reach
 * it), unless `{ cache: true }` asks to count what a request costs with it.
 */
export async function countQueries<T>(
  app: TestApp,
  work: () => Promise<T>,
  { cache = false }: { cache?: boolean } = {}
): Promise<{ result: T; queries: number }> {
  const counter = startQueryCounter(app);
  const modeKey = 'plugin::newsroom.cache.mode';
  const mode = app.strapi.config.get(modeKey);
  if (!cache) app.strapi.config.set(modeKey, 'off');
  try {
    const result = await work();
    return { result, queries: counter.count() };
  } finally {
    counter.stop();
    app.strapi.config.set(modeKey, mode);
  }
}

const JOB_QUEUE_SQL = new RegExp(Object.values(JOB_TABLES).join('|'));

/**
 * Counts the SQL statements sent from now on, leaving out the job worker's: its polls and claims (every
 * instance looks at the queue every few seconds) say nothing about what a request costs. A claim's BEGIN
 * and COMMIT go with it, by their transaction id.
 */
export function startQueryCounter(app: TestApp) {
  const seen: { sql: string; txId?: string }[] = [];
  const onQuery = (query: { sql?: string; __knexTxId?: string }) =>
    seen.push({ sql: query.sql ?? '', txId: query.__knexTxId });
  const knex = (app.strapi.db as any).connection;
  knex.on('query', onQuery);
  return {
    count(): number {
      const workerTransactions = new Set(seen.filter((q) => JOB_QUEUE_SQL.test(q.sql) && q.txId).map((q) => q.txId));
      return seen.filter((q) => !JOB_QUEUE_SQL.test(q.sql) && !(q.txId && workerTransactions.has(q.txId))).length;
    },
    stop(): void {
      knex.off('query', onQuery);
    },
  };
}

/** Polls `check` until it holds (background work such as related-news recomputation), or fails. */
export async function eventually(check: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`condition not met within ${timeoutMs} ms`);
}
