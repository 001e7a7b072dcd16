#!/usr/bin/env node
/**
 * `npm run bench:schedule`: the scheduler and the durable job queue, measured on SQLite and PostgreSQL
 * (BENCH_DATABASES=sqlite,postgres; PostgreSQL at DATABASE_HOST/PORT/USERNAME/PASSWORD, default
 * 127.0.0.1:5432 postgres), one instance with the default settings, each database in its own process:
 * - fire delay p50/p95/max: BENCH_SPREAD (60) articles scheduled half a second apart, delay = when the
 *   publish committed (its execution record) minus its scheduled time; executions per article;
 * - the bulk figure: BENCH_BULK (1,000) articles scheduled for the same minute, time from that minute
 *   until the last is public, executions per article, and public reads (GET /api/articles, one after
 *   another) during the bulk against the same reads before it;
 * - the job queue's throughput: BENCH_NOOP (2,000) no-op jobs enqueued at once, drained; then the
 *   related-news recomputations the bulk left behind, taken for BENCH_RELATED_SECONDS (60).
 */
const { spawnSync } = require('child_process');
const http = require('http');
const { compile, root } = require('../lib/compile');
const { freshDatabase } = require('../lib/database');
const { bootListening } = require('./boot');

const SPREAD = Number(process.env.BENCH_SPREAD ?? 60);
const BULK = Number(process.env.BENCH_BULK ?? 1000);
const NOOP = Number(process.env.BENCH_NOOP ?? 2000);
const RELATED_SECONDS = Number(process.env.BENCH_RELATED_SECONDS ?? 60);

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
};
const stats = (values) => ({
  p50: percentile(values, 50),
  p95: percentile(values, 95),
  max: Math.max(...values),
});
const ms = (value) => `${Math.round(value)} ms`;

function timedGet(url) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    http
      .get(url, (res) => {
        res.resume();
        res.on('end', () => resolve(Number(process.hrtime.bigint() - started) / 1e6));
      })
      .on('error', reject);
  });
}

/** Reads one after another until `stop()` says so; their latencies. */
async function readWhile(url, stop) {
  const latencies = [];
  while (!stop()) latencies.push(await timedGet(url));
  return latencies;
}

async function child(kind) {
  const database = await freshDatabase({ kind, prefix: 'warta_bench' });
  const { strapi, baseUrl } = await bootListening({ ...database.env, WARTA_RELATED_RECONCILE_MINUTES: '0' });
  const out = {};
  try {
    const documents = strapi.documents('api::article.article');
    const jobs = strapi.plugin('newsroom').service('jobs');
    const knex = strapi.db.connection;
    const category = await strapi
      .documents('api::category.category')
      .create({ locale: 'id', data: { name: 'Nasional', slug: 'nasional' } });
    const draft = async (title, publishAt) =>
      (
        await documents.create({
          locale: 'id',
          data: {
            title,
            lead: `${title}: ringkasan berita untuk pengukuran penjadwal.`,
            body: [{ type: 'paragraph', children: [{ type: 'text', text: `${title} di Jakarta, kata pejabat.` }] }],
            category: category.documentId,
            publishAt: new Date(publishAt).toISOString(),
          },
        })
      ).documentId;
    const executionsOf = async (ids) => {
      const rows = [];
      for (let i = 0; i < ids.length; i += 500) {
        rows.push(...(await knex('newsroom_schedule_executions').whereIn('document_id', ids.slice(i, i + 500))));
      }
      return rows;
    };
    const perArticle = (ids, rows) => {
      const counts = new Map(ids.map((id) => [id, 0]));
      for (const row of rows)
        if (row.outcome === 'published') counts.set(row.document_id, counts.get(row.document_id) + 1);
      const values = [...counts.values()];
      return { min: Math.min(...values), max: Math.max(...values) };
    };
    const publishedCount = async (ids) => {
      let count = 0;
      for (let i = 0; i < ids.length; i += 500) {
        count += await strapi.db.query('api::article.article').count({
          where: { documentId: { $in: ids.slice(i, i + 500) }, locale: 'id', publishedAt: { $notNull: true } },
        });
      }
      return count;
    };

    // Fire delay.
    const first = Date.now() + 5000 + SPREAD * 40;
    const spreadIds = [];
    for (let i = 0; i < SPREAD; i += 1) spreadIds.push(await draft(`Sebaran ${i + 1}`, first + i * 500));
    while ((await publishedCount(spreadIds)) < SPREAD) await sleep(200);
    const spreadRuns = (await executionsOf(spreadIds)).filter((row) => row.outcome === 'published');
    out.fireDelay = stats(spreadRuns.map((row) => Number(row.executed_ms) - Number(row.scheduled_ms)));
    out.spreadPerArticle = perArticle(spreadIds, spreadRuns);
    await strapi.plugin('newsroom').service('related-news').idle();

    // The bulk: every article for the same minute.
    const readUrl = `${baseUrl}/api/articles?locale=id&pagination[pageSize]=10`;
    const baseline = [];
    for (let i = 0; i < 50; i += 1) baseline.push(await timedGet(readUrl));
    const creating = Date.now();
    const estimate = creating + BULK * 80 + 10_000;
    const minute = Math.ceil(estimate / 60_000) * 60_000;
    const bulkIds = [];
    for (let i = 0; i < BULK; i += 1) {
      if (Date.now() > minute - 2000)
        throw new Error('creating the bulk took longer than its minute: raise the margin');
      bulkIds.push(await draft(`Serentak ${i + 1}`, minute));
    }
    out.bulkCreateMs = Date.now() - creating;
    await sleep(Math.max(0, minute - Date.now()));
    let done = false;
    const reading = readWhile(readUrl, () => done);
    let lastOut = null;
    while (!done) {
      await sleep(250);
      if ((await publishedCount(bulkIds)) === BULK) {
        done = true;
        lastOut = Date.now();
      }
      if (Date.now() - minute > 600_000) throw new Error('the bulk did not go out within 10 minutes');
    }
    const during = await reading;
    const bulkRuns = await executionsOf(bulkIds);
    const published = bulkRuns.filter((row) => row.outcome === 'published');
    out.bulk = {
      articles: BULK,
      allOutMs: lastOut - minute,
      lastExecutedMs: Math.max(...published.map((row) => Number(row.executed_ms))) - minute,
      perArticle: perArticle(bulkIds, published),
      readsBefore: stats(baseline),
      readsDuring: { n: during.length, ...stats(during) },
    };

    // Job queue throughput: the related-news backlog the bulk left (each job counted as it completes,
    // neighbour recomputations enqueued meanwhile included), then no-op jobs.
    let relatedDone = 0;
    for (const [jobKind, handler] of Object.entries(strapi.plugin('newsroom').service('related-news').jobHandlers())) {
      jobs.register(jobKind, {
        ...handler,
        run: async (job, context) => {
          await handler.run(job, context);
          relatedDone += 1;
        },
      });
    }
    const pendingRelated = async () =>
      Number((await knex('newsroom_jobs').where('kind', 'like', 'related.%').count({ count: '*' }))[0].count);
    const relatedBacklog = await pendingRelated();
    const relatedStarted = Date.now();
    let remaining = relatedBacklog;
    while (Date.now() < relatedStarted + RELATED_SECONDS * 1000 && remaining > 0) {
      await sleep(1000);
      remaining = await pendingRelated();
    }
    const seconds = (Date.now() - relatedStarted) / 1000;
    out.related = { backlog: relatedBacklog, done: relatedDone, remaining, seconds, perSecond: relatedDone / seconds };

    await jobs.stop();
    await strapi.plugin('newsroom').service('related-news').idle();
    jobs.register('bench.noop', { mode: 'lease', run: async () => undefined });
    const now = Date.now();
    await jobs.enqueue(
      Array.from({ length: NOOP }, (_unused, i) => ({ kind: 'bench.noop', key: `n${i}`, runAt: now, priority: 50 }))
    );
    const drainStarted = Date.now();
    await jobs.idle(['bench.noop']);
    out.noop = { jobs: NOOP, ms: Date.now() - drainStarted };
    out.noop.perSecond = NOOP / (out.noop.ms / 1000);
  } finally {
    await strapi.destroy();
    await database.drop();
  }
  process.stdout.write(`BENCH_RESULT ${JSON.stringify(out)}\n`);
}

