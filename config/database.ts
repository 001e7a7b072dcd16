import path from 'path';
import type { Core } from '@strapi/strapi';
import { isDatabaseClientKind } from '@strapi/database';

// Compiled to dist/config/, so the app root is two levels up.
const APP_ROOT = path.join(__dirname, '..', '..');

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Database => {
  const client = env('DATABASE_CLIENT', 'sqlite');

  if (!isDatabaseClientKind(client)) {
    throw new Error(`Unsupported DATABASE_CLIENT "${client}": use "sqlite", "postgres" or "mysql".`);
  }

  const ssl = env.bool('DATABASE_SSL', false) && {
    key: env('DATABASE_SSL_KEY', undefined),
    cert: env('DATABASE_SSL_CERT', undefined),
    ca: env('DATABASE_SSL_CA', undefined),
    capath: env('DATABASE_SSL_CAPATH', undefined),
    cipher: env('DATABASE_SSL_CIPHER', undefined),
    rejectUnauthorized: env.bool('DATABASE_SSL_REJECT_UNAUTHORIZED', true),
  };
  /**
   * The knex/tarn pool of PostgreSQL and MariaDB, set so a database restart costs seconds of 503s and no
   * process (README "Operations"). Knex takes `pool` and `acquireConnectionTimeout` from here as they are;
   * Strapi only adds its own afterCreate.
   */
  const pool = {
    // No idle connections kept for their own sake: after a restart each one is dead, and every instance
    // holding two would spend max_connections on nothing. Connecting on demand takes about a millisecond.
    min: env.int('DATABASE_POOL_MIN', 0),
    max: env.int('DATABASE_POOL_MAX', 10),
    // A connect that neither succeeds nor fails (a host gone without a reset) is abandoned after 3 s
    // (tarn's default is 30 s), so a request waiting for it still fails within the acquire timeout.
    createTimeoutMillis: env.int('DATABASE_CREATE_TIMEOUT', 3000),
    // Knex's default, kept on purpose: a refused connect fails the waiting request at once (a 503 within
    // milliseconds) instead of retrying until the acquire timeout.
    propagateCreateError: true,
    // Idle connections are closed after 30 s, so a burst does not pin max connections per instance.
    idleTimeoutMillis: env.int('DATABASE_IDLE_TIMEOUT', 30000),
  };
  // A connection that goes quiet without a FIN (a dead host, a NAT dropping the flow) is found by TCP keepalive.
  const keepAliveMs = 10000;
  const connectTimeoutMs = pool.createTimeoutMillis;

  const connections: Record<Core.Config.Database.ClientKind, Core.Config.Database['connection']> = {
    mysql: {
      client: 'mysql',
      connection: {
        host: env('DATABASE_HOST', '127.0.0.1'),
        port: env.int('DATABASE_PORT', 3306),
        database: env('DATABASE_NAME', 'warta'),
        user: env('DATABASE_USERNAME', 'warta'),
        password: env('DATABASE_PASSWORD', ''),
        ssl,
        // Indonesian titles carry curly quotes and emoji: utf8mb4 or they are silently mangled.
        charset: 'utf8mb4',
        connectTimeout: connectTimeoutMs,
        enableKeepAlive: true,
        keepAliveInitialDelay: keepAliveMs,
      },
      pool,
      log: {
        // Strapi's own migrations run DDL inside transactions, which MariaDB commits implicitly; knex says
        // so on every boot. That line is expected and drowns real warnings, so it alone is dropped.
        warn: (message: string) => {
          if (!String(message).includes('Transaction was implicitly committed')) console.warn(message);
        },
      },
    } as Core.Config.Database['connection'],
    postgres: {
      client: 'postgres',
      connection: {
        connectionString: env('DATABASE_URL'),
        host: env('DATABASE_HOST', '127.0.0.1'),
        port: env.int('DATABASE_PORT', 5432),
        database: env('DATABASE_NAME', 'warta'),
        user: env('DATABASE_USERNAME', 'warta'),
        password: env('DATABASE_PASSWORD', ''),
        ssl,
        schema: env('DATABASE_SCHEMA', 'public'),
        // pg's own connect timeout (none by default): the socket is closed, not left to tarn's timeout.
        connectionTimeoutMillis: connectTimeoutMs,
        keepAlive: true,
        keepAliveInitialDelayMillis: keepAliveMs,
      },
      pool,
    },
    sqlite: {
      client: 'sqlite',
      connection: {
        // path.resolve keeps an absolute DATABASE_FILENAME (tests use a temp file) as it is.
        filename: path.resolve(APP_ROOT, env('DATABASE_FILENAME', '.tmp/data.db')),
      },
      useNullAsDefault: true,
    },
  };

  return {
    connection: {
      ...connections[client],
      // How long a query waits for a pool connection before it fails (a 503). 5 s on a server database,
      // where waiting longer only piles requests up behind a database that is away; knex's 60 s on
      // SQLite, whose one connection a long write (the seed import) may rightly hold.
      acquireConnectionTimeout: env.int('DATABASE_CONNECTION_TIMEOUT', client === 'sqlite' ? 60000 : 5000),
    },
  };
};

export default config;
