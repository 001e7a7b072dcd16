/**
 * Prepared statements kept on SQLite. Knex's better-sqlite3 client prepares every statement afresh
 * (`connection.prepare(sql)` in its `_query`), and SQLite's prepare is about a tenth of a write's CPU:
 * Strapi sends the same few hundred SQL texts with different bindings. Each connection keeps its most
 * recently used statements; SQLite itself re-prepares a kept statement when the schema changes.
 */
import type { Core } from '@strapi/strapi';
import { SQLITE_KEPT_STATEMENTS } from '../constants';

type Statement = unknown;
type RawConnection = { prepare: (sql: string) => Statement; pragma?: (sql: string, options: object) => unknown };
type KnexClient = { driverName?: string; _query: (connection: RawConnection, query: unknown) => Promise<unknown> };

const kept = new WeakSet<RawConnection>();
/** The connection each client last ran a statement on (SQLite's pool holds one). */
const lastConnection = new WeakMap<object, RawConnection>();

/** Wraps one connection's `prepare` with a least-recently-used map of its statements, once. */
export function keepStatements(connection: RawConnection, limit = SQLITE_KEPT_STATEMENTS): RawConnection {
  if (kept.has(connection)) return connection;
  kept.add(connection);
  const prepare = connection.prepare.bind(connection);
  const statements = new Map<string, Statement>();
  connection.prepare = (sql: string) => {
    let statement = statements.get(sql);
    if (statement) {
      // Most recently used last: the first key is the one to drop.
      statements.delete(sql);
    } else {
      statement = prepare(sql);
      if (statements.size >= limit) statements.delete(statements.keys().next().value as string);
    }
    statements.set(sql, statement);
    return statement;
  };
  return connection;
}

/** On better-sqlite3 only; the server databases' drivers keep their own. */
export function keepSqliteStatements(strapi: Core.Strapi) {
  // Knex types its client as `any`: `_query` is the one method every statement goes through.
  const client = strapi.db.connection.client as KnexClient;
  if (client.driverName !== 'better-sqlite3') return;
  const query = client._query.bind(client);
  client._query = (connection, statement) => {
    lastConnection.set(client, connection);
    return query(keepStatements(connection), statement);
  };
}

/**
 * SQLite's `PRAGMA data_version` on the connection in use: it changes when another connection (another
 * process on the same file) has committed since, and never for this connection's own writes. Null before
 * any statement or on another database. No I/O: a look at the file's change counter.
 */
export function sqliteDataVersion(strapi: Core.Strapi): number | null {
  const connection = lastConnection.get(strapi.db.connection.client as object);
  if (!connection?.pragma) return null;
  try {
    return Number(connection.pragma('data_version', { simple: true }));
  } catch {
    return null;
  }
}
