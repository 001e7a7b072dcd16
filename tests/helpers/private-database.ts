/**
 * A database server of the test's own (a fresh data directory in a temp dir, a free loopback port), for
 * tests that stop and restart the database: restarting the machine's shared PostgreSQL cluster or MariaDB
 * would cut every other test's connections. The same server binaries as those (Debian's
 * /usr/lib/postgresql/<version>/bin, /usr/sbin/mariadbd). As root (CI) the server runs as the `postgres`
 * or `mysql` user, since neither runs as root.
 */
import { execFile, spawn, type ChildProcess } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { promisify } from 'util';
import type { DatabaseKind } from './database';
import { freePort } from './instance';
import { eventually } from './strapi';

const run = promisify(execFile);
const asRoot = process.getuid?.() === 0;
const MARIADBD = '/usr/sbin/mariadbd';
const MARIADB_INSTALL_DB = '/usr/bin/mariadb-install-db';

export type PrivateDatabase = {
  kind: 'postgres' | 'mysql';
  port: number;
  /** What config/database.ts reads, for a database named `warta` on this server. */
  env: Record<string, string>;
  /** The way an operator's restart stops it: PostgreSQL `pg_ctl -m fast`, MariaDB `mysqladmin shutdown`. */
  stop: () => Promise<void>;
  start: () => Promise<void>;
  restart: () => Promise<void>;
  /** Stops the server (if running) and deletes its files. */
  remove: () => Promise<void>;
};

function postgresBin(): string | null {
  const root = '/usr/lib/postgresql';
  if (!fs.existsSync(root)) return null;
  const versions = fs
    .readdirSync(root)
    .filter((name) => fs.existsSync(path.join(root, name, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length ? path.join(root, versions[0], 'bin') : null;
}

/** Why a private server of this kind cannot be made here, or null when it can. */
export function privateDatabaseUnavailable(kind: DatabaseKind): string | null {
  if (kind === 'sqlite') return 'SQLite has no server to restart';
  if (kind === 'postgres' && !postgresBin())
    return 'no PostgreSQL server binaries under /usr/lib/postgresql/<version>/bin';
  if (kind === 'mysql' && !(fs.existsSync(MARIADBD) && fs.existsSync(MARIADB_INSTALL_DB)))
    return `no ${MARIADBD} and ${MARIADB_INSTALL_DB}`;
  if (asRoot && !fs.existsSync('/usr/sbin/runuser')) return 'running as root without runuser';
  return null;
}

function serverEnv(kind: 'postgres' | 'mysql', port: number): Record<string, string> {
  return {
    DATABASE_CLIENT: kind,
    DATABASE_HOST: '127.0.0.1',
    DATABASE_PORT: String(port),
    DATABASE_USERNAME: kind === 'postgres' ? 'postgres' : 'root',
    DATABASE_PASSWORD: '',
    DATABASE_NAME: 'warta',
  };
}

async function privatePostgres(dir: string, port: number): Promise<PrivateDatabase> {
  const bin = postgresBin()!;
  const pg = (tool: string, args: string[]) =>
    asRoot
      ? run('/usr/sbin/runuser', ['-u', 'postgres', '--', path.join(bin, tool), ...args])
      : run(path.join(bin, tool), args);
  if (asRoot) await run('chown', ['postgres', dir]);
  const data = path.join(dir, 'data');
  const log = path.join(dir, 'server.log');
  await pg('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync']);
  // fsync off: the data is thrown away. The socket directory is the temp dir, not /var/run/postgresql.
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`;
  const start = async () => void (await pg('pg_ctl', ['-D', data, '-l', log, '-o', options, '-w', 'start']));
  // -m fast is what `pg_ctlcluster ... restart` and systemd do: every session is terminated (57P01).
  const stop = async () => void (await pg('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']));
  await start();
  await pg('psql', ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-c', 'CREATE DATABASE warta']);
  return {
    kind: 'postgres',
    port,
    env: serverEnv('postgres', port),
    start,
    stop,
    restart: async () =>
      void (await pg('pg_ctl', ['-D', data, '-l', log, '-o', options, '-m', 'fast', '-w', 'restart'])),
    remove: async () => {
      await stop().catch(() => undefined);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function privateMariaDb(dir: string, port: number): Promise<PrivateDatabase> {
  if (asRoot) await run('chown', ['mysql', dir]);
  const data = path.join(dir, 'data');
  const user = asRoot ? ['--user=mysql'] : [];
  // Password login for root over TCP: Debian's default for root is unix_socket authentication.
  await run(MARIADB_INSTALL_DB, [
    '--no-defaults',
    `--datadir=${data}`,
    ...user,
    '--auth-root-authentication-method=normal',
    '--skip-test-db',
  ]);
  let server: ChildProcess | null = null;
  const ping = async () => {
    const mysql = require('mysql2/promise');
    const connection = await mysql.createConnection({ host: '127.0.0.1', port, user: 'root' });
    await connection.end();
    return true;
  };
  const start = async () => {
    if (server && server.exitCode === null) return;
    const args = [
      '--no-defaults',
      `--datadir=${data}`,
      ...user,
      `--port=${port}`,
      '--bind-address=127.0.0.1',
      `--socket=${path.join(dir, 'mysqld.sock')}`,
      `--pid-file=${path.join(dir, 'mysqld.pid')}`,
      `--log-error=${path.join(dir, 'server.log')}`,
      '--skip-log-bin',
      '--innodb-flush-log-at-trx-commit=0',
    ];
    const child = spawn(MARIADBD, args, { stdio: 'ignore' });
    server = child;
    await eventually(async () => {
      if (child.exitCode !== null) {
        const log = fs.readFileSync(path.join(dir, 'server.log'), 'utf8').slice(-2000);
        throw new Error(`mariadbd exited with ${child.exitCode}:\n${log}`);
      }
      return ping().catch(() => false);
    }, 30_000);
  };
  // What `systemctl restart mariadb` does: a normal shutdown, which ends every connection.
  const stop = async () => {
    const child = server;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    await run('mysqladmin', ['-h', '127.0.0.1', '-P', String(port), '-uroot', 'shutdown']);
    await exited;
  };
  await start();
  const mysql = require('mysql2/promise');
  const connection = await mysql.createConnection({ host: '127.0.0.1', port, user: 'root' });
  await connection.query('CREATE DATABASE warta CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci');
  await connection.end();
  return {
    kind: 'mysql',
    port,
    env: serverEnv('mysql', port),
    start,
    stop,
    restart: async () => {
      await stop();
      await start();
    },
    remove: async () => {
      await stop().catch(() => undefined);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function startPrivateDatabase(kind: 'postgres' | 'mysql'): Promise<PrivateDatabase> {
  const why = privateDatabaseUnavailable(kind);
  if (why) throw new Error(why);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `warta-${kind}-`));
  const port = await freePort();
  return kind === 'postgres' ? privatePostgres(dir, port) : privateMariaDb(dir, port);
}
