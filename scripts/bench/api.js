#!/usr/bin/env node
/**
 * `npm run bench:api`: the read path under load. Loads the bench corpus (at least 1,000 published articles
 * with authors, a category, tags and a cover; related lists rebuilt) into a fresh database, serves it with
 * `strapi start` in a process of its own, and measures with autocannon (in a process of its own) requests
 * per second and p50/p99 latency at each connection count for: the latest 25 (`list`), the article page
 * payload (`page`), the reader page (`reader`) and the RSS feed (`rss`). Each as stock Strapi where it
 * has an equivalent, Warta uncached, Warta started for the in-process and the Redis response cache, and
 * a bare Node server returning the same bytes (the ceiling). One markdown table, ratios against stock
 * and bare.
 *
 *   npm run bench:api -- [--db sqlite|postgres] [--articles 1000] [--duration 5] [--connections 10,50]
 *                        [--modes stock,uncached,memory,redis,bare] [--rounds 1]
 *
 * --rounds N runs the modes in turn N times and keeps each cell's best round: on a machine that other work
 * shares, the least disturbed measurement of each.
 *
 * PostgreSQL: a throw-away database on DATABASE_HOST (127.0.0.1), DATABASE_PORT (5432), DATABASE_USERNAME
 * (postgres), DATABASE_PASSWORD, dropped at the end. Redis mode: REDIS_URL (redis://127.0.0.1:6379).
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawn } = require('child_process');
const qs = require('qs');
const { compile, root } = require('../lib/compile');
const { freshDatabase } = require('../lib/database');
const { autocannon } = require('./api/autocannon');
const { printTable } = require('./api/report');
const { duration, msSince, now } = require('./lib/figures');
const { runCase, stopOnSignals } = require('./lib/forked-case');
const { httpClient } = require('./lib/http-client');
const { freePort, health, startStrapi } = require('./lib/strapi-start');

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
/** Each mode's environment on top of the database's; stock reads only what has a stock equivalent. */
const MODES = {
  stock: { env: { NEWSROOM_COMPUTED_FIELDS: 'false', WARTA_CACHE: 'off' } },
  uncached: { env: { WARTA_CACHE: 'off' } },
  memory: { env: { WARTA_CACHE: 'memory' } },
  redis: { env: { WARTA_CACHE: 'redis', REDIS_URL } },
  bare: { env: {} },
};
const WARMUP_GETS = 30;

function parseArgs(argv) {
  const options = {
    db: 'sqlite',
    articles: 1000,
    duration: 5,
    connections: [10, 50],
    modes: Object.keys(MODES),
    rounds: 1,
  };
  for (let i = 0; i < argv.length; i += 1) {
    const [flag, inline] = argv[i].split('=');
    const key = flag.replace(/^--/, '');
    const value = inline ?? argv[++i];
    if (value === undefined || value === '') throw new Error(`${flag} needs a value`);
    if (key === 'db') options.db = value;
    else if (key === 'articles') options.articles = Number(value);
    else if (key === 'duration') options.duration = Number(value);
    else if (key === 'connections') options.connections = value.split(',').map(Number);
    else if (key === 'modes') options.modes = value.split(',');
    else if (key === 'rounds') options.rounds = Number(value);
    else throw new Error(`Unknown option ${flag}. Use --db --articles --duration --connections --modes --rounds`);
  }
  if (!['sqlite', 'postgres'].includes(options.db))
    throw new Error(`--db must be sqlite or postgres; got ${options.db}`);
  if (!Number.isInteger(options.articles) || options.articles < 1000)
    throw new Error('--articles must be a whole number of at least 1000');
  if (!(options.duration > 0)) throw new Error('--duration must be a positive number of seconds');
  if (!Number.isInteger(options.rounds) || options.rounds < 1)
    throw new Error('--rounds must be a whole number of at least 1');
  if (options.connections.some((c) => !Number.isInteger(c) || c < 1))
    throw new Error('--connections must be whole numbers, e.g. 10,50');
  const unknown = options.modes.filter((mode) => !MODES[mode]);
  if (unknown.length) throw new Error(`--modes: unknown ${unknown.join(', ')}; use ${Object.keys(MODES).join(',')}`);
  if (options.modes.includes('bare') && !options.modes.some((mode) => !['stock', 'bare'].includes(mode)))
    throw new Error('--modes: bare replays what a Warta mode answered; add uncached, memory or redis');
  // Warta's modes first, so the bare server replays what uncached Warta answered; bare last.
  options.modes = Object.keys(MODES).filter((mode) => options.modes.includes(mode));
  return options;
}

/** The four endpoints; `stock` is stock Strapi's equivalent, where it has one. */
function endpointsFor(slug) {
  // The page's own selection (compiled into dist/), as REST query parameters: Strapi's find by slug.
  const { PAGE_FIELDS, PAGE_POPULATE } = require(
    path.join(root, 'dist', 'src', 'plugins', 'newsroom', 'server', 'src', 'services', 'article-page', 'query')
  );
  const stockPage = qs.stringify(
    { locale: 'id', filters: { slug: { $eq: slug } }, fields: PAGE_FIELDS, populate: PAGE_POPULATE },
    { encodeValuesOnly: true }
  );
  const list = '/api/articles?locale=id&pagination[pageSize]=25&populate[cover]=true';
  return {
    list: { path: list, stock: list },
    page: { path: `/api/articles/by-slug/${encodeURIComponent(slug)}?locale=id`, stock: `/api/articles?${stockPage}` },
    reader: { path: `/read/id/${encodeURIComponent(slug)}` },
    rss: { path: '/rss/id.xml' },
  };
}

