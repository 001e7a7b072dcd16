#!/usr/bin/env node
/**
 * `npm run bench:related`: "Berita Terkait" at archive scale. For each database and corpus size it
 * generates a synthetic archive (two locales), runs the related-news rebuild, then measures:
 * reads in-process (`find`) and over HTTP (interleaved with stock Strapi's findOne of one article on
 * the same articles, the baseline), SQL statements per read, and publish latency including the
 * background recomputation. A script that prints figures, not a timed test: the final table sets
 * them against the issue's targets, and related reads against the baseline measured in the same run.
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
const http = require('http');
const os = require('os');
const path = require('path');
const { fork } = require('child_process');
const { compile: compileServer, root } = require('../lib/compile');
const { freshDatabase: freshDatabaseOf, dropDatabase } = require('../lib/database');
const { monitorEventLoopDelay } = require('perf_hooks');

/** Reads before measuring (JIT, statement caches, pool), and reads whose SQL statements are counted. */
const WARMUP_READS = 50;
const COUNTED_READS = 20;
const TARGETS = {
  readP95Ms: 20,
  statementsPerRead: 3,
  publishP95Ms: 1500,
  rebuild100kMs: 10 * 60_000,
  targetSize: 100_000,
};

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

// ---------------------------------------------------------------------------------------------- figures

const now = () => process.hrtime.bigint();
const msSince = (start) => Number(process.hrtime.bigint() - start) / 1e6;
function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}
function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    n: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1],
    min: sorted[0],
    mean: sorted.reduce((a, b) => a + b, 0) / sorted.length,
  };
}
const f = (value, digits = 2) =>
  value === undefined || value === null || Number.isNaN(value) ? '-' : Number(value).toFixed(digits);
const duration = (ms) =>
  ms >= 60_000 ? `${Math.floor(ms / 60_000)} min ${Math.floor((ms % 60_000) / 1000)} s` : `${(ms / 1000).toFixed(1)} s`;
const int = (n) => Math.round(n).toLocaleString('en-US');
// A progress line on stderr: rewritten in place on a terminal, one line every 10 s in a log file.
let lastProgressAt = 0;
const progress = (line) => {
  const tty = process.stderr.isTTY;
  if (Date.now() - lastProgressAt < (tty ? 500 : 10_000)) return;
  lastProgressAt = Date.now();
  process.stderr.write(tty ? `\r${line}\x1b[K` : `${line}\n`);
};
const progressEnd = (line) => process.stderr.write(process.stderr.isTTY ? `\r${line}\x1b[K\n` : `${line}\n`);

// ---------------------------------------------------------------------------------------------- parent

function compile() {
  const started = now();
  // Thrown, not exited: dist/ would be stale, not benchmarking it.
  compileServer({ throwOnError: true });
  console.error(`[bench] compiled dist/ in ${duration(msSince(started))}`);
}

/** The run in progress, so that an interrupted bench kills it and drops its database. */
let current = null;
function stopOnSignals() {
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, async () => {
      console.error(
        `\n[bench] ${signal}: stopping${current ? ` the ${current.label} run and dropping its database` : ''}`
      );
      if (current) {
        current.interrupted = signal;
        current.child.kill('SIGKILL');
        if (current.database)
          await dropDatabase(current.database).catch((error) =>
            console.error(`[bench] could not drop ${JSON.stringify(current.database)}: ${error.message}`)
          );
      }
      process.exit(130);
    });
  }
}

function runCase(db, size, options) {
  return new Promise((resolve) => {
    const args = [
      `--child=${db}:${size}`,
      `--reads=${options.reads}`,
      `--publishes=${options.publishes}`,
      `--words=${options.words}`,
    ];
    const child = fork(__filename, args, { cwd: root, stdio: 'inherit', execArgv: ['--max-old-space-size=8192'] });
    current = { child, label: `${db} ${int(size)}`, database: null };
    let result = null;
    child.on('message', (message) => {
      if (message.database) current.database = message.database;
      else result = message;
    });
    child.on('exit', (code, signal) => {
      const interrupted = current?.interrupted;
      current = null;
      if (interrupted) return resolve({ ok: false, db, size, error: `interrupted by ${interrupted}` });
      if (code === 0 && result?.ok) resolve(result);
      else resolve({ ok: false, db, size, error: result?.error ?? `child exited with ${signal ?? `code ${code}`}` });
    });
  });
}

