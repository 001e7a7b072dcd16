/**
 * Synthetic newsroom archive for the benches (`bench:related`, `bench:api`): story clusters ("topics") of Indonesian- and
 * English-looking words, written straight into Strapi's tables with knex. Going through the Document
 * Service would take hours at 100,000 articles; categories and tags (a few hundred) still go through it.
 *
 * Strapi 5 keeps a draft row and a published row per document and locale, with the same document_id;
 * link tables join row ids, so a draft links to the draft, a published row to the published one, and
 * both link to the single row of a category or tag (those have no draft and publish).
 * Deterministic: the same seed gives the same words, topics, dates and document ids.
 */
const { prng } = require('../../../lib/random');
const {
  ID_GLUE,
  EN_GLUE,
  wordFactory,
  capitalize,
  documentIdFactory,
  cumulative,
  searchCumulative,
} = require('./words');

const ARTICLE_UID = 'api::article.article';
const CATEGORY_UID = 'api::category.category';
const TAG_UID = 'api::tag.tag';
const DAY = 86_400_000;

/**
 * The vocabulary and story clusters. Topic centres are spread over the last two years; a story lasts
 * days to weeks around its centre. 90% of topics (and articles) are Indonesian, 10% English.
 */
function buildWorld({
  seed = 20261126,
  topics = 400,
  categories = 12,
  tags = 200,
  enTags = 50,
  now = Date.now(),
  commonWords = 'zipf',
} = {}) {
  const rand = prng(seed);
  const word = { id: wordFactory(rand, 'id'), en: wordFactory(rand, 'en') };
  const common = {
    id: Array.from({ length: 2000 }, () => word.id()),
    en: Array.from({ length: 2000 }, () => word.en()),
  };
  const categoryNames = Array.from({ length: categories }, () => ({
    id: `${capitalize(word.id())} ${capitalize(word.id())}`,
    en: `${capitalize(word.en())} ${capitalize(word.en())}`,
  }));
  const tagNames = Array.from({ length: tags }, (_, i) => ({
    id: `${capitalize(word.id())} ${capitalize(word.id())}`,
    en: i < enTags ? `${capitalize(word.en())} ${capitalize(word.en())}` : null,
  }));
  const enTopicCount = Math.round(topics / 10);
  const list = Array.from({ length: topics }, (_, index) => {
    const locale = index < topics - enTopicCount ? 'id' : 'en';
    const tagPool = locale === 'en' ? enTags : tags;
    const topicTags = [rand.int(tagPool)];
    if (rand.next() < 0.7) topicTags.push(rand.int(tagPool));
    return {
      index,
      locale,
      words: Array.from({ length: 12 }, () => word[locale]()),
      category: rand.int(categories),
      tags: [...new Set(topicTags)],
      centreMs: now - 15 * DAY - rand.next() * (730 - 30) * DAY,
      spreadDays: 3 + rand.next() * 27,
    };
  });
  // Real prose uses a few common words very often and most of them rarely (Zipf); 'uniform' spreads them
  // evenly. Which common words fall in the band the inverted index probes differs between the two.
  const zipf = commonWords === 'zipf' ? cumulative(common.id.length) : null;
  const pickCommon = (locale) =>
    zipf ? common[locale][searchCumulative(zipf, rand.next())] : rand.pick(common[locale]);
  return {
    seed,
    now,
    rand,
    common,
    pickCommon,
    commonWords,
    categoryNames,
    tagNames,
    topics: list,
    byLocale: { id: list.filter((t) => t.locale === 'id'), en: list.filter((t) => t.locale === 'en') },
    newDocumentId: documentIdFactory(rand),
  };
}

/** `count` words, a share of them from the topic, the rest common words and function words. */
function words(world, topic, count, topicShare) {
  const { rand } = world;
  const glue = topic.locale === 'en' ? EN_GLUE : ID_GLUE;
  const out = [];
  for (let i = 0; i < count; i += 1) {
    const r = rand.next();
    out.push(
      r < topicShare ? rand.pick(topic.words) : r < topicShare + 0.25 ? rand.pick(glue) : world.pickCommon(topic.locale)
    );
  }
  return out;
}

const sentence = (list) => `${capitalize(list.join(' '))}.`;

/** The text of one article on a topic: title, lead, three paragraphs. */
function articleText(world, topic) {
  const { rand } = world;
  const title = words(world, topic, 6 + rand.int(5), 0.65)
    .map(capitalize)
    .join(' ')
    .slice(0, 190);
  const lead = sentence(words(world, topic, 22 + rand.int(7), 0.3)).slice(0, 290);
  const body = Array.from({ length: 3 }, () => ({
    type: 'paragraph',
    children: [
      { type: 'text', text: [0, 1, 2, 3].map(() => sentence(words(world, topic, 10 + rand.int(5), 0.15))).join(' ') },
    ],
  }));
  return { title, lead, body };
}

/** Categories (12) and tags (200, 50 of them also in English) through the Document Service, both locales. */
async function createTaxonomy(strapi, world) {
  const categories = [];
  for (const names of world.categoryNames) {
    const created = await strapi.documents(CATEGORY_UID).create({ locale: 'id', data: { name: names.id } });
    await strapi
      .documents(CATEGORY_UID)
      .update({ documentId: created.documentId, locale: 'en', data: { name: names.en } });
    categories.push(created.documentId);
  }
  const tags = [];
  for (const names of world.tagNames) {
    const created = await strapi.documents(TAG_UID).create({ locale: 'id', data: { name: names.id } });
    if (names.en)
      await strapi
        .documents(TAG_UID)
        .update({ documentId: created.documentId, locale: 'en', data: { name: names.en } });
    tags.push(created.documentId);
  }
  // Row ids per documentId and locale: articles of a locale link to the rows of that locale.
  const rowIds = async (table) => {
    const map = new Map();
    for (const row of await strapi.db.connection(table).select('id', 'document_id', 'locale'))
      map.set(`${row.document_id}:${row.locale}`, row.id);
    return map;
  };
  return { categories, tags, categoryRows: await rowIds('categories'), tagRows: await rowIds('tags') };
}

