/**
 * Shared by the bench scripts: boots the compiled app on a throw-away database (SQLite temp file, or a
 * fresh PostgreSQL/MariaDB database when DATABASE_CLIENT says so) and listens on a free loopback port.
 */
const crypto = require('crypto');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');

const root = path.join(__dirname, '..', '..');

function compile() {
  const result = spawnSync(path.join(root, 'node_modules', '.bin', 'tsc'), ['-p', 'tsconfig.json'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

async function freshDatabase() {
  const client = process.env.DATABASE_CLIENT ?? 'sqlite';
  const name = `warta_bench_${crypto.randomBytes(4).toString('hex')}`;
  if (client === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'warta-bench-'));
    return { env: { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: path.join(dir, 'data.db') }, drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
  }
  const host = process.env.DATABASE_HOST ?? '127.0.0.1';
  if (client === 'postgres') {
    const { Client } = require('pg');
    const user = process.env.DATABASE_USERNAME ?? 'postgres';
    const admin = () => new Client({ host, port: Number(process.env.DATABASE_PORT ?? 5432), user, password: process.env.DATABASE_PASSWORD ?? '', database: 'postgres' });
    const c = admin();
    await c.connect();
    await c.query(`CREATE DATABASE "${name}"`);
    await c.end();
    return {
      env: { DATABASE_CLIENT: 'postgres', DATABASE_HOST: host, DATABASE_USERNAME: user, DATABASE_NAME: name },
      drop: async () => {
        const d = admin();
        await d.connect();
        await d.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await d.end();
      },
    };
  }
  throw new Error(`bench: unsupported DATABASE_CLIENT ${client}`);
}

/** Boots the compiled app on `databaseEnv` with bench secrets, listening on a free local port. */
async function bootListening(databaseEnv) {
  Object.assign(process.env, databaseEnv, {
    NODE_ENV: 'test',
    STRAPI_TELEMETRY_DISABLED: 'true',
    STARTUP_MESSAGE: 'false',
    BROWSER: 'false',
    APP_KEYS: 'benchKeyOne,benchKeyTwo',
    API_TOKEN_SALT: 'bench-salt',
    ADMIN_JWT_SECRET: 'bench-admin',
    TRANSFER_TOKEN_SALT: 'bench-transfer',
    JWT_SECRET: 'bench-jwt',
    ENCRYPTION_KEY: 'bench-encryption',
  });
  const { createStrapi } = require('@strapi/strapi');
  const strapi = await createStrapi({ appDir: root, distDir: path.join(root, 'dist') }).load();
  strapi.server.mount();
  await new Promise((resolve) => strapi.server.httpServer.listen(0, '127.0.0.1', resolve));
  return { strapi, baseUrl: `http://127.0.0.1:${strapi.server.httpServer.address().port}` };
}

async function bootForBench() {
  compile();
  const database = await freshDatabase();
  const { strapi, baseUrl } = await bootListening(database.env);
  return {
    strapi,
    baseUrl,
    close: async () => {
      await strapi.destroy();
      await database.drop();
    },
  };
}

/** Milliseconds of one GET, and the number of SQL statements it caused. */
function countingGet(strapi) {
  const http = require('http');
  return (url) =>
    new Promise((resolve, reject) => {
      let queries = 0;
      const onQuery = () => (queries += 1);
      strapi.db.connection.on('query', onQuery);
      const started = process.hrtime.bigint();
      http
        .get(url, (res) => {
          res.resume();
          res.on('end', () => {
            strapi.db.connection.off('query', onQuery);
            if (res.statusCode !== 200) return reject(new Error(`${url} answered ${res.statusCode}`));
            resolve({ ms: Number(process.hrtime.bigint() - started) / 1e6, queries });
          });
        })
        .on('error', reject);
    });
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function summarize(samples) {
  const sorted = samples.map((s) => s.ms).sort((a, b) => a - b);
  const mean = sorted.reduce((a, b) => a + b, 0) / sorted.length;
  return { n: sorted.length, mean, p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), queries: samples[samples.length - 1].queries };
}

module.exports = { bootForBench, bootListening, countingGet, summarize, root };
