/**
 * Which errors mean "the database cannot be reached right now" (it restarts, fails over, refuses more
 * connections, or the pool waited too long), as opposed to a bug or a bad query. Those are answered
 * 503 with Retry-After, so a load balancer or a client retries, instead of a 500 that pages someone.
 * The shapes were taken from real pg 8, mysql2 3 and knex 3 errors on this stack (see the unit test).
 */

/** Socket errors of Node's net/dns: the server is down, restarting, unroutable or its name does not resolve yet. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/**
 * PostgreSQL SQLSTATEs: 57P01 admin_shutdown (a fast restart terminates every session), 57P02
 * crash_shutdown, 57P03 cannot_connect_now ("the database system is starting up / shutting down"),
 * 53300 too_many_connections. Class 08 (connection exception) is matched by prefix below.
 */
const POSTGRES_CODES = new Set(['57P01', '57P02', '57P03', '53300']);

/** mysql2 / MariaDB: a connection lost or killed, the server shutting down, or out of connections. */
const MYSQL_CODES = new Set([
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_ENQUEUE_AFTER_FATAL_ERROR',
  'PROTOCOL_SEQUENCE_TIMEOUT',
  'ER_SERVER_SHUTDOWN',
  'ER_CONNECTION_KILLED',
  'ER_CON_COUNT_ERROR',
  'ER_SERVER_GONE_ERROR',
  'ER_SERVER_LOST',
]);

/**
 * Errors that carry no code: pg's "Connection terminated unexpectedly" (the socket closed under a query)
 * and "not queryable" (a client that already saw it), knex's acquire timeout and the reason it logs for a
 * disposed connection, mysql2's command on a closed connection. Knex prefixes a failed query's SQL to its
 * message, so these are matched anywhere in it.
 */
const MESSAGES = [
  'connection terminated',
  'connection ended unexpectedly',
  'client has encountered a connection error and is not queryable',
  'timeout acquiring a connection',
  "can't add new command when connection is in closed state",
  'the database system is starting up',
  'the database system is shutting down',
];

type ErrorFields = { name?: unknown; code?: unknown; message?: unknown; cause?: unknown; errors?: unknown };

function matchesItself(error: ErrorFields): boolean {
  const code = typeof error.code === 'string' ? error.code : '';
  if (NETWORK_CODES.has(code) || POSTGRES_CODES.has(code) || MYSQL_CODES.has(code)) return true;
  if (/^08[0-9A-Z]{3}$/.test(code)) return true;
  if (error.name === 'KnexTimeoutError') return true;
  const message = typeof error.message === 'string' ? error.message.toLowerCase() : '';
  return MESSAGES.some((text) => message.includes(text));
}

/**
 * True when `error`, or what it wraps (`cause`, GraphQL's `originalError`, an AggregateError's `errors`,
 * which Node gives when both ::1 and 127.0.0.1 refuse), says the database is unreachable.
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 4) return false;
  const fields = error as ErrorFields & { originalError?: unknown };
  if (matchesItself(fields)) return true;
  const wrapped = [fields.cause, fields.originalError, ...(Array.isArray(fields.errors) ? fields.errors : [])];
  return wrapped.some((inner) => isDatabaseUnavailable(inner, depth + 1));
}

/** One line for the log: the driver's code and message, without the SQL knex puts in front of it. */
export function describeDatabaseError(error: unknown): string {
  if (!error || typeof error !== 'object') return String(error);
  const { code, message } = error as ErrorFields;
  const text = typeof message === 'string' ? message : String(error);
  // "select ... - Connection terminated unexpectedly": the part after the last " - " is the driver's.
  const driverPart = text.includes(' - ') ? text.slice(text.lastIndexOf(' - ') + 3) : text;
  return typeof code === 'string' && code ? `${code}: ${driverPart}` : driverPart;
}

/**
 * Two transactions that met on the same rows, one of them rolled back by the server: PostgreSQL's
 * 40P01 deadlock_detected and 40001 serialization_failure, MariaDB's deadlock and lock wait timeout,
 * SQLite's busy database. The whole transaction was undone, so running it again is safe.
 */
const CONFLICT_CODES = new Set(['40P01', '40001', 'ER_LOCK_DEADLOCK', 'ER_LOCK_WAIT_TIMEOUT', 'SQLITE_BUSY']);

export function isWriteConflict(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 4) return false;
  const fields = error as ErrorFields;
  if (typeof fields.code === 'string' && CONFLICT_CODES.has(fields.code)) return true;
  return isWriteConflict(fields.cause, depth + 1);
}
