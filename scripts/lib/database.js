/**
 * A fresh, empty database for one test file or bench run: a temp SQLite file, or a throw-away
 * PostgreSQL/MariaDB database created on the server given by DATABASE_HOST/PORT/USERNAME/PASSWORD
 * (DATABASE_CLIENT says which), dropped afterwards. Used by tests/helpers and scripts/bench.
 */
const crypto = require('crypto');
const fs = require('fs');
const os = require('os');
const path = require('path');

const KINDS = ['sqlite', 'postgres', 'mysql'];

/** DATABASE_CLIENT, or `kind` when given; sqlite by default. */
function databaseKind(kind = process.env.DATABASE_CLIENT ?? 'sqlite') {
  if (KINDS.includes(kind)) return kind;
  throw new Error(`DATABASE_CLIENT=${kind} is not one of ${KINDS.join(', ')}`);
}

function server(kind) {
  return {
    host: process.env.DATABASE_HOST ?? '127.0.0.1',
    port: Number(process.env.DATABASE_PORT ?? (kind === 'postgres' ? 5432 : 3306)),
    user: process.env.DATABASE_USERNAME ?? (kind === 'postgres' ? 'postgres' : 'root'),
    password: process.env.DATABASE_PASSWORD ?? '',
  };
}

/** Runs one statement on the server's maintenance database (postgres) or without one (MariaDB). */
async function onServer(info, sql) {
  if (info.kind === 'postgres') {
    const { Client } = require('pg');
    const { host, port, user, password } = info;
    const client = new Client({ host, port, user, password, database: process.env.DATABASE_ADMIN_NAME ?? 'postgres' });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
    return;
  }
  const mysql = require('mysql2/promise');
  const { host, port, user, password } = info;
  const connection = await mysql.createConnection({ host, port, user, password });
  try {
    await connection.query(sql);
  } finally {
    await connection.end();
  }
}

/**
 * Drops what freshDatabase made. `info` is plain data (it crosses process boundaries: the related
 * bench's parent drops its child's database when interrupted).
 */
async function dropDatabase(info) {
  if (info.kind === 'sqlite') return fs.rmSync(info.dir, { recursive: true, force: true });
  // FORCE: a connection a test left open must not keep the database alive.
  if (info.kind === 'postgres') return onServer(info, `DROP DATABASE IF EXISTS "${info.name}" WITH (FORCE)`);
  return onServer(info, `DROP DATABASE IF EXISTS \`${info.name}\``);
}

/**
 * `{ kind, env, info, drop }`: `env` is what config/database.ts reads. `prefix` names the database
 * (warta_test_..., warta_bench_...) so a leftover one says where it came from. With `template` (what
 * database-template's makeTemplate returned, of the same kind) the database starts as a copy of it.
 */
async function freshDatabase({ kind = databaseKind(), prefix = 'warta_test', template } = {}) {
  kind = databaseKind(kind);
  if (template && template.kind !== kind) throw new Error(`a ${template.kind} template for a ${kind} database`);
  const { copyInto, createStatement } = require('./database-template');
  const name = `${prefix}_${process.pid}_${crypto.randomBytes(4).toString('hex')}`;

  if (kind === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `${prefix.replace(/_/g, '-')}-`));
    const info = { kind, dir };
    if (template) await copyInto(template, info);
    return {
      kind,
      info,
      env: { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: path.join(dir, 'data.db') },
      drop: () => dropDatabase(info),
    };
  }

  const info = { kind, name, ...server(kind) };
  try {
    await withRetries(() =>
      onServer(
        info,
        kind === 'postgres'
          ? createStatement(name, template)
          : `CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`
      )
    );
  } catch (error) {
    const label = kind === 'postgres' ? 'PostgreSQL' : 'MariaDB';
    throw new Error(
      `cannot create a ${label} database at ${info.user}@${info.host}:${info.port} (${error.message}); set DATABASE_HOST/PORT/USERNAME/PASSWORD`
    );
  }
  if (template) await copyInto(template, info);
  return {
    kind,
    info,
    env: {
      DATABASE_CLIENT: kind,
      DATABASE_HOST: info.host,
      DATABASE_PORT: String(info.port),
      DATABASE_USERNAME: info.user,
      DATABASE_PASSWORD: info.password,
      DATABASE_NAME: name,
      // Strapi's default keeps two idle connections per pool; throw-away instances need none.
      DATABASE_POOL_MIN: '0',
    },
    drop: () => dropDatabase(info),
  };
}

/**
 * PostgreSQL refuses to copy a template while another CREATE DATABASE reads it ("source database ... is
 * being accessed by other users"); that passes within milliseconds.
 */
async function withRetries(statement, attempts = 20) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await statement();
    } catch (error) {
      if (attempt >= attempts || !/being accessed by other users/.test(error.message)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
    }
  }
}

module.exports = { KINDS, databaseKind, freshDatabase, dropDatabase };
