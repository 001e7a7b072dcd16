/**
 * bench:related's reads: `find()` in-process, then over HTTP interleaved with stock Strapi's findOne of the
 * same articles (the baseline), and the SQL statements of each kind of read.
 */
const { prng } = require('../../lib/random');
const { f, msSince, now, stats } = require('../lib/figures');
const { counting, showTrace } = require('../lib/statements');
const { COUNTED_READS, TARGETS, WARMUP_READS } = require('./report');

/** The same random articles for every kind of read, measured against `options.reads`. */
async function measureReads({ strapi, service, get, corpus, size, options, log }) {
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
  return {
    find,
    statements: statementRanges,
    httpRelated,
    httpFindOne,
    ratio,
    quality: { cardsPerRead: cards / options.reads, sameTopicShare: sameTopic / Math.max(1, cards), emptyLists: empty },
  };
}

module.exports = { measureReads };
