#!/usr/bin/env node
/**
 * `npm run bench:boot`: cold start of `strapi start` (compiled server, fresh empty database) to the first
 * 204 from /_health, and the process's resident memory then, on SQLite and, when reachable, PostgreSQL:
 * the first boot on an empty database (schema, locales, roles) and a restart on it. BENCH_RUNS times
 * each (default 3); the figures are the median.
 */
const { spawn } = require('child_process');
const fs = require('fs');
const http = require('http');
const path = require('path');
const { compile, root } = require('../lib/compile');
const { freshDatabase } = require('../lib/database');
const { THROWAWAY_SECRETS: SECRETS } = require('../lib/secrets');

const RUNS = Number(process.env.BENCH_RUNS ?? 3);

const health = (port) =>
  new Promise((resolve) => {
    const req = http.get({ host: '127.0.0.1', port, path: '/_health', timeout: 500 }, (res) => {
      res.resume();
      resolve(res.statusCode === 204);
    });
    req.on('error', () => resolve(false));
    req.on('timeout', () => {
      req.destroy();
      resolve(false);
    });
  });

const rssMb = (pid) => {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)[1]) / 1024;
};

async function bootOnce(databaseEnv) {
  const port = 20000 + Math.floor(Math.random() * 20000);
  const started = Date.now();
  const child = spawn(
    process.execPath,
    [path.join(root, 'node_modules', '@strapi', 'strapi', 'bin', 'strapi.js'), 'start'],
    {
      cwd: root,
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'production',
        HOST: '127.0.0.1',
        PORT: String(port),
        STRAPI_TELEMETRY_DISABLED: 'true',
        ...SECRETS,
        ...databaseEnv,
      },
      stdio: 'ignore',
    }
  );
  try {
    while (!(await health(port))) {
      if (child.exitCode !== null) throw new Error(`strapi start exited with ${child.exitCode}`);
      if (Date.now() - started > 120_000) throw new Error('no /_health within 120 s');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return { ms: Date.now() - started, rss: rssMb(child.pid) };
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function measure(label, makeDatabase) {
  const first = [];
  const restart = [];
  for (let i = 0; i < RUNS; i += 1) {
    const database = await makeDatabase();
    try {
      first.push(await bootOnce(database.env));
      restart.push(await bootOnce(database.env));
    } finally {
      await database.drop();
    }
  }
  const line = (name, samples) =>
    `${label.padEnd(11)} ${name.padEnd(32)} median ${String(median(samples.map((s) => s.ms))).padStart(5)} ms (${samples.map((s) => s.ms).join(', ')}); RSS after boot ${median(samples.map((s) => s.rss)).toFixed(0)} MB`;
  console.log(line('first boot (creates the schema)', first));
  console.log(line('restart on that database', restart));
}

async function main() {
  compile();
  console.log(`strapi start, NODE_ENV=production, ${RUNS} fresh databases`);
  await measure('SQLite', () => freshDatabase({ kind: 'sqlite', prefix: 'warta_boot' }));
  try {
    await measure('PostgreSQL', () => freshDatabase({ kind: 'postgres', prefix: 'warta_boot' }));
  } catch (error) {
    console.log(`PostgreSQL   skipped: ${error.message}`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
