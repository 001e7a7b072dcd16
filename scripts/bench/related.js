#!/usr/bin/env node
/**
 * `npm run bench:related`: "Berita Terkait" at archive scale. For each database and corpus size it
 * generates a synthetic archive (two locales), runs the related-news rebuild, then measures:
 * reads in-process (`find`) and over HTTP (interleaved with stock Strapi's findOne of one article on
 * the same articles, the baseline), SQL statements per read, and publish latency including the
 * background recomputation. A script that prints figures, not a timed test: the final table sets
 * them against the targets, and related reads against the baseline measured in the same run.
 *
 *   npm run bench:related -- [--sizes=10000,100000] [--db=sqlite|postgres|both] [--reads=500] [--publishes=20] [--words=zipf|uniform]
 *
 * --words: how the 2,000 common words are drawn: zipf (default: a few very frequent, most rare, as in
 * prose) or uniform (each in a similar share of articles). They load the inverted index differently:
 * at 10,000 articles on this machine zipf made the rebuild and publishes slower, not faster.
 *
 * Each database x size runs in its own child process (a fresh Strapi, a fresh database, its memory
 * returned to the system afterwards). PostgreSQL: a throw-away database on DATABASE_HOST (127.0.0.1),
 * DATABASE_PORT (5432), DATABASE_USERNAME (postgres), DATABASE_PASSWORD, dropped at the end.
 */
const { compile: compileServer } = require('../lib/compile');
const { freshDatabase } = require('../lib/database');
const { bootListening } = require('./lib/boot');
const { duration, int, msSince, now } = require('./lib/figures');
const { reportDatabase, runAsChild, runCase, stopOnSignals } = require('./lib/forked-case');
const { httpClient } = require('./lib/http-client');
const { loadCorpus, rebuildRelated } = require('./lib/load-corpus');
const { measureReads } = require('./related/measure');
const { measurePublishes } = require('./related/publish');
const { printCase, printSummary } = require('./related/report');

function parseArgs(argv) {
  const options = { sizes: [10_000, 100_000], db: 'both', reads: 500, publishes: 20, words: 'zipf', child: null };
  for (const arg of argv) {
    const [key, value] = arg.replace(/^--/, '').split('=');
    if (value === undefined || value === '') throw new Error(`${arg} needs a value, e.g. --${key}=...`);
    if (key === 'sizes') options.sizes = value.split(',').map((size) => Number(size.replace(/_/g, '')));
    else if (key === 'db') options.db = value;
    else if (key === 'reads') options.reads = Number(value);
    else if (key === 'publishes') options.publishes = Number(value);
    else if (key === 'words') options.words = value;
    else if (key === 'child') options.child = value;
    else
      throw new Error(
        `Unknown option ${arg}. Use --sizes=10000,100000 --db=sqlite|postgres|both --reads=500 --publishes=20 --words=zipf|uniform`
      );
  }
  if (!['zipf', 'uniform'].includes(options.words))
    throw new Error(`--words must be zipf or uniform; got ${options.words}`);
  if (!['sqlite', 'postgres', 'both'].includes(options.db))
    throw new Error(`--db must be sqlite, postgres or both; got ${options.db}`);
  if (options.sizes.some((size) => !Number.isInteger(size) || size < 100))
    throw new Error(`--sizes must be whole numbers of at least 100; got ${options.sizes.join(',')}`);
  for (const key of ['reads', 'publishes'])
    if (!Number.isInteger(options[key]) || options[key] < 1)
      throw new Error(`--${key} must be a positive whole number`);
  return options;
}

// ---------------------------------------------------------------------------------------------- parent

function compile() {
  const started = now();
  // Thrown, not exited: dist/ would be stale, not benchmarking it.
  compileServer({ throwOnError: true });
  console.error(`[bench] compiled dist/ in ${duration(msSince(started))}`);
}

async function parent(options) {
  const startedAt = new Date();
  stopOnSignals();
  compile();
  const dbs = options.db === 'both' ? ['sqlite', 'postgres'] : [options.db];
  const results = [];
  for (const db of dbs) {
    for (const size of options.sizes) {
      console.error(`[bench] ${db}, ${int(size)} articles: starting`);
      const args = [
        `--child=${db}:${size}`,
        `--reads=${options.reads}`,
        `--publishes=${options.publishes}`,
        `--words=${options.words}`,
      ];
      const result = await runCase(__filename, args, `${db} ${int(size)}`, {
        execArgv: ['--max-old-space-size=8192'],
      });
      if (!result.ok) console.error(`[bench] ${db}, ${int(size)} articles FAILED: ${result.error}`);
      results.push({ ...result, db, size });
    }
  }
  printSummary(options, results, startedAt);
  if (results.some((r) => !r.ok)) {
    console.error(`\n[bench] ${results.filter((r) => !r.ok).length} of ${results.length} runs failed; see above.`);
    process.exitCode = 1;
  }
}

// ---------------------------------------------------------------------------------------------- child

/** One database x size: a fresh database and Strapi, the corpus, the rebuild, the reads and the publishes. */
async function child(options) {
  const [db, sizeText] = options.child.split(':');
  const size = Number(sizeText);
  const tag = `[${db} ${int(size)}]`;
  const log = (line) => console.error(`${tag} ${line}`);
  const database = await freshDatabase({ kind: db, prefix: 'warta_bench_related' });
  // The parent drops it if this process is killed (Ctrl-C): Strapi's own signal handler waits for
  // strapi.destroy(), which a running rebuild can hold up.
  reportDatabase(database);
  let app = null;
  try {
    const started = now();
    app = await bootListening(database.env);
    const { strapi, baseUrl } = app;
    log(`booted on a fresh ${db} database in ${duration(msSince(started))}`);
    const service = strapi.plugin('newsroom').service('related-news');
    const get = httpClient(baseUrl);

    const { world, taxonomy, corpus, generation } = await loadCorpus(strapi, {
      size,
      words: options.words,
      get,
      log,
      tag,
      kind: db,
    });
    const rebuild = await rebuildRelated(strapi, { size, corpus, log, tag, kind: db });
    const reads = await measureReads({ strapi, service, get, corpus, size, options, log });
    const publish = await measurePublishes({ strapi, service, world, taxonomy, corpus, options, log });

    const { quality, ...timings } = reads;
    const metrics = { generation, rebuild, ...timings, publish, quality };
    printCase(db, size, metrics);
    return { metrics };
  } finally {
    if (app) {
      await app.strapi
        .plugin('newsroom')
        ?.service('related-news')
        ?.idle()
        .catch(() => {});
      await app.strapi.destroy();
    }
    await database.drop();
  }
}

const options = (() => {
  try {
    return parseArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`bench:related: ${error.message}`);
    process.exit(2);
  }
})();

if (options.child) runAsChild(options.child, () => child(options));
else
  parent(options).catch((error) => {
    console.error(`bench:related failed: ${error.stack ?? error}`);
    process.exit(1);
  });
