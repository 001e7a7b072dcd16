import { env } from '@strapi/utils';
import database from '../database';

/** The database config for DATABASE_CLIENT=client and the given variables, everything else unset. */
function configFor(client: string, vars: Record<string, string> = {}) {
  const names = ['DATABASE_CLIENT', 'DATABASE_POOL_MIN', 'DATABASE_CONNECTION_TIMEOUT', 'DATABASE_CREATE_TIMEOUT'];
  const saved = Object.fromEntries(names.map((name) => [name, process.env[name]]));
  try {
    for (const name of names) delete process.env[name];
    Object.assign(process.env, { DATABASE_CLIENT: client, ...vars });
    return database({ env } as never).connection as any;
  } finally {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}

/** What survives a database restart (README "Operations"): no idle connections kept, short waits, keepalive. */
describe('database config', () => {
  test.each(['postgres', 'mysql'])(
    '%s: pool min 0, 5 s to acquire, 3 s to create, refused connects fail at once',
    (client) => {
      const config = configFor(client);
      expect(config.acquireConnectionTimeout).toBe(5000);
      expect(config.pool).toMatchObject({
        min: 0,
        max: 10,
        createTimeoutMillis: 3000,
        propagateCreateError: true,
        idleTimeoutMillis: 30000,
      });
    }
  );

  test('postgres: pg gives up a connect after 3 s and keeps idle sockets alive', () => {
    expect(configFor('postgres').connection).toMatchObject({
      connectionTimeoutMillis: 3000,
      keepAlive: true,
      keepAliveInitialDelayMillis: 10000,
    });
  });

  test('mysql: mysql2 gives up a connect after 3 s and keeps idle sockets alive', () => {
    expect(configFor('mysql').connection).toMatchObject({
      connectTimeout: 3000,
      enableKeepAlive: true,
      keepAliveInitialDelay: 10000,
    });
  });

  test("sqlite keeps knex's 60 s: its one connection may rightly be held by a long write", () => {
    expect(configFor('sqlite').acquireConnectionTimeout).toBe(60000);
  });

  test('the variables override the defaults', () => {
    const config = configFor('postgres', {
      DATABASE_POOL_MIN: '2',
      DATABASE_CONNECTION_TIMEOUT: '8000',
      DATABASE_CREATE_TIMEOUT: '4000',
    });
    expect(config.pool).toMatchObject({ min: 2, createTimeoutMillis: 4000 });
    expect(config.acquireConnectionTimeout).toBe(8000);
    expect(config.connection.connectionTimeoutMillis).toBe(4000);
  });
});