function report(kind, result) {
  const { fireDelay, spreadPerArticle, bulk, related, noop } = result;
  console.log(`\n== ${kind} (one instance, default settings)`);
  console.log(
    `fire delay over ${SPREAD} scheduled publishes: p50 ${ms(fireDelay.p50)}, p95 ${ms(fireDelay.p95)}, max ${ms(fireDelay.max)}; executions per article ${spreadPerArticle.min}..${spreadPerArticle.max}`
  );
  console.log(
    `bulk: ${bulk.articles} articles for one minute, all public ${(bulk.allOutMs / 1000).toFixed(1)} s after it (last commit ${(bulk.lastExecutedMs / 1000).toFixed(1)} s); executions per article ${bulk.perArticle.min}..${bulk.perArticle.max}`
  );
  console.log(
    `reads during the bulk (${bulk.readsDuring.n} GET /api/articles, one at a time): p50 ${ms(bulk.readsDuring.p50)}, p95 ${ms(bulk.readsDuring.p95)}, max ${ms(bulk.readsDuring.max)}; before: p50 ${ms(bulk.readsBefore.p50)}, p95 ${ms(bulk.readsBefore.p95)}`
  );
  console.log(
    `job queue: ${noop.jobs} no-op jobs drained in ${(noop.ms / 1000).toFixed(1)} s (${noop.perSecond.toFixed(0)} jobs/s); related-news recomputations after the bulk: ${related.done} done in ${related.seconds.toFixed(0)} s (${related.perSecond.toFixed(1)} jobs/s), backlog ${related.backlog} at the start, ${related.remaining} left`
  );
}

async function main() {
  if (process.argv[2] === '--child') return child(process.argv[3]);
  compile();
  const kinds = (process.env.BENCH_DATABASES ?? 'sqlite,postgres').split(',').map((kind) => kind.trim());
  for (const kind of kinds) {
    const env = { ...process.env, DATABASE_CLIENT: kind };
    if (kind === 'postgres') {
      Object.assign(env, {
        DATABASE_HOST: process.env.DATABASE_HOST ?? '127.0.0.1',
        DATABASE_PORT: process.env.DATABASE_PORT ?? '5432',
        DATABASE_USERNAME: process.env.DATABASE_USERNAME ?? 'postgres',
        DATABASE_PASSWORD: process.env.DATABASE_PASSWORD ?? '',
      });
    }
    console.log(`[bench:schedule] ${kind}: running (a few minutes)...`);
    const run = spawnSync(process.execPath, [__filename, '--child', kind], {
      cwd: root,
      env,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    const line = (run.stdout ?? '').split('\n').find((entry) => entry.startsWith('BENCH_RESULT '));
    if (run.status !== 0 || !line) {
      console.error(`[bench:schedule] ${kind} failed:\n${run.stderr}\n${run.stdout}`);
      process.exitCode = 1;
      continue;
    }
    report(kind, JSON.parse(line.slice('BENCH_RESULT '.length)));
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
