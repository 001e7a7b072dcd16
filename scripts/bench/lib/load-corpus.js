/**
 * A bench's data, loaded into an app booted in-process on a fresh database: the synthetic archive
 * (lib/corpus), checked through REST and the Document Service, and the related-news lists rebuilt.
 * bench:related measures on it; bench:api loads it, then serves it with `strapi start`.
 */
const { duration, int, msSince, now, progress, progressEnd } = require('./figures');
const { ARTICLE_UID, buildWorld, createTaxonomy, generateCorpus } = require('./corpus');

/**
 * Categories and tags through the Document Service, `size` articles straight into the tables, then the
 * check that Strapi reads them as generated (`get`: an HTTP client of the booted app). `tag` prefixes log lines.
 */
async function loadCorpus(strapi, { size, words = 'zipf', get, log, tag, kind }) {
  const world = buildWorld({ commonWords: words });
  let started = now();
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
  if (kind === 'postgres') await strapi.db.connection.raw('ANALYZE');

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
  return { world, taxonomy, corpus, generation };
}

/** The related-news rebuild with its phases timed (a per-article fallback where the service has no rebuild). */
async function rebuildRelated(strapi, { size, corpus, log, tag, kind }) {
  const service = strapi.plugin('newsroom').service('related-news');
  const started = now();
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
  if (kind === 'postgres') await strapi.db.connection.raw('ANALYZE');
  return rebuild;
}

module.exports = { loadCorpus, rebuildRelated };