function verdict(ok) {
  return ok === null ? 'n/a' : ok ? 'PASS' : 'FAIL';
}

function printSummary(options, results, startedAt) {
  const lines = [];
  lines.push('');
  lines.push(`## Related news bench summary`);
  lines.push('');
  lines.push(`- command: \`${['node', path.relative(root, __filename), ...process.argv.slice(2)].join(' ')}\``);
  lines.push(
    `- machine: ${os.cpus().length} x ${os.cpus()[0]?.model ?? 'cpu'}, ${f(os.totalmem() / 2 ** 30, 1)} GiB, ${os.type()} ${os.release()}, node ${process.version}`
  );
  lines.push(
    `- started ${startedAt.toISOString()}, took ${duration(Date.now() - startedAt.getTime())}; reads ${options.reads} per kind (after ${WARMUP_READS} warm-up), publishes ${options.publishes}, common words ${options.words}`
  );
  lines.push(
    `- baseline: stock findOne \`GET /api/articles/:documentId?locale=..\` (computed newsroom fields off), same articles, interleaved`
  );
  lines.push('');
  lines.push(
    '| db | articles | rebuild | rebuild art/s | find p50/p95/p99 ms | HTTP related p50/p95/p99 ms | HTTP findOne p50/p95/p99 ms | related/findOne p50, p95 | SQL per find | SQL per HTTP related | publish→idle p50/p95/max ms | own list p95 ms |'
  );
  lines.push('| --- | ---: | ---: | ---: | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const r of results) {
    if (!r.ok) {
      lines.push(
        `| ${r.db} | ${int(r.size)} | FAILED: ${String(r.error).split('\n')[0].slice(0, 120)} | | | | | | | | | |`
      );
      continue;
    }
    const m = r.metrics;
    const range = (s) => (s.min === s.max ? `${s.min}` : `${s.min}-${s.max}`);
    lines.push(
      `| ${r.db} | ${int(r.size)} | ${duration(m.rebuild.ms)}${m.rebuild.fallback ? ' (fallback)' : ''} | ${int(m.rebuild.articlesPerSecond)} | ${f(m.find.p50)} / ${f(m.find.p95)} / ${f(m.find.p99)} | ${f(m.httpRelated.p50)} / ${f(m.httpRelated.p95)} / ${f(m.httpRelated.p99)} | ${f(m.httpFindOne.p50)} / ${f(m.httpFindOne.p95)} / ${f(m.httpFindOne.p99)} | ${f(m.ratio.p50)}x, ${f(m.ratio.p95)}x | ${range(m.statements.find)} | ${range(m.statements.httpRelated)} | ${f(m.publish.idle.p50, 0)} / ${f(m.publish.idle.p95, 0)} / ${f(m.publish.idle.max, 0)} | ${f(m.publish.ownList.p95, 0)} |`
    );
  }
  lines.push('');
  lines.push('| target | db | measured | verdict |');
  lines.push('| --- | --- | --- | --- |');
  const ok = results.filter((r) => r.ok);
  for (const db of [...new Set(results.map((r) => r.db))]) {
    const mine = ok.filter((r) => r.db === db);
    const atTarget = mine.find((r) => r.size === TARGETS.targetSize);
    const largest = mine.reduce((a, b) => (!a || b.size > a.size ? b : a), null);
    const note = (r) =>
      r && r.size !== TARGETS.targetSize
        ? ` (at ${int(r.size)}; target is for ${int(TARGETS.targetSize)}, not judged)`
        : '';
    const judged = atTarget ?? largest;
    if (judged) {
      const m = judged.metrics;
      const j = (pass) => (atTarget ? verdict(pass) : 'n/a');
      lines.push(
        `| read p95 ≤ ${TARGETS.readP95Ms} ms, in-process | ${db} | ${f(m.find.p95)} ms${note(judged)} | ${j(m.find.p95 <= TARGETS.readP95Ms)} |`
      );
      lines.push(
        `| read p95 ≤ ${TARGETS.readP95Ms} ms, HTTP | ${db} | ${f(m.httpRelated.p95)} ms${note(judged)} | ${j(m.httpRelated.p95 <= TARGETS.readP95Ms)} |`
      );
      lines.push(
        `| full rebuild of ${int(TARGETS.targetSize)} ≤ 10 min | ${db} | ${duration(m.rebuild.ms)}${m.rebuild.fallback ? ' (fallback: no rebuild())' : ''}${note(judged)}; linear estimate for ${int(TARGETS.targetSize)}: ${duration((m.rebuild.ms * TARGETS.targetSize) / judged.size)} | ${m.rebuild.fallback ? 'n/a' : j(m.rebuild.ms <= TARGETS.rebuild100kMs)} |`
      );
    }
    for (const r of mine) {
      const m = r.metrics;
      const worst = Math.max(m.statements.find.max, m.statements.httpRelated.max);
      lines.push(
        `| ≤ ${TARGETS.statementsPerRead} SQL statements per read | ${db} | ${int(r.size)}: find ${m.statements.find.min}-${m.statements.find.max}, HTTP ${m.statements.httpRelated.min}-${m.statements.httpRelated.max} | ${verdict(worst <= TARGETS.statementsPerRead)} |`
      );
      lines.push(
        `| publish p95 ≤ ${TARGETS.publishP95Ms / 1000} s (create → idle) | ${db} | ${int(r.size)}: ${f(m.publish.idle.p95, 0)} ms | ${verdict(m.publish.idle.p95 <= TARGETS.publishP95Ms)} |`
      );
    }
    if (mine.length > 1) {
      const counts = mine.map((r) => `${r.metrics.statements.find.max}/${r.metrics.statements.httpRelated.max}`);
      lines.push(
        `| SQL per read does not grow with the corpus | ${db} | find/HTTP max: ${mine.map((r, i) => `${int(r.size)}: ${counts[i]}`).join(', ')} | ${verdict(new Set(counts).size === 1)} |`
      );
    }
  }
  for (const r of results.filter((result) => !result.ok))
    lines.push(`| run completed | ${r.db} | ${int(r.size)} articles: ${String(r.error).split('\n')[0]} | FAIL |`);
  console.log(lines.join('\n'));
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
      const result = await runCase(db, size, options);
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

/** Its own child's database: sqlite or postgres (the parent drops it when a run is interrupted). */
function freshDatabase(kind) {
  return freshDatabaseOf({ kind, prefix: 'warta_bench_related' });
}

async function boot(database) {
  return require('./boot').bootListening(database.env);
}

/**
 * Runs `work` and counts the SQL statements (knex 'query' events) it causes, keeping each one's offset
 * from the start and its SQL for `trace` lines (BENCH_TRACE=1, or a read costing more than expected).
 */
async function counting(strapi, work) {
  let statements = 0;
  const trace = [];
  const started = now();
  const onQuery = (query) => {
    statements += 1;
    trace.push(`+${f(msSince(started), 1)} ms ${String(query.sql).replace(/\s+/g, ' ').slice(0, 160)}`);
  };
  strapi.db.connection.on('query', onQuery);
  try {
    const result = await work();
    return { result, statements, trace };
  } finally {
    strapi.db.connection.off('query', onQuery);
  }
}
const showTrace = (log, label, measured, force = false) => {
  if (force || process.env.BENCH_TRACE === '1')
    log(`trace ${label}: ${measured.statements} statements\n    ${measured.trace.join('\n    ')}`);
};

function httpClient(baseUrl) {
  // One kept-alive socket: the latency of a request, not of a TCP handshake.
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const once = (pathname) =>
    new Promise((resolve, reject) => {
      const started = now();
      const req = http.get(`${baseUrl}${pathname}`, { agent }, (res) => {
        const chunks = [];
        res.on('data', (chunk) => chunks.push(chunk));
        res.on('end', () => {
          const ms = msSince(started);
          const text = Buffer.concat(chunks).toString('utf8');
          if (res.statusCode !== 200)
            return reject(new Error(`GET ${pathname} answered ${res.statusCode}: ${text.slice(0, 300)}`));
          resolve({ ms, body: JSON.parse(text) });
        });
      });
      req.on('error', (error) => {
        error.reusedSocket = req.reusedSocket;
        reject(error);
      });
    });
  return async (pathname) => {
    try {
      return await once(pathname);
    } catch (error) {
      // The server closes a kept-alive socket after 5 idle seconds; a request racing that close is sent again.
      if (error.reusedSocket && error.code === 'ECONNRESET') return once(pathname);
      throw error;
    }
  };
}

async function child(options) {
  const [db, sizeText] = options.child.split(':');
  const size = Number(sizeText);
  const {
    buildWorld,
    createTaxonomy,
    generateCorpus,
    publishData,
    prng,
    ARTICLE_UID,
    DAY,
  } = require('./related-corpus');
  const tag = `[${db} ${int(size)}]`;
  const log = (line) => console.error(`${tag} ${line}`);
  const database = await freshDatabase(db);
  // The parent drops it if this process is killed (Ctrl-C): Strapi's own signal handler waits for
  // strapi.destroy(), which a running rebuild can hold up.
  process.send?.({ database: database.info });
  let app = null;
  try {
    let started = now();
    app = await boot(database);
    const { strapi, baseUrl } = app;
    log(`booted on a fresh ${db} database in ${duration(msSince(started))}`);
    const service = strapi.plugin('newsroom').service('related-news');
    const get = httpClient(baseUrl);

    // ---- corpus
    const world = buildWorld({ commonWords: options.words });
    started = now();
    const taxonomy = await createTaxonomy(strapi, world);
    log(
      `${taxonomy.categories.length} categories and ${taxonomy.tags.length} tags (both locales) through the Document Service in ${duration(msSince(started))}`
    );
    const corpus = await generateCorpus(strapi, world, taxonomy, size, {
      onProgress: (done, total) => progress(`${tag} generating ${int(done)}/${int(total)} articles`),
    });
    const rows = corpus.rowsInserted.articles + corpus.rowsInserted.categoryLinks + corpus.rowsInserted.tagLinks;
    const generation = {
      ms: corpus.ms,
      rows,
      rowsPerSecond: (rows / corpus.ms) * 1000,
      articlesPerSecond: (size / corpus.ms) * 1000,
    };
    progressEnd(
      `${tag} generated ${int(size)} articles (${int(corpus.rowsInserted.articles)} article rows, ${int(corpus.rowsInserted.categoryLinks + corpus.rowsInserted.tagLinks)} link rows) in ${duration(corpus.ms)}: ${int(generation.rowsPerSecond)} rows/s, ${int(generation.articlesPerSecond)} articles/s`
    );
    if (db === 'postgres') await strapi.db.connection.raw('ANALYZE');

    // ---- the corpus is what Strapi thinks it is
    const counts = {
      id: corpus.docs.locale.filter((l) => l === 'id').length,
      en: corpus.docs.locale.filter((l) => l === 'en').length,
    };
    for (const locale of ['id', 'en']) {
      const { body } = await get(`/api/articles?locale=${locale}&pagination[pageSize]=1`);
      if (body.meta.pagination.total !== counts[locale])
        throw new Error(
          `corpus check: GET /api/articles?locale=${locale} reports ${body.meta.pagination.total} articles, ${counts[locale]} were generated`
        );
    }
    for (const [documentId, want] of corpus.expected) {
      const got = await strapi
        .documents(ARTICLE_UID)
        .findOne({ documentId, locale: want.locale, status: 'published', populate: ['category', 'tags'] });
      const tags = (got?.tags ?? []).map((t) => t.documentId);
      const datePublished = got?.datePublished ? new Date(got.datePublished).toISOString() : null;
      if (
        !got ||
        got.title !== want.title ||
        got.category?.documentId !== want.category ||
        tags.join() !== want.tags.join() ||
        datePublished !== want.datePublished
      ) {
        throw new Error(
          `corpus check: ${documentId}/${want.locale} reads back as ${JSON.stringify({ title: got?.title, category: got?.category?.documentId, tags, datePublished })}, expected ${JSON.stringify(want)}`
        );
      }
    }
    log(
      `corpus checked: REST totals id ${int(counts.id)}, en ${int(counts.en)}; title, date, category and tags of ${corpus.expected.size} sampled articles read back through the Document Service`
    );

    // ---- rebuild
    started = now();
    let rebuild;
    const fallback = typeof service.rebuild !== 'function';
    // The contract says onProgress(phase, done, total); the service as committed passes (phase, locale, done, total).
    const phaseEnds = new Map(); // phase -> ms since start of its last progress call
    const onProgress = (phase, ...rest) => {
      phaseEnds.set(phase, msSince(started));
      const labels = rest.filter((value) => typeof value === 'string');
      const [done, total] = rest.filter((value) => typeof value === 'number');
      progress(
        `${tag} rebuild: ${[phase, ...labels].join(' ')} ${int(done)}/${int(total)} (${duration(msSince(started))})`
      );
    };
    if (!fallback) {
      const summary = await service.rebuild({ onProgress });
      rebuild = { ms: msSince(started), reported: summary, fallback: false };
    } else {
      // No rebuild() in this build of the service yet: index and compute one by one, labelled as such.
      log(
        'service.rebuild is not a function yet: FALLBACK to reindex() then recompute() per article (not the target figure)'
      );
      const total = size;
      for (let i = 0; i < total; i += 1) {
        await service.reindex(corpus.docs.documentId[i], corpus.docs.locale[i]);
        onProgress('reindex (fallback)', i + 1, total);
      }
      for (let i = 0; i < total; i += 1) {
        await service.recompute(corpus.docs.documentId[i], corpus.docs.locale[i]);
        onProgress('recompute (fallback)', i + 1, total);
      }
      rebuild = { ms: msSince(started), reported: null, fallback: true };
    }
    await service.idle();
    rebuild.articlesPerSecond = (size / rebuild.ms) * 1000;
    let previousEnd = 0;
    rebuild.phases = [...phaseEnds]
      .map(([phase, end]) => {
        const entry = `${phase} ${duration(end - previousEnd)}`;
        previousEnd = end;
        return entry;
      })
      .join(', ');
    const [{ lists }] = await strapi.db.connection('newsroom_related_computed_lists').count({ lists: '*' });
    rebuild.lists = Number(lists);
    progressEnd(
      `${tag} rebuild${fallback ? ' (fallback)' : ''}: ${duration(rebuild.ms)} (${rebuild.phases}), ${int(rebuild.articlesPerSecond)} articles/s, ${int(rebuild.lists)} lists stored${rebuild.reported ? `; rebuild() said ${JSON.stringify(rebuild.reported)}` : ''}`
    );
    if (rebuild.lists < size)
      log(
        `WARNING: ${int(size - rebuild.lists)} published articles have no stored list after the rebuild; their first read computes it`
      );
    if (db === 'postgres') await strapi.db.connection.raw('ANALYZE');

    // ---- picks: the same random articles for every kind of read
    const rand = prng(7 + size);
    const pickArticle = () => {
      const i = rand.int(size);
      return { documentId: corpus.docs.documentId[i], locale: corpus.docs.locale[i], topic: corpus.docs.topic[i] };
    };
    const topicOf = new Map(corpus.docs.documentId.map((id, i) => [id, corpus.docs.topic[i]]));

    // ---- in-process reads
    for (let i = 0; i < WARMUP_READS; i += 1) {
      const a = pickArticle();
      await service.find(a.documentId, a.locale, 5);
    }
    await service.idle();
    const findMs = [];
    let cards = 0;
    let sameTopic = 0;
    let empty = 0;
    for (let i = 0; i < options.reads; i += 1) {
      const a = pickArticle();
      const t = now();
      const result = await service.find(a.documentId, a.locale, 5);
      findMs.push(msSince(t));
      if (!result) throw new Error(`find(${a.documentId}, ${a.locale}, 5) returned null for a published article`);
      if (result.articles.length === 0) empty += 1;
      cards += result.articles.length;
      sameTopic += result.articles.filter((card) => topicOf.get(card.documentId) === a.topic).length;
    }
    await service.idle();
    const find = stats(findMs);
    log(
      `find() x${options.reads}: p50 ${f(find.p50)} ms, p95 ${f(find.p95)} ms, p99 ${f(find.p99)} ms; ${f(cards / options.reads, 1)} cards per read, ${f((100 * sameTopic) / Math.max(1, cards), 0)}% from the same story cluster, ${empty} empty lists`
    );

    // ---- HTTP: related vs stock findOne, interleaved, on the same articles
    const computedFields = strapi.config.get('plugin::newsroom.computedFields');
    strapi.config.set('plugin::newsroom.computedFields', false);
    const relatedUrl = (a) => `/api/articles/${a.documentId}/related?locale=${a.locale}&limit=5`;
    const findOneUrl = (a) => `/api/articles/${a.documentId}?locale=${a.locale}`;
    for (let i = 0; i < WARMUP_READS; i += 1) {
      const a = pickArticle();
      await get(relatedUrl(a));
      await get(findOneUrl(a));
    }
    // ---- SQL statements per read
    const statements = { find: [], httpRelated: [], httpFindOne: [] };
    for (let i = 0; i < COUNTED_READS; i += 1) {
      const a = pickArticle();
      const found = await counting(strapi, () => service.find(a.documentId, a.locale, 5));
      if (i === 0 || found.statements > TARGETS.statementsPerRead)
        showTrace(log, `find ${a.documentId}/${a.locale}`, found, found.statements > TARGETS.statementsPerRead);
      statements.find.push(found.statements);
      await service.idle();
      const related = await counting(strapi, () =>
        get(`/api/articles/${a.documentId}/related?locale=${a.locale}&limit=5`)
      );
      if (i === 0 || related.statements > TARGETS.statementsPerRead)
        showTrace(
          log,
          `HTTP related ${a.documentId}/${a.locale}`,
          related,
          related.statements > TARGETS.statementsPerRead
        );
      statements.httpRelated.push(related.statements);
      await service.idle();
      statements.httpFindOne.push(
        (await counting(strapi, () => get(`/api/articles/${a.documentId}?locale=${a.locale}`))).statements
      );
    }
    const range = (values) => ({ min: Math.min(...values), max: Math.max(...values) });
    const statementRanges = {
      find: range(statements.find),
      httpRelated: range(statements.httpRelated),
      httpFindOne: range(statements.httpFindOne),
    };
    log(
      `SQL statements per read over ${COUNTED_READS} reads (min-max): find ${statementRanges.find.min}-${statementRanges.find.max}, HTTP related ${statementRanges.httpRelated.min}-${statementRanges.httpRelated.max}, HTTP findOne ${statementRanges.httpFindOne.min}-${statementRanges.httpFindOne.max}`
    );

    const httpMs = { related: [], findOne: [] };
    for (let i = 0; i < options.reads; i += 1) {
      const a = pickArticle();
      const order = i % 2 ? ['findOne', 'related'] : ['related', 'findOne'];
      for (const kind of order) {
        const response = await get(kind === 'related' ? relatedUrl(a) : findOneUrl(a));
        httpMs[kind].push(response.ms);
        if (kind === 'findOne' && response.body.data?.documentId !== a.documentId)
          throw new Error(`findOne of ${a.documentId} answered ${JSON.stringify(response.body).slice(0, 200)}`);
      }
    }
    strapi.config.set('plugin::newsroom.computedFields', computedFields);
    await service.idle();
    const httpRelated = stats(httpMs.related);
    const httpFindOne = stats(httpMs.findOne);
    const ratio = { p50: httpRelated.p50 / httpFindOne.p50, p95: httpRelated.p95 / httpFindOne.p95 };
    log(
      `HTTP x${options.reads} each, interleaved: related p50 ${f(httpRelated.p50)} / p95 ${f(httpRelated.p95)} / p99 ${f(httpRelated.p99)} ms; findOne p50 ${f(httpFindOne.p50)} / p95 ${f(httpFindOne.p95)} / p99 ${f(httpFindOne.p99)} ms; related/findOne p50 ${f(ratio.p50)}x, p95 ${f(ratio.p95)}x`
    );

    // ---- publish, including the background recomputation
    const usedTopics = new Set(corpus.docs.topic);
    const recentTopics = world.topics.filter(
      (topic) => topic.centreMs > world.now - 120 * DAY && usedTopics.has(topic.index)
    );
    if (recentTopics.length === 0) throw new Error('no story cluster of the last 120 days in the corpus to publish on');
    const knex = strapi.db.connection;
    const publish = { create: [], ownList: [], idle: [], statements: [], listLength: [] };
    // On SQLite (better-sqlite3 is synchronous) the recomputation can hold the event loop: a request
    // arriving meanwhile waits. Measured here as the event loop's delay during the publishes.
    const loopDelay = monitorEventLoopDelay({ resolution: 5 });
    const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
    for (let i = 0; i < options.publishes; i += 1) {
      const { locale, data } = publishData(world, taxonomy, recentTopics);
      await service.idle();
      let ownListMs = null;
      let documentId = null;
      let ownListWritten = false;
      let checks = 0;
      // The own list is seen on the connection itself (its upsert, then that transaction's COMMIT), so
      // that timing it adds no statement and needs no timer (a busy synchronous driver starves timers).
      const onResponse = (_response, query) => {
        if (
          ownListMs === null &&
          documentId &&
          /^insert into .newsroom_related_computed_lists/i.test(String(query.sql)) &&
          (query.bindings ?? []).includes(documentId)
        )
          ownListWritten = true;
      };
      // A transaction's COMMIT has a 'query' event but no 'query-response'.
      const onQuery = (query) => {
        if (ownListWritten && ownListMs === null && /^commit/i.test(String(query.sql))) ownListMs = msSince(t);
      };
      knex.on('query-response', onResponse);
      knex.on('query', onQuery);
      loopDelay.enable();
      const t = now();
      const measured = await counting(strapi, async () => {
        const created = await strapi.documents(ARTICLE_UID).create({ locale, status: 'published', data });
        documentId = created.documentId;
        publish.create.push(msSince(t));
        // The refresh is queued when the write commits, which may be after create() resolves: idle() alone
        // could find an empty queue. Done = the own list is stored and the queue (neighbours included) is empty.
        const deadline = Date.now() + 120_000;
        const stored = async () => {
          checks += 1;
          return knex('newsroom_related_computed_lists').where({ document_id: documentId, locale }).first();
        };
        while (ownListMs === null && Date.now() < deadline && !(await stored())) {
          await service.idle();
          if (ownListMs === null) await sleep(2);
        }
        await service.idle();
        publish.idle.push(msSince(t));
      });
      loopDelay.disable();
      knex.off('query-response', onResponse);
      knex.off('query', onQuery);
      if (ownListMs === null) {
        const stored = await knex('newsroom_related_computed_lists').where({ document_id: documentId, locale }).first();
        if (!stored) throw new Error(`publish of ${documentId}/${locale}: no stored list 120 s after create()`);
        log(
          `WARNING: publish of ${documentId}/${locale}: the list's write was not seen on the connection; own-list time taken as create → idle`
        );
        ownListMs = publish.idle[publish.idle.length - 1];
      }
      publish.ownList.push(ownListMs);
      publish.statements.push(measured.statements - checks); // the bench's own checks are not the publish's
      if (i === 0) showTrace(log, `publish ${documentId}/${locale}`, measured);
      const row = await knex('newsroom_related_computed_lists')
        .select('items')
        .where({ document_id: documentId, locale })
        .first();
      publish.listLength.push(row ? (typeof row.items === 'string' ? JSON.parse(row.items) : row.items).length : 0);
      const result = await service.find(documentId, locale, 5);
      if (!result || result.articles.length === 0)
        log(`WARNING: published ${documentId}/${locale} has ${result ? 'an empty list' : 'no list'} after idle()`);
      await service.idle();
    }
    const publishStats = {
      create: stats(publish.create),
      ownList: stats(publish.ownList),
      idle: stats(publish.idle),
      statements: stats(publish.statements),
      listLength: stats(publish.listLength),
      loopDelayMaxMs: loopDelay.max / 1e6,
      loopDelayP99Ms: loopDelay.percentile(99) / 1e6,
    };
    log(
      `publish x${options.publishes} (create with status published → idle()): p50 ${f(publishStats.idle.p50, 0)} / p95 ${f(publishStats.idle.p95, 0)} / max ${f(publishStats.idle.max, 0)} ms; create alone p50 ${f(publishStats.create.p50, 0)} ms; own list stored after p50 ${f(publishStats.ownList.p50, 0)} / p95 ${f(publishStats.ownList.p95, 0)} ms; ${f(publishStats.statements.p50, 0)} SQL statements per publish (p50); event loop delay during publishes max ${f(publishStats.loopDelayMaxMs, 0)} ms, p99 ${f(publishStats.loopDelayP99Ms, 0)} ms`
    );

    const metrics = {
      generation,
      rebuild,
      find,
      statements: statementRanges,
      httpRelated,
      httpFindOne,
      ratio,
      publish: publishStats,
      quality: {
        cardsPerRead: cards / options.reads,
        sameTopicShare: sameTopic / Math.max(1, cards),
        emptyLists: empty,
      },
    };
    printCase(db, size, metrics);
    return metrics;
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

function printCase(db, size, m) {
  const rows = [
    [
      'generation',
      `${duration(m.generation.ms)}, ${int(m.generation.rowsPerSecond)} rows/s, ${int(m.generation.articlesPerSecond)} articles/s`,
    ],
    [
      'rebuild',
      `${duration(m.rebuild.ms)}${m.rebuild.fallback ? ' (FALLBACK: no rebuild())' : ''} (${m.rebuild.phases}), ${int(m.rebuild.articlesPerSecond)} articles/s, ${int(m.rebuild.lists)} lists`,
    ],
    ['find() ms p50/p95/p99', `${f(m.find.p50)} / ${f(m.find.p95)} / ${f(m.find.p99)}`],
    ['HTTP related ms p50/p95/p99', `${f(m.httpRelated.p50)} / ${f(m.httpRelated.p95)} / ${f(m.httpRelated.p99)}`],
    ['HTTP findOne (baseline) ms', `${f(m.httpFindOne.p50)} / ${f(m.httpFindOne.p95)} / ${f(m.httpFindOne.p99)}`],
    ['related / findOne', `p50 ${f(m.ratio.p50)}x, p95 ${f(m.ratio.p95)}x`],
    [
      `SQL per read (min-max of ${COUNTED_READS})`,
      `find ${m.statements.find.min}-${m.statements.find.max}, HTTP related ${m.statements.httpRelated.min}-${m.statements.httpRelated.max}, HTTP findOne ${m.statements.httpFindOne.min}-${m.statements.httpFindOne.max}`,
    ],
    [
      'publish → idle ms p50/p95/max',
      `${f(m.publish.idle.p50, 0)} / ${f(m.publish.idle.p95, 0)} / ${f(m.publish.idle.max, 0)}`,
    ],
    ['publish: create() alone ms p50/p95', `${f(m.publish.create.p50, 0)} / ${f(m.publish.create.p95, 0)}`],
    ['publish: own list stored ms p50/p95', `${f(m.publish.ownList.p50, 0)} / ${f(m.publish.ownList.p95, 0)}`],
    [
      'publish: SQL statements (p50), list length',
      `${f(m.publish.statements.p50, 0)} statements, ${f(m.publish.listLength.p50, 0)} related stored`,
    ],
    [
      'event loop delay during publishes',
      `max ${f(m.publish.loopDelayMaxMs, 0)} ms, p99 ${f(m.publish.loopDelayP99Ms, 0)} ms (requests wait this long meanwhile)`,
    ],
    [
      'related cards per read',
      `${f(m.quality.cardsPerRead, 2)}, ${f(100 * m.quality.sameTopicShare, 0)}% same story cluster, ${m.quality.emptyLists} empty`,
    ],
  ];
  console.log(`\n### ${db}, ${int(size)} articles`);
  console.log('| measure | value |\n| --- | --- |');
  for (const [name, value] of rows) console.log(`| ${name} | ${value} |`);
}

const options = (() => {
  try {
    return parseArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`bench:related: ${error.message}`);
    process.exit(2);
  }
})();

if (options.child) {
  child(options).then(
    (metrics) => {
      if (process.send) process.send({ ok: true, metrics }, () => process.exit(0));
      else process.exit(0);
    },
    (error) => {
      console.error(`\n[bench] ${options.child} failed: ${error.stack ?? error}`);
      if (process.send) process.send({ ok: false, error: error.message ?? String(error) }, () => process.exit(1));
      else process.exit(1);
    }
  );
} else {
  parent(options).catch((error) => {
    console.error(`bench:related failed: ${error.stack ?? error}`);
    process.exit(1);
  });
}
