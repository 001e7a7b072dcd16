#!/usr/bin/env node
/**
 * `npm run bench:revisions`: what a revision adds to a save, at 100,000 articles (BENCH_ARTICLES) with a
 * revision history as large (one stored revision per article, BENCH_REVISIONS). Saves of random drafts
 * through the Document Service, in interleaved rounds with the revision write on and off (the service's
 * `record` replaced by a no-op in this process only), so machine noise falls on both alike. Also: the
 * SQL statements of listing 100 revisions of one article. SQLite by default; DATABASE_CLIENT=postgres
 * (and DATABASE_HOST...) for PostgreSQL. Budget (issue 15): +20 ms p95 at most, listing in 1-2 statements.
 */
const { bootForBench } = require('./lib/boot');
const { buildWorld, createTaxonomy, generateCorpus, ARTICLE_UID } = require('./lib/corpus');
const { duration, f, int, msSince, now, progress, progressEnd, stats } = require('./lib/figures');
const { seedRevisions } = require('./revisions/seed');

const SIZE = Number(process.env.BENCH_ARTICLES ?? 100_000);
const REVISIONS = Number(process.env.BENCH_REVISIONS ?? SIZE);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 20);
const PER_ROUND = 10;

async function main() {
  const app = await bootForBench();
  const { strapi } = app;
  const kind = strapi.db.dialect.client;
  try {
    const world = buildWorld({});
    const taxonomy = await createTaxonomy(strapi, world);
    let started = now();
    const corpus = await generateCorpus(strapi, world, taxonomy, SIZE, {
      onProgress: (done, total) => progress(`generating ${int(done)}/${int(total)} articles`),
    });
    progressEnd(`${int(SIZE)} articles in ${duration(msSince(started))}`);
    started = now();
    await seedRevisions(strapi, corpus.docs, REVISIONS);
    progressEnd(`${int(REVISIONS)} stored revisions in ${duration(msSince(started))}`);
    if (kind === 'postgres') await strapi.db.connection.raw('ANALYZE');

    const revisions = strapi.plugin('newsroom').service('revisions');
    const record = revisions.record.bind(revisions);
    const pick = () => {
      const index = Math.floor(world.rand.next() * corpus.docs.documentId.length);
      return { documentId: corpus.docs.documentId[index], locale: corpus.docs.locale[index] };
    };
    let counter = 0;
    const save = async () => {
      const target = pick();
      const t = now();
      await strapi.documents(ARTICLE_UID).update({ ...target, data: { lead: `Pembaruan ${(counter += 1)}` } });
      return msSince(t);
    };
    for (let i = 0; i < 20; i += 1) await save(); // warm-up

    const samples = { with: [], without: [] };
    for (let round = 0; round < ROUNDS; round += 1) {
      for (const mode of round % 2 ? ['without', 'with'] : ['with', 'without']) {
        revisions.record = mode === 'with' ? record : async () => {};
        for (let i = 0; i < PER_ROUND; i += 1) samples[mode].push(await save());
      }
    }
    revisions.record = record;

    // One article with 100 revisions, listed with its statements counted.
    const busy = pick();
    for (let i = 0; i < 100; i += 1) {
      await strapi.documents(ARTICLE_UID).update({ ...busy, data: { lead: `Versi ${i}` } });
    }
    // The saves' after-commit work (cache purges, related-news) must not count as the listing's statements.
    await strapi.plugin('newsroom').service('related-news').idle();
    await new Promise((resolve) => setTimeout(resolve, 500));
    let statements = 0;
    const onQuery = () => (statements += 1);
    strapi.db.connection.on('query', onQuery);
    const t = now();
    const listed = await revisions.list(busy.documentId, busy.locale);
    const listMs = msSince(t);
    strapi.db.connection.off('query', onQuery);

    const a = stats(samples.with);
    const b = stats(samples.without);
    console.log(
      `\nsave of one article draft, ${int(SIZE)} articles, ${int(REVISIONS)} revisions stored (${kind}), ${ROUNDS * PER_ROUND} saves each, interleaved`
    );
    console.log(
      `${''.padEnd(22)} ${'mean'.padStart(8)} ${'p50'.padStart(8)} ${'p95'.padStart(8)} ${'p99'.padStart(8)}`
    );
    for (const [name, s] of [
      ['with revision', a],
      ['without revision', b],
    ]) {
      console.log(
        `${name.padEnd(22)} ${f(s.mean).padStart(8)} ${f(s.p50).padStart(8)} ${f(s.p95).padStart(8)} ${f(s.p99).padStart(8)}`
      );
    }
    const added = a.p95 - b.p95;
    console.log(`revision adds ${f(added)} ms at p95 (budget 20 ms): ${added <= 20 ? 'within' : 'OVER'} budget`);
    console.log(`listing ${listed.length} revisions of one article: ${statements} SQL statement(s), ${f(listMs)} ms`);
  } finally {
    await app.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
