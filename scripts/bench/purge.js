#!/usr/bin/env node
/**
 * `npm run bench:purge`: how soon a write on one instance is what a second instance serves from its
 * response cache. Per cache mode (in-process LRUs kept in step by the purge log; Redis shared by both), a
 * fresh database with the demo newsroom, instance A in this process (the editor's desk) and instance B a
 * `strapi start` of its own. Each round warms B's cached page of one article (two GETs, the second a
 * hit), re-publishes a new title on A, and polls B every 2 ms from the moment A's publish returned until
 * B answers the new title. Prints the delays' p50/p95/max per mode and what B's first answer was.
 * Several instances share a server database in production; SQLite's single file is not for two processes.
 *
 *   npm run bench:purge -- [--db postgres|mysql] [--rounds 30] [--modes memory,redis]
 */
const path = require('path');
const { compile, root } = require('../lib/compile');
const { freshDatabase } = require('../lib/database');
const { bootListening } = require('./lib/boot');
const { percentile } = require('./lib/figures');
const { runCase, reportDatabase, runAsChild, stopOnSignals } = require('./lib/forked-case');
const { freePort, startStrapi } = require('./lib/strapi-start');

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const MODES = {
  memory: { WARTA_CACHE: 'memory' },
  redis: { WARTA_CACHE: 'redis', REDIS_URL, WARTA_CACHE_PREFIX: `bench-purge-${process.pid}:` },
};
const ARTICLE = 'api::article.article';

function parseArgs(argv) {
  const options = { db: process.env.DATABASE_CLIENT ?? 'postgres', rounds: 30, modes: Object.keys(MODES), child: null };
  for (let i = 0; i < argv.length; i += 1) {
    const [flag, inline] = argv[i].split('=');
    const value = inline ?? argv[++i];
    if (flag === '--db') options.db = value;
    else if (flag === '--rounds') options.rounds = Number(value);
    else if (flag === '--modes') options.modes = value.split(',');
    else if (flag === '--child') options.child = value;
    else throw new Error(`unknown option ${flag}`);
  }
  for (const mode of options.modes) if (!MODES[mode]) throw new Error(`--modes: ${mode} is not memory or redis`);
  return options;
}

/** One mode: A in this process, B spawned, both on one fresh database. */
async function measure(mode, { db, rounds }) {
  const database = await freshDatabase({ kind: db, prefix: 'warta_bench_purge' });
  reportDatabase(database);
  const env = { ...database.env, ...MODES[mode] };
  const { strapi } = await bootListening(env);
  let other = null;
  try {
    const { seedDemoContent } = require(path.join(root, 'dist', 'src', 'seed'));
    await seedDemoContent(strapi);
    await strapi.plugin('newsroom').service('related-news').idle();
    other = startStrapi({ env, port: await freePort() });
    await other.ready;
    const articles = await strapi
      .documents(ARTICLE)
      .findMany({ locale: 'id', status: 'published', fields: ['slug', 'title'], limit: rounds });
    const delays = [];
    const firstAnswers = {};
    for (let round = 0; round < rounds; round += 1) {
      const article = articles[round % articles.length];
      const url = `${other.baseUrl}/api/articles/by-slug/${article.slug}?locale=id`;
      // A's "Berita Terkait" recomputations after the last round purge too: warm once they are done.
      await strapi.plugin('newsroom').service('related-news').idle();
      let warm = null;
      for (let tries = 0; tries < 20 && warm !== 'HIT'; tries += 1) warm = (await fetch(url)).headers.get('x-cache');
      if (warm !== 'HIT') throw new Error(`B did not cache ${url}: ${warm}`);
      const title = `${article.title.split(' [')[0]} [ronde ${round}]`;
      await strapi.documents(ARTICLE).update({ documentId: article.documentId, locale: 'id', data: { title } });
      await strapi.documents(ARTICLE).publish({ documentId: article.documentId, locale: 'id' });
      const written = process.hrtime.bigint();
      for (let polls = 0; ; polls += 1) {
        const answer = await fetch(url);
        const body = await answer.text();
        if (polls === 0)
          firstAnswers[answer.headers.get('x-cache')] = (firstAnswers[answer.headers.get('x-cache')] ?? 0) + 1;
        if (body.toLowerCase().includes(`[ronde ${round}]`)) break;
        if (polls > 5000) {
          const mine = await strapi
            .documents(ARTICLE)
            .findOne({ documentId: article.documentId, locale: 'id', status: 'published', fields: ['title', 'slug'] });
          const onA = await strapi.db.connection('newsroom_cache_purges').orderBy('seq', 'desc').limit(3);
          throw new Error(
            `B still served the old title of ${article.slug} after 5,000 polls: B says ${answer.status} ${answer.headers.get('x-cache')} ${body.slice(0, 300)}; A has ${JSON.stringify(mine)}; log ${JSON.stringify(onA).slice(0, 600)}`
          );
        }
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
      delays.push(Number(process.hrtime.bigint() - written) / 1e6);
    }
    const sorted = [...delays].sort((a, b) => a - b);
    return {
      mode,
      db,
      rounds,
      p50: percentile(sorted, 50),
      p95: percentile(sorted, 95),
      max: sorted.at(-1),
      firstAnswers,
    };
  } finally {
    await other?.stop();
    await strapi.destroy();
    await database.drop();
  }
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  if (options.child) return runAsChild(`purge ${options.child}`, () => measure(options.child, options));
  compile();
  stopOnSignals();
  const rows = [];
  for (const mode of options.modes) {
    console.error(`[bench] ${mode}: two instances on ${options.db}, ${options.rounds} re-publishes`);
    const result = await runCase(
      __filename,
      ['--child', mode, '--db', options.db, '--rounds', String(options.rounds)],
      mode
    );
    if (!result.ok) throw new Error(`${mode}: ${result.error}`);
    rows.push(result);
  }
  console.log(`\nA re-publish on instance A, until instance B serves it (${options.db}, one run):`);
  console.log("| cache | rounds | p50 | p95 | max | B's first answer after the write |");
  console.log('| --- | ---: | ---: | ---: | ---: | --- |');
  for (const row of rows) {
    const first = Object.entries(row.firstAnswers)
      .map(([kind, n]) => `${kind} ${n}`)
      .join(', ');
    console.log(
      `| ${row.mode} | ${row.rounds} | ${row.p50.toFixed(1)} ms | ${row.p95.toFixed(1)} ms | ${row.max.toFixed(1)} ms | ${first} |`
    );
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
