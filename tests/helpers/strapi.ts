import path from 'path';
import supertest from 'supertest';
import type { Core } from '@strapi/strapi';
import { createTestDatabase, type TestDatabase } from './database';

const APP_DIR = path.resolve(__dirname, '..', '..');

const TEST_SECRETS: Record<string, string> = {
  APP_KEYS: 'testKeyOne,testKeyTwo',
  API_TOKEN_SALT: 'test-api-token-salt',
  ADMIN_JWT_SECRET: 'test-admin-jwt-secret',
  TRANSFER_TOKEN_SALT: 'test-transfer-token-salt',
  JWT_SECRET: 'test-jwt-secret',
  ENCRYPTION_KEY: 'test-encryption-key-32-characters!',
};

export type TestApp = {
  strapi: Core.Strapi;
  /** http://127.0.0.1:<port> when started with `listen`, for a real browser. */
  baseUrl: string | null;
  request: () => supertest.Agent;
  database: TestDatabase;
  close: () => Promise<void>;
};

/**
 * Boots the compiled app (dist/, built by `npm test` before jest runs) on a fresh database and
 * mounts its HTTP server for supertest. One boot per test file: a boot costs seconds.
 */
export async function startStrapi(extraEnv: Record<string, string> = {}, options: { listen?: boolean } = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  Object.assign(process.env, TEST_SECRETS, database.env, {
    STRAPI_TELEMETRY_DISABLED: 'true',
    STARTUP_MESSAGE: 'false',
    BROWSER: 'false',
    ...extraEnv,
  });

  // Required lazily so the environment above is in place when Strapi reads its configuration.
  const { createStrapi } = require('@strapi/strapi');
  const strapi: Core.Strapi = await createStrapi({ appDir: APP_DIR, distDir: path.join(APP_DIR, 'dist') }).load();
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
    },
  };
}

/**
 * Strapi emits document events after commit, asynchronously; destroying the pool while one of them
 * waits for a connection aborts it. Wait (bounded) until the pool is idle.
 */
async function waitForIdlePool(strapi: Core.Strapi, timeoutMs = 5000) {
  const pool = (strapi.db as any)?.connection?.client?.pool;
  if (!pool) return;
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && (pool.numUsed() > 0 || pool.numPendingAcquires() > 0 || pool.numPendingCreates() > 0)) {
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

/** Runs `work` and counts the SQL statements it causes on the app's connection. */
export async function countQueries<T>(app: TestApp, work: () => Promise<T>): Promise<{ result: T; queries: number }> {
  let queries = 0;
  const onQuery = () => {
    queries += 1;
  };
  const knex = (app.strapi.db as any).connection;
  knex.on('query', onQuery);
  try {
    return { result: await work(), queries };
  } finally {
    knex.off('query', onQuery);
  }
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