const envLabel = (mode) =>
  Object.entries(MODES[mode].env)
    .map(([key, value]) => `${key}=${value}`)
    .join(' ') || '—';

/** Every cell of one server: each endpoint it has, at each connection count, after a warm-up. */
async function measureServer({ mode, baseUrl, endpoints, options, cells, record }) {
  const get = httpClient(baseUrl, { json: false });
  try {
    for (const [key, endpoint] of Object.entries(endpoints)) {
      const url = mode === 'stock' ? endpoint.stock : endpoint.path;
      if (!url) continue;
      for (let i = 0; i < WARMUP_GETS; i += 1) await get(url);
      if (record && !record[endpoint.path]) {
        const { body, headers } = await get(url);
        record[endpoint.path] = { type: headers['content-type'], body: body.toString('base64') };
      }
      for (const connections of options.connections) {
        const cell = { endpoint: key, mode, env: envLabel(mode), connections };
        try {
          Object.assign(cell, await autocannon(`${baseUrl}${url}`, { connections, seconds: options.duration }));
        } catch (error) {
          cell.error = error.message;
        }
        console.error(
          `[bench] ${mode} ${key} c=${connections}: ${cell.error ?? `${Math.round(cell.rps)} req/s, p50 ${cell.p50} ms, p99 ${cell.p99} ms`}`
        );
        cells.push(cell);
      }
    }
  } finally {
    get.close();
  }
}

/** The ceiling: the recorded bytes from a bare Node server of its own. */
async function runBare({ record, endpoints, options, cells }) {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'warta-bench-bare-')), 'responses.json');
  fs.writeFileSync(file, JSON.stringify(record));
  const port = await freePort();
  const server = spawn(process.execPath, [path.join(__dirname, 'api', 'bare-server.js'), String(port), file], {
    stdio: 'inherit',
  });
  try {
    const deadline = Date.now() + 10_000;
    while (!(await health(port))) {
      if (Date.now() > deadline) throw new Error('the bare server did not answer /_health within 10 s');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await measureServer({ mode: 'bare', baseUrl: `http://127.0.0.1:${port}`, endpoints, options, cells });
  } finally {
    server.kill('SIGTERM');
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  }
}

/** Each cell's round with the most requests per second (a failed cell only when every round failed). */
function bestOf(rounds) {
  return rounds[0].map((_, index) =>
    rounds
      .map((cells) => cells[index])
      .reduce((best, cell) => (!best || best.error || (!cell.error && cell.rps > best.rps) ? cell : best), null)
  );
}

async function main(options) {
  const startedAt = new Date();
  let server = null;
  let database = null;
  stopOnSignals(async () => {
    await server?.stop();
    await database?.drop();
  });
  compile();
  database = await freshDatabase({ kind: options.db, prefix: 'warta_bench_api' });
  let load = null;
  try {
    let started = now();
    load = await runCase(path.join(__dirname, 'api', 'load.js'), [], 'load', {
      env: { ...database.env, BENCH_ARTICLES: String(options.articles) },
    });
    if (!load.ok) throw new Error(`loading the corpus failed: ${load.error}`);
    console.error(`[bench] corpus loaded in ${duration(msSince(started))}`);
    const endpoints = endpointsFor(load.slug);
    const record = {};
    const rounds = [];
    for (let round = 0; round < options.rounds; round += 1) {
      const cells = [];
      for (const mode of options.modes.filter((m) => m !== 'bare')) {
        started = now();
        server = startStrapi({ env: { ...database.env, ...MODES[mode].env }, port: await freePort() });
        await server.ready;
        console.error(`[bench] ${mode}: strapi start ready in ${duration(msSince(started))} (${envLabel(mode)})`);
        const records = mode !== 'stock' && Object.keys(record).length === 0;
        await measureServer({
          mode,
          baseUrl: server.baseUrl,
          endpoints,
          options,
          cells,
          record: records ? record : null,
        });
        await server.stop();
        server = null;
      }
      if (options.modes.includes('bare')) await runBare({ record, endpoints, options, cells });
      rounds.push(cells);
    }
    const cells = bestOf(rounds);
    printTable({ options, load, cells, startedAt, endpoints });
    if (cells.some((cell) => cell.error || cell.non2xx || cell.errors)) process.exitCode = 1;
  } finally {
    await server?.stop();
    await database.drop();
    // The corpus's uploaded covers: the database that named them is gone.
    for (const url of load?.uploads ?? []) fs.rmSync(path.join(root, 'public', url), { force: true });
  }
}

let options;
try {
  options = parseArgs(process.argv.slice(2));
} catch (error) {
  console.error(`bench:api: ${error.message}`);
  process.exit(2);
}
main(options).catch((error) => {
  console.error(`bench:api failed: ${error.stack ?? error}`);
  process.exit(1);
});
