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
 *                        [--modes stock,uncached,memory,redis,bare] [--bursts 5]
 *
 * All servers are up at once and the modes take turns: each cell's --duration is spread over --bursts short
 * runs, the modes' order rotating, so that other work on the machine falls on every mode alike.
 *
 * PostgreSQL: a throw-away database on DATABASE_HOST (127.0.0.1), DATABASE_PORT (5432), DATABASE_USERNAME
 * (postgres), DATABASE_PASSWORD, dropped at the end. Redis mode: REDIS_URL (redis://127.0.0.1:6379).
 */
const fs = require('fs');
const path = require('path');
const qs = require('qs');
const { compile, root } = require('../lib/compile');
const { freshDatabase } = require('../lib/database');
const { autocannon } = require('./api/autocannon');
const { printTable } = require('./api/report');
const { startBare, startModes, stopAll, urlOf } = require('./api/servers');
const { duration, msSince, now } = require('./lib/figures');
const { runCase, stopOnSignals } = require('./lib/forked-case');

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
/** Each mode's environment on top of the database's; stock reads only what has a stock equivalent. */
const MODES = {
  stock: { env: { NEWSROOM_COMPUTED_FIELDS: 'false', WARTA_CACHE: 'off' } },
  uncached: { env: { WARTA_CACHE: 'off' } },
  memory: { env: { WARTA_CACHE: 'memory' } },
  redis: { env: { WARTA_CACHE: 'redis', REDIS_URL } },
  bare: { env: {} },
};

function parseArgs(argv) {
  const options = {
    db: 'sqlite',
    articles: 1000,
    duration: 5,
    connections: [10, 50],
    modes: Object.keys(MODES),
    bursts: 5,
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
    else if (key === 'bursts') options.bursts = Number(value);
    else throw new Error(`Unknown option ${flag}. Use --db --articles --duration --connections --modes --bursts`);
  }
  if (!['sqlite', 'postgres'].includes(options.db))
    throw new Error(`--db must be sqlite or postgres; got ${options.db}`);
  if (!Number.isInteger(options.articles) || options.articles < 1000)
    throw new Error('--articles must be a whole number of at least 1000');
  if (!(options.duration > 0)) throw new Error('--duration must be a positive number of seconds');
  if (!Number.isInteger(options.bursts) || options.bursts < 1)
    throw new Error('--bursts must be a whole number of at least 1');
  if (options.connections.some((c) => !Number.isInteger(c) || c < 1))
    throw new Error('--connections must be whole numbers, e.g. 10,50');
  const unknown = options.modes.filter((mode) => !MODES[mode]);
  if (unknown.length) throw new Error(`--modes: unknown ${unknown.join(', ')}; use ${Object.keys(MODES).join(',')}`);
  if (options.modes.includes('bare') && !options.modes.some((mode) => !['stock', 'bare'].includes(mode)))
    throw new Error('--modes: bare replays what a Warta mode answered; add uncached, memory or redis');
  // In this order: the bare server replays what the first Warta mode (uncached) answered.
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

/** The median of a few numbers (a burst's latency percentiles). */
const median = (values) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)];

/**
 * Every cell, its modes taking turns: each endpoint and connection count is measured in `bursts` short
 * runs per mode, the modes' order rotating, so that whatever else the machine does falls on all of them
 * alike. req/s is all requests over all the seconds; p50 and p99 the median of the bursts' own.
 */
async function measureInterleaved({ servers, endpoints, options }) {
  const cells = [];
  const seconds = options.duration / options.bursts;
  for (const [key, endpoint] of Object.entries(endpoints)) {
    for (const connections of options.connections) {
      const modes = options.modes.filter((mode) => servers[mode] && urlOf(mode, endpoint));
      const bursts = Object.fromEntries(modes.map((mode) => [mode, []]));
      const failures = {};
      for (let burst = 0; burst < options.bursts; burst += 1) {
        for (const mode of [...modes.slice(burst % modes.length), ...modes.slice(0, burst % modes.length)]) {
          const url = `${servers[mode].baseUrl}${urlOf(mode, endpoint)}`;
          try {
            bursts[mode].push(await autocannon(url, { connections, seconds }));
          } catch (error) {
            failures[mode] = error.message;
          }
        }
      }
      for (const mode of modes) {
        const runs = bursts[mode];
        const cell = { endpoint: key, mode, env: envLabel(mode), connections };
        if (runs.length === 0) cell.error = failures[mode];
        else
          Object.assign(cell, {
            rps: runs.reduce((sum, run) => sum + run.requests, 0) / runs.reduce((sum, run) => sum + run.seconds, 0),
            p50: median(runs.map((run) => run.p50)),
            p99: median(runs.map((run) => run.p99)),
            non2xx: runs.reduce((sum, run) => sum + run.non2xx, 0),
            errors: runs.reduce((sum, run) => sum + run.errors, 0) + (failures[mode] ? 1 : 0),
          });
        console.error(
          `[bench] ${key} c=${connections} ${mode}: ${cell.error ?? `${Math.round(cell.rps)} req/s, p50 ${cell.p50} ms, p99 ${cell.p99} ms`}`
        );
        cells.push(cell);
      }
    }
  }
  return cells;
}

async function main(options) {
  const startedAt = new Date();
  const servers = {};
  let database = null;
  stopOnSignals(async () => {
    await stopAll(servers);
    await database?.drop();
  });
  compile();
  database = await freshDatabase({ kind: options.db, prefix: 'warta_bench_api' });
  let load = null;
  try {
    const started = now();
    load = await runCase(path.join(__dirname, 'api', 'load.js'), [], 'load', {
      env: { ...database.env, BENCH_ARTICLES: String(options.articles) },
    });
    if (!load.ok) throw new Error(`loading the corpus failed: ${load.error}`);
    console.error(`[bench] corpus loaded in ${duration(msSince(started))}`);
    const endpoints = endpointsFor(load.slug);
    const record = {};
    await startModes({
      modes: options.modes.filter((mode) => mode !== 'bare'),
      env: database.env,
      envOf: (mode) => MODES[mode].env,
      endpoints,
      record,
      servers,
      label: envLabel,
    });
    if (options.modes.includes('bare')) await startBare({ record, endpoints, servers });
    const cells = await measureInterleaved({ servers, endpoints, options });
    printTable({ options, load, cells, startedAt, endpoints });
    if (cells.some((cell) => cell.error || cell.non2xx || cell.errors)) process.exitCode = 1;
  } finally {
    await stopAll(servers);
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
