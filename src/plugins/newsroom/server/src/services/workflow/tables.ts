import type { Core } from '@strapi/strapi';

type Builder = ReturnType<Core.Strapi['db']['getConnection']>;

/**
 * Runs `work` on a query builder for one of the workflow's plain tables, inside the current Strapi
 * transaction when there is one (Strapi keeps it in its own async context). A statement outside it would
 * wait on SQLite's write lock held by that very transaction, or commit although the write it records
 * rolls back.
 */
export function onTable<T>(strapi: Core.Strapi, table: string, work: (query: Builder) => PromiseLike<T>): Promise<T> {
  if (!strapi.db.inTransaction()) return Promise.resolve(work(strapi.db.getConnection(table)));
  return strapi.db.transaction(async ({ trx }) => {
    const result: T = await work(strapi.db.getConnection(table).transacting(trx));
    return result;
  }) as Promise<T>;
}