/**
 * Writes `size` published articles (and their drafts) in batches of 250 documents = 500 article rows
 * per INSERT, one transaction per batch. Returns what the bench needs to pick articles and check them.
 */
async function generateCorpus(strapi, world, taxonomy, size, { onProgress } = {}) {
  const knex = strapi.db.connection;
  const { rand } = world;
  const client = strapi.db.dialect.client;
  const [{ max }] = await knex('articles').max({ max: 'id' });
  let nextId = Number(max ?? 0) + 1;
  const docs = { documentId: [], locale: [], topic: [] };
  const expected = new Map(); // a few documents whose relations are checked after generation
  const batchDocs = 250;
  const rowsInserted = { articles: 0, categoryLinks: 0, tagLinks: 0 };
  const started = process.hrtime.bigint();
  let titles = 0;

  for (let done = 0; done < size; done += batchDocs) {
    const articles = [];
    const categoryLinks = [];
    const tagLinks = [];
    for (let i = done; i < Math.min(size, done + batchDocs); i += 1) {
      const locale = rand.next() < 0.9 ? 'id' : 'en';
      const topic = rand.pick(world.byLocale[locale]);
      const documentId = world.newDocumentId();
      const { title, lead, body } = articleText(world, topic);
      const slug = `${title
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .slice(0, 100)
        .replace(/-+$/, '')}-${(titles += 1)}`;
      const publishedMs = Math.min(world.now - 3_600_000, topic.centreMs + rand.bell() * topic.spreadDays * DAY);
      const datePublished = new Date(Math.round(publishedMs));
      // Some stories have extra random tags from outside their own.
      const tagIndexes = [
        ...new Set([
          ...topic.tags,
          ...Array.from({ length: rand.int(3) }, () => rand.int(locale === 'en' ? 50 : world.tagNames.length)),
        ]),
      ].slice(0, 4);
      if (tagIndexes.length < 2) tagIndexes.push((tagIndexes[0] + 1) % (locale === 'en' ? 50 : world.tagNames.length));
      const categoryDoc = taxonomy.categories[topic.category];
      const tagDocs = tagIndexes.map((index) => taxonomy.tags[index]);
      const common = {
        document_id: documentId,
        locale,
        title,
        slug,
        lead,
        body: JSON.stringify(body),
        timezone: 'WIB',
        date_published: datePublished,
        created_at: datePublished,
        updated_at: datePublished,
      };
      const draftId = nextId;
      const publishedId = nextId + 1;
      nextId += 2;
      articles.push(
        { id: draftId, ...common, published_at: null },
        { id: publishedId, ...common, published_at: datePublished }
      );
      const categoryRow = taxonomy.categoryRows.get(`${categoryDoc}:${locale}`);
      for (const articleId of [draftId, publishedId]) {
        categoryLinks.push({ article_id: articleId, category_id: categoryRow });
        tagDocs.forEach((tagDoc, order) =>
          tagLinks.push({
            article_id: articleId,
            tag_id: taxonomy.tagRows.get(`${tagDoc}:${locale}`),
            tag_ord: order + 1,
          })
        );
      }
      docs.documentId.push(documentId);
      docs.locale.push(locale);
      docs.topic.push(topic.index);
      if (i % 997 === 0)
        expected.set(documentId, {
          locale,
          category: categoryDoc,
          tags: tagDocs,
          title,
          datePublished: datePublished.toISOString(),
        });
    }
    await knex.transaction(async (trx) => {
      await trx('articles').insert(articles);
      await trx('articles_category_lnk').insert(categoryLinks);
      for (let i = 0; i < tagLinks.length; i += 500) await trx('articles_tags_lnk').insert(tagLinks.slice(i, i + 500));
    });
    rowsInserted.articles += articles.length;
    rowsInserted.categoryLinks += categoryLinks.length;
    rowsInserted.tagLinks += tagLinks.length;
    onProgress?.(Math.min(size, done + batchDocs), size);
  }
  // Explicit ids leave PostgreSQL's sequence behind; the publish phase inserts through Strapi afterwards.
  if (client === 'postgres')
    await knex.raw(`SELECT setval(pg_get_serial_sequence('articles', 'id'), (SELECT MAX(id) FROM articles))`);
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  return { docs, expected, rowsInserted, ms };
}

/** A new article on an existing, recent topic (so it has neighbours), for the publish measurements. */
function publishData(world, taxonomy, recentTopics) {
  const topic = world.rand.pick(recentTopics);
  const { title, lead, body } = articleText(world, topic);
  return {
    topic,
    locale: topic.locale,
    data: {
      title: `${title} ${world.rand.int(1e6)}`.slice(0, 200),
      lead,
      body,
      timezone: 'WIB',
      category: taxonomy.categories[topic.category],
      tags: topic.tags.map((index) => taxonomy.tags[index]),
    },
  };
}

module.exports = { ARTICLE_UID, prng, buildWorld, createTaxonomy, generateCorpus, publishData, DAY };
