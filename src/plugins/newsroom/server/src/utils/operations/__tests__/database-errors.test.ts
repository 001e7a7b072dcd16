import { KnexTimeoutError } from 'knex';
import { DatabaseError } from 'pg';
import { errors } from '@strapi/utils';
import { describeDatabaseError, isDatabaseUnavailable, isWriteConflict } from '../database-errors';

/** An error as a driver makes it: a message and the fields it sets. */
const error = (message: string, fields: Record<string, unknown> = {}) => Object.assign(new Error(message), fields);
const pgError = (message: string, code: string) => Object.assign(new DatabaseError(message, 0, 'error'), { code });

// Shapes observed on this stack (pg 8.23, mysql2 3.24, knex 3.0) against a stopped, restarting or killed server.
const UNREACHABLE: [string, unknown][] = [
  ['a refused connect', error('connect ECONNREFUSED 127.0.0.1:5432', { code: 'ECONNREFUSED', errno: -111 })],
  ['a reset socket', error('read ECONNRESET', { code: 'ECONNRESET' })],
  ['a connect that timed out', error('connect ETIMEDOUT 10.0.0.5:5432', { code: 'ETIMEDOUT' })],
  [
    "a host name that does not resolve yet (a database's DNS during a failover)",
    error('getaddrinfo EAI_AGAIN db', { code: 'EAI_AGAIN' }),
  ],
  [
    'PostgreSQL 57P01, sessions terminated by a fast shutdown',
    pgError('terminating connection due to administrator command', '57P01'),
  ],
  ['PostgreSQL 57P03 while it starts', pgError('the database system is starting up', '57P03')],
  ['PostgreSQL 57P03 while it stops', pgError('the database system is shutting down', '57P03')],
  ['PostgreSQL 53300, out of connections', pgError('sorry, too many clients already', '53300')],
  ['PostgreSQL class 08, a connection failure', pgError('connection failure', '08006')],
  ['pg, a socket closed under a query', error('Connection terminated unexpectedly')],
  [
    'pg, the same through knex (SQL in front)',
    error('select "t0".* from "articles" as "t0" - Connection terminated unexpectedly'),
  ],
  ["pg's own connect timeout", error('Connection terminated due to connection timeout')],
  [
    'pg, a client that saw its connection fail',
    error('Client has encountered a connection error and is not queryable'),
  ],
  [
    'knex, the pool waited its acquire timeout',
    new KnexTimeoutError('Knex: Timeout acquiring a connection. The pool is probably full.'),
  ],
  [
    'mysql2, a connection killed or a server gone',
    error('Connection lost: The server closed the connection.', { code: 'PROTOCOL_CONNECTION_LOST', fatal: true }),
  ],
  [
    'mysql2, a command on a closed connection',
    error("Can't add new command when connection is in closed state", { fatal: true }),
  ],
  ['MariaDB shutting down', error('Server shutdown in progress', { code: 'ER_SERVER_SHUTDOWN', errno: 1053 })],
  ['MariaDB out of connections', error('Too many connections', { code: 'ER_CON_COUNT_ERROR', errno: 1040 })],
  ['a wrapped cause', new Error('query failed', { cause: error('connect ECONNREFUSED', { code: 'ECONNREFUSED' }) })],
  [
    "GraphQL's originalError",
    Object.assign(new Error('Internal Server Error'), { originalError: pgError('terminating', '57P01') }),
  ],
  [
    'an AggregateError (Node tried ::1 and 127.0.0.1)',
    new AggregateError([error('connect ECONNREFUSED ::1:5432', { code: 'ECONNREFUSED' })], 'connect failed'),
  ],
];

const OTHER: [string, unknown][] = [
  ['a validation error', new errors.ValidationError('title must be a string')],
  ['a not-found error', new errors.NotFoundError('Not Found')],
  ['a unique violation', pgError('duplicate key value violates unique constraint', '23505')],
  ['a syntax error in SQL', pgError('syntax error at or near "selec"', '42601')],
  ['a MariaDB duplicate entry', error("Duplicate entry 'x' for key 'slug'", { code: 'ER_DUP_ENTRY', errno: 1062 })],
  ['a bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
  ['a string', 'Connection terminated'],
  ['nothing', undefined],
  ['null', null],
];

describe('isDatabaseUnavailable', () => {
  test.each(UNREACHABLE)('is true for %s', (_case, value) => {
    expect(isDatabaseUnavailable(value)).toBe(true);
  });

  test.each(OTHER)('is false for %s', (_case, value) => {
    expect(isDatabaseUnavailable(value)).toBe(false);
  });

  test('stops following a cause that refers back to itself', () => {
    const loop: Error & { cause?: unknown } = new Error('loop');
    loop.cause = loop;
    expect(isDatabaseUnavailable(loop)).toBe(false);
  });
});

describe('describeDatabaseError', () => {
  test.each([
    [
      error('connect ECONNREFUSED 127.0.0.1:5432', { code: 'ECONNREFUSED' }),
      'ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:5432',
    ],
    [
      error('select "t0".* from "articles" as "t0" - Connection terminated unexpectedly'),
      'Connection terminated unexpectedly',
    ],
    [
      pgError('terminating connection due to administrator command', '57P01'),
      '57P01: terminating connection due to administrator command',
    ],
  ])('gives the driver part of %s', (value, expected) => {
    expect(describeDatabaseError(value)).toBe(expected);
  });
});

describe('isWriteConflict', () => {
  test.each([
    ['PostgreSQL 40P01, a deadlock', pgError('deadlock detected', '40P01'), true],
    ['PostgreSQL 40001, a serialization failure', pgError('could not serialize access', '40001'), true],
    [
      'MariaDB, a deadlock',
      error('Deadlock found when trying to get lock', { code: 'ER_LOCK_DEADLOCK', errno: 1213 }),
      true,
    ],
    [
      'MariaDB, a lock wait timeout',
      error('Lock wait timeout exceeded', { code: 'ER_LOCK_WAIT_TIMEOUT', errno: 1205 }),
      true,
    ],
    ['SQLite, a busy database', error('database is locked', { code: 'SQLITE_BUSY' }), true],
    [
      'a deadlock wrapped by Strapi',
      error('Transaction failed', { cause: pgError('deadlock detected', '40P01') }),
      true,
    ],
    ['a unique violation (no retry fixes it)', pgError('duplicate key value', '23505'), false],
    ['MariaDB, a duplicate entry', error('Duplicate entry', { code: 'ER_DUP_ENTRY', errno: 1062 }), false],
    ['a refused connect', error('connect ECONNREFUSED 127.0.0.1:5432', { code: 'ECONNREFUSED' }), false],
    ['a validation error', new errors.ValidationError('title is required'), false],
    ['nothing', undefined, false],
  ])('%s: %s', (_case, value, expected) => {
    expect(isWriteConflict(value)).toBe(expected);
  });
});
