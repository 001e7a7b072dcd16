import { errors } from '@strapi/utils';
import { databaseUnavailableAs503, surviveDatabaseRejections, watchDatabaseErrors } from '../database-unavailable';

const refused = () => Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });

/** The part of a Koa context the middleware reads and writes. */
function mockContext(status = 404) {
  const headers: Record<string, string> = {};
  return {
    method: 'GET',
    path: '/api/articles',
    status,
    body: undefined as unknown,
    headerSent: false,
    headers,
    set: (name: string, value: string) => {
      headers[name] = value;
    },
  };
}

/**
 * A `strapi` with a knex whose acquire fails or succeeds as told, query-error listeners the test can
 * fire, and a request context that is whatever context the test says is current.
 */
function mockStrapi() {
  const warnings: string[] = [];
  const queryErrorListeners: ((error: unknown) => void)[] = [];
  let current: unknown;
  let acquireFails = false;
  const strapi: any = {
    log: { warn: (line: string) => warnings.push(line) },
    requestContext: { get: () => current },
    db: {
      connection: {
        client: { acquireConnection: async () => (acquireFails ? Promise.reject(refused()) : 'connection') },
        on: (event: string, listener: (error: unknown) => void) => {
          if (event === 'query-error') queryErrorListeners.push(listener);
        },
      },
    },
  };
  return {
    strapi,
    warnings,
    enter: (ctx: unknown) => (current = ctx),
    failAcquires: () => (acquireFails = true),
    queryFailed: (error: unknown) => queryErrorListeners.forEach((listener) => listener(error)),
  };
}

describe('databaseUnavailableAs503', () => {
  test("answers 503 in Strapi's error shape, bilingual, with Retry-After and no-store, when the database is unreachable", async () => {
    const { strapi, warnings } = mockStrapi();
    const ctx = mockContext();
    await databaseUnavailableAs503(strapi)(ctx as any, async () => {
      throw refused();
    });
    expect(ctx.status).toBe(503);
    expect(ctx.headers).toEqual({ 'Retry-After': '5', 'Cache-Control': 'no-store' });
    expect(ctx.body).toEqual({
      data: null,
      error: {
        status: 503,
        name: 'ServiceUnavailableError',
        message: expect.stringMatching(
          /^Layanan sedang tidak tersedia .*\(Service unavailable: the database cannot be reached/
        ),
        details: {},
      },
    });
    expect(warnings).toEqual([
      '[newsroom] GET /api/articles: 503, database unreachable (ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:5432)',
    ]);
  });

  test('passes every other error on to Strapi as before', async () => {
    const { strapi } = mockStrapi();
    const ctx = mockContext();
    const bug = new errors.ValidationError('title must be a string');
    await expect(
      databaseUnavailableAs503(strapi)(ctx as any, async () => {
        throw bug;
      })
    ).rejects.toBe(bug);
    expect(ctx.status).toBe(404);
  });

  test("turns users-permissions' 401 into a 503 when its permission lookup met the unreachable database", async () => {
    const { strapi, enter, failAcquires } = mockStrapi();
    watchDatabaseErrors(strapi);
    failAcquires();
    const ctx = mockContext();
    enter(ctx);
    await databaseUnavailableAs503(strapi)(ctx as any, async () => {
      // What users-permissions' authenticate does: the failed query is caught and becomes "not authenticated".
      await strapi.db.connection.client.acquireConnection().catch(() => undefined);
      ctx.status = 401;
      ctx.body = { error: { message: 'Missing or invalid credentials' } };
    });
    expect(ctx.status).toBe(503);
    expect(ctx.headers['Retry-After']).toBe('5');
  });

  test('notes a query cut by a restart (knex query-error) for the request it belongs to, and no other', async () => {
    const { strapi, enter, queryFailed } = mockStrapi();
    watchDatabaseErrors(strapi);
    const hit = mockContext();
    const other = mockContext();
    enter(hit);
    queryFailed(Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }));
    const middleware = databaseUnavailableAs503(strapi);
    await middleware(hit as any, async () => {
      hit.status = 500;
    });
    await middleware(other as any, async () => {
      other.status = 500;
    });
    expect([hit.status, other.status]).toEqual([503, 500]);
  });

  test('leaves a request that still answered 2xx alone', async () => {
    const { strapi, enter, queryFailed } = mockStrapi();
    watchDatabaseErrors(strapi);
    const ctx = mockContext(200);
    enter(ctx);
    queryFailed(refused());
    await databaseUnavailableAs503(strapi)(ctx as any, async () => undefined);
    expect(ctx.status).toBe(200);
  });

  test('ignores a failed query that is not about reaching the database', async () => {
    const { strapi, enter, queryFailed } = mockStrapi();
    watchDatabaseErrors(strapi);
    const ctx = mockContext();
    enter(ctx);
    queryFailed(Object.assign(new Error('duplicate key value violates unique constraint'), { code: '23505' }));
    await databaseUnavailableAs503(strapi)(ctx as any, async () => {
      ctx.status = 400;
    });
    expect(ctx.status).toBe(400);
  });
});

describe('surviveDatabaseRejections', () => {
  const ours = () => {
    const before = new Set(process.listeners('unhandledRejection'));
    const { strapi, warnings } = mockStrapi();
    surviveDatabaseRejections(strapi);
    surviveDatabaseRejections(strapi); // a second boot in the same process adds nothing
    const added = process.listeners('unhandledRejection').filter((listener) => !before.has(listener));
    return { added, warnings };
  };
  let added: NodeJS.UnhandledRejectionListener[] = [];
  afterEach(() => added.forEach((listener) => process.off('unhandledRejection', listener)));

  test('logs an unhandled rejection of an unreachable database instead of ending the process', () => {
    const result = ours();
    added = result.added;
    expect(added).toHaveLength(1);
    expect(() => added[0](refused(), Promise.resolve())).not.toThrow();
    expect(result.warnings[0]).toContain('database unreachable (ECONNREFUSED');
  });

  test('rethrows every other unhandled rejection, so Node still ends the process', () => {
    added = ours().added;
    const bug = new TypeError('a bug');
    expect(() => added[0](bug, Promise.resolve())).toThrow(bug);
  });
});
