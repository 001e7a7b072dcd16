import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';
import { DATABASE_RETRY_AFTER_SECONDS } from '../constants';
import { describeDatabaseError, isDatabaseUnavailable } from '../utils/operations/database-errors';
import { operationsMessages } from '../utils/messages';

/** Strapi's error body (`{ data: null, error }`), as its errors middleware writes every other status. */
export function serviceUnavailableBody() {
  return {
    data: null,
    error: {
      status: 503,
      name: 'ServiceUnavailableError',
      message: operationsMessages.databaseUnavailable(DATABASE_RETRY_AFTER_SECONDS),
      details: {},
    },
  };
}

/** The first "database unreachable" error each request met, whether or not anyone rethrew it. */
const metUnavailableDatabase = new WeakMap<object, unknown>();

function remember(strapi: Core.Strapi, error: unknown) {
  const ctx = strapi.requestContext.get();
  if (ctx && !metUnavailableDatabase.has(ctx) && isDatabaseUnavailable(error)) metUnavailableDatabase.set(ctx, error);
}

/**
 * Notes, per request, every database call that failed because the database is unreachable: a failed pool
 * acquire (a refused connect, the acquire timeout) and a failed query (a connection cut by a restart).
 * Needed because not every such error reaches the middleware below: users-permissions' authentication
 * catches every error while it loads the Public role's permissions and answers 401 "Missing or invalid
 * credentials", which would tell a reader's app its login is bad. Both hooks run in the request's async
 * context, where Strapi's requestContext finds the Koa context.
 */
export function watchDatabaseErrors(strapi: Core.Strapi) {
  const knex = strapi.db.connection;
  // Knex types its client as `any`: this is the one method the runner and transactions acquire through.
  const client = knex.client as { acquireConnection: () => Promise<unknown> };
  const acquire = client.acquireConnection.bind(client);
  client.acquireConnection = async () => {
    try {
      return await acquire();
    } catch (error) {
      remember(strapi, error);
      throw error;
    }
  };
  knex.on('query-error', (error: unknown) => remember(strapi, error));
}

function answer503(strapi: Core.Strapi, ctx: Context, cause: unknown) {
  strapi.log.warn(`[newsroom] ${ctx.method} ${ctx.path}: 503, database unreachable (${describeDatabaseError(cause)})`);
  ctx.status = 503;
  ctx.set('Retry-After', String(DATABASE_RETRY_AFTER_SECONDS));
  // A CDN or the response cache must not keep the outage after it ended.
  ctx.set('Cache-Control', 'no-store');
  ctx.body = serviceUnavailableBody();
}

/**
 * A request that met an unreachable database (a restart, a failover, a pool that waited its 5 s) is
 * answered 503 with Retry-After, not Strapi's 500 with a stack in the log nor users-permissions' 401:
 * the load balancer and the client know to retry, and the log keeps one line per request. A request
 * that still answered 2xx (something degraded gracefully) is left alone, and so is every other error,
 * which goes on to Strapi's errors middleware as before. Registered in bootstrap, so it sits inside
 * `strapi::errors` and around every route.
 */
export function databaseUnavailableAs503(strapi: Core.Strapi) {
  return async (ctx: Context, next: Next) => {
    try {
      await next();
    } catch (error) {
      const cause = isDatabaseUnavailable(error) ? error : metUnavailableDatabase.get(ctx);
      if (ctx.headerSent || cause === undefined) throw error;
      return answer503(strapi, ctx, cause);
    }
    const cause = metUnavailableDatabase.get(ctx);
    if (cause !== undefined && ctx.status >= 400 && ctx.status !== 503 && !ctx.headerSent)
      answer503(strapi, ctx, cause);
  };
}

let log: Core.Strapi['log'] | null = null;

/**
 * Node ends the process on an unhandled rejection. A database call nobody awaits can fail that way
 * while the database is away: Strapi's own per-connection setup (`SET search_path` after connect, whose
 * promise Strapi never catches) when a restart cuts the connection right then, or a background job.
 * Those are logged and survived; every other unhandled rejection still ends the process, with its stack,
 * as it would without this listener.
 */
function onUnhandledRejection(reason: unknown) {
  if (!isDatabaseUnavailable(reason)) throw reason;
  log?.warn(`[newsroom] a background database call failed, database unreachable (${describeDatabaseError(reason)})`);
}

export function surviveDatabaseRejections(strapi: Core.Strapi) {
  log = strapi.log;
  // Once per process; Strapi's destroy removes every process listener, so a later boot adds it again.
  if (!process.listeners('unhandledRejection').includes(onUnhandledRejection)) {
    process.on('unhandledRejection', onUnhandledRejection);
  }
}
