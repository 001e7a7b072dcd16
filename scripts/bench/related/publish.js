/** bench:related's publish phase: create-to-idle latency, the own list's write, statements and the event loop meanwhile. */
const { monitorEventLoopDelay } = require('perf_hooks');
const { f, msSince, now, stats } = require('../lib/figures');
const { counting, showTrace } = require('../lib/statements');
const { ARTICLE_UID, DAY, publishData } = require('../lib/corpus');

/** `options.publishes` new articles on recent story clusters, each timed until its list and its neighbours' are stored. */
async function measurePublishes({ strapi, service, world, taxonomy, corpus, options, log }) {
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

  return publishStats;
}

module.exports = { measurePublishes };
