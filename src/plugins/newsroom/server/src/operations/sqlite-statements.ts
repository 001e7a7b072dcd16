/**
 * Prepared statements kept on SQLite. Knex's better-sqlite3 client prepares every statement afresh
 * (`connection.prepare(sql)` in its `_query`), and SQLite's prepare is about a tenth of a write's CPU:
 * Strapi sends the same few hundred SQL texts with different bindings. Each connection keeps its most
 * recently used statements; SQLite itself re-prepares a kept statement when the schema changes.
 */
import type { Core } from '@strapi/strapi';
import { SQLITE_KEPT_STATEMENTS } from '../constants';

type Statement = unknown;
type RawConnection = { prepare: (sql: string) => Statement };
type KnexClient = { driverName?: string; _query: (connection: RawConnection, query: unknown) => Promise<unknown> };

const kept = new WeakSet<RawConnection>();

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
  client._query = (connection, statement) => query(keepStatements(connection), statement);
}
