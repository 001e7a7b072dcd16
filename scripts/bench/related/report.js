/** What bench:related prints: one table per case, the summary across cases and the verdicts against the targets. */
const os = require('os');
const path = require('path');
const { root } = require('../../lib/compile');
const { duration, f, int } = require('../lib/figures');

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

function verdict(ok) {
  return ok === null ? 'n/a' : ok ? 'PASS' : 'FAIL';
}

function printSummary(options, results, startedAt) {
  const lines = [];
  lines.push('');
  lines.push(`## Related news bench summary`);
  lines.push('');
  lines.push(`- command: \`${['node', path.relative(root, process.argv[1]), ...process.argv.slice(2)].join(' ')}\``);
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

module.exports = { WARMUP_READS, COUNTED_READS, TARGETS, printSummary, printCase };
