#!/usr/bin/env node
/**
 * `npm run bench:boot`: cold start of `strapi start` (compiled server, fresh empty database) to the first
 * 204 from /_health, and the process's resident memory then, on SQLite and, when reachable, PostgreSQL:
 * the first boot on an empty database (schema, locales, roles) and a restart on it. BENCH_RUNS times
 * each (default 3); the figures are the median.
 */
const fs = require('fs');
const { compile } = require('../lib/compile');
const { freshDatabase } = require('../lib/database');
const { startStrapi } = require('./lib/strapi-start');

const RUNS = Number(process.env.BENCH_RUNS ?? 3);

const rssMb = (pid) => {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)[1]) / 1024;
};

async function bootOnce(databaseEnv) {
  const port = 20000 + Math.floor(Math.random() * 20000);
  const app = startStrapi({ env: databaseEnv, port });
  try {
    const { ms } = await app.ready;
    return { ms, rss: rssMb(app.child.pid) };
  } finally {
    await app.stop();
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
