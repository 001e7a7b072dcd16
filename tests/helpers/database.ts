import crypto from 'crypto';
import fs from 'fs';
import os from 'os';
import path from 'path';

export type DatabaseKind = 'sqlite' | 'postgres' | 'mysql';

export type TestDatabase = {
  kind: DatabaseKind;
  env: Record<string, string>;
  drop: () => Promise<void>;
};

export function databaseKind(): DatabaseKind {
  const client = process.env.DATABASE_CLIENT ?? 'sqlite';
  if (client === 'sqlite' || client === 'postgres' || client === 'mysql') return client;
  throw new Error(`DATABASE_CLIENT=${client} is not one of sqlite, postgres, mysql`);
}

/**
 * A fresh, empty database for one test file: a temp SQLite file, or a throw-away PostgreSQL/MariaDB
 * database created on the server given by DATABASE_HOST/PORT/USERNAME/PASSWORD and dropped afterwards.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const kind = databaseKind();
  const name = `warta_test_${process.pid}_${crypto.randomBytes(4).toString('hex')}`;

  if (kind === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'warta-test-'));
    const filename = path.join(dir, 'data.db');
    return {
      kind,
      env: { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: filename },
      drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
    };
  }

  const host = process.env.DATABASE_HOST ?? '127.0.0.1';
  const user = process.env.DATABASE_USERNAME ?? (kind === 'postgres' ? 'postgres' : 'root');
  const password = process.env.DATABASE_PASSWORD ?? '';

  if (kind === 'postgres') {
    const { Client } = require('pg');
    const port = Number(process.env.DATABASE_PORT ?? 5432);
    const admin = () => new Client({ host, port, user, password, database: process.env.DATABASE_ADMIN_NAME ?? 'postgres' });
    const client = admin();
    await client.connect();
    await client.query(`CREATE DATABASE "${name}"`);
    await client.end();
    return {
      kind,
      env: {
        DATABASE_CLIENT: 'postgres',
        DATABASE_HOST: host,
        DATABASE_PORT: String(port),
        DATABASE_USERNAME: user,
        DATABASE_PASSWORD: password,
        DATABASE_NAME: name,
        DATABASE_POOL_MIN: '0',
      },
      drop: async () => {
        const dropper = admin();
        await dropper.connect();
        await dropper.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await dropper.end();
      },
    };
  }

  const mysql = require('mysql2/promise');
  const port = Number(process.env.DATABASE_PORT ?? 3306);
  const connection = await mysql.createConnection({ host, port, user, password });
  await connection.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await connection.end();
  return {
    kind,
    env: {
      DATABASE_CLIENT: 'mysql',
      DATABASE_HOST: host,
      DATABASE_PORT: String(port),
      DATABASE_USERNAME: user,
      DATABASE_PASSWORD: password,
      DATABASE_NAME: name,
      DATABASE_POOL_MIN: '0',
    },
    drop: async () => {
      const dropper = await mysql.createConnection({ host, port, user, password });
      await dropper.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await dropper.end();
    },
  };
}
