import type { Core } from '@strapi/strapi';
import { ARTICLE_UID, RELATED_EXCLUDED_FIELD, RELATED_MAX_LIMIT, RELATED_PINNED_FIELD, RELATED_TABLES as T } from '../constants';
import { blocksToText } from '../utils/format/blocks';
import {
  computeRelatedList,
  DOCUMENT_COUNT_TERM,
  postingWeight,
  storedTerms,
  tagTerm,
  type FeatureRecord,
  type IndexReader,
  type ListItem,
  type StoredTerm,
  vectorFromStored,
} from '../utils/related/inverted-index';
import { memoryIndex } from '../utils/related/memory-index';
import { termsOf } from '../utils/related/scoring';
import { relatedSettings } from '../utils/related/settings';

type Knex = any;
type RebuildCheckpoint = { startedMs: number; phase: 'index' | 'lists'; locale: string; afterId: number };
type RebuildProgress = (phase: 'index' | 'lists', locale: string, done: number, total: number) => void;
const REBUILD_STORE = { type: 'plugin', name: 'newsroom', key: 'related-rebuild' } as const;
type Job = { documentId: string; locale: string; neighbours: boolean; reindex: boolean };
type Card = Record<string, unknown> & { documentId: string };

// This process's own pending work, so that it can be coalesced and awaited. Everything it produces
// (index rows, lists) lives in the database and is shared by every instance.
const queue = new Map<string, Job>();
let worker: Promise<void> | null = null;

/** What a related card shows; everything else stays out of the list. */
const CARD_FIELDS = ['title', 'slug', 'lead', 'datePublished', 'publishedAt', 'timezone', 'locale'];
const COVER_FIELDS = ['caption', 'credit', 'creditLabel', 'altText'];
const IMAGE_FIELDS = ['url', 'alternativeText', 'width', 'height', 'formats'];
const CARD_POPULATE = { cover: { fields: COVER_FIELDS, populate: { image: { fields: IMAGE_FIELDS } } } };
/**
 * Above this many articles out of step with the index (a first deploy onto an archive, a restored
 * backup), reconcile() leaves the work to `npm run related:rebuild` instead of queueing it one by one.
 */
const RECONCILE_MAX_DRIFT = 1000;
/** Rows per statement for IN lists and bulk inserts: well under every database's parameter limit. */
const CHUNK = 500;

const ms = (value: unknown): number => (value instanceof Date ? value.getTime() : typeof value === 'number' ? value : new Date(value as string).getTime());
const json = <V>(value: unknown, fallback: V): V => {
  if (value === null || value === undefined) return fallback;
  return (typeof value === 'string' ? JSON.parse(value) : value) as V;
};
const chunks = <V>(values: V[], size = CHUNK): V[][] => {
  const out: V[][] = [];
  for (let i = 0; i < values.length; i += size) out.push(values.slice(i, i + size));
  return out;
};
/** Document frequencies and the locale's article count from rows of the terms table. */
function frequenciesFrom(rows: { term: string; df: unknown }[]): { df: Map<string, number>; documentCount: number } {
  const df = new Map<string, number>();
  let documentCount = 0;
  for (const row of rows) {
    if (row.term === DOCUMENT_COUNT_TERM) documentCount = Number(row.df);
    else if (Number(row.df) > 0) df.set(row.term, Number(row.df));
  }
  return { df, documentCount };
}
const pick = (row: any, fields: string[]) => Object.fromEntries(fields.filter((field) => row?.[field] !== undefined).map((field) => [field, row[field]]));

/** The card of a published article row (with its cover populated), as the REST list serves it. */
function cardOf(row: any): Card {
  const card: Card = { id: row.id, documentId: row.documentId, ...pick(row, CARD_FIELDS) };
  for (const field of ['datePublished', 'publishedAt']) if (card[field]) card[field] = new Date(card[field] as string).toISOString();
  card.cover = row.cover ? { id: row.cover.id, documentId: row.cover.documentId, ...pick(row.cover, COVER_FIELDS), image: row.cover.image ? { id: row.cover.image.id, documentId: row.cover.image.documentId, ...pick(row.cover.image, IMAGE_FIELDS) } : null } : null;
  return card;
}

function featureOf(row: any): FeatureRecord {
  return {
    documentId: row.document_id,
    publishedMs: Number(row.published_ms),
    category: row.category ?? null,
    categoryParent: row.category_parent ?? null,
    tags: json<string[]>(row.tags, []),
    terms: json<StoredTerm[]>(row.terms, []),
    pinned: json<string[]>(row.pinned, []),
    excluded: json<string[]>(row.excluded, []),
    norm: row.norm === null || row.norm === undefined ? null : Number(row.norm),
  };
}

/**
 * "Berita Terkait". On every publish, unpublish or delete the article is (re)indexed after commit: its
 * strongest terms, tags and category go to a features row and an inverted index, so that computing a
 * list looks at a few hundred candidates instead of the archive. Lists are stored per documentId and
 * locale; a read is two statements (the list, and which of its articles are published right now, with
 * the cards indexed at their last publish), so an unpublished or deleted article vanishes from every list at once.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = (): Knex => strapi.db.connection;
  const settings = () => relatedSettings(strapi.config.get('plugin::newsroom.related'));
  const articleTable = (): string => strapi.db.metadata.get(ARTICLE_UID).tableName;
  /** Content locale codes in a fixed (alphabetical) order: the rebuild's checkpoint relies on it. */
  const localeCodes = async (): Promise<string[]> => (await strapi.plugin('i18n').service('locales').find()).map((locale: any) => locale.code).sort();

  /** The index as SQL: used when serving. */
  const sqlReader = (locale: string): IndexReader => ({
    async documentFrequencies(terms) {
      const rows = [];
      for (const part of chunks([...new Set([DOCUMENT_COUNT_TERM, ...terms])])) {
        rows.push(...(await knex()(T.terms).select('term', 'df').where('locale', locale).whereIn('term', part)));
      }
      return frequenciesFrom(rows);
    },
    async candidates(probe, self, fromMs, toMs, limit) {
      // The partial scores are summed by the database: only the best `limit` rows come back.
      const terms = [...probe.keys()];
      const cases = terms.map(() => 'when ? then ?').join(' ');
      const rows = await knex()(T.postings)
        .select('document_id')
        .select(knex().raw(`sum(weight * (case term ${cases} else 0.0 end)) as partial_score`, terms.flatMap((term) => [term, probe.get(term)])))
        .where('locale', locale)
        .whereIn('term', terms)
        .whereBetween('published_ms', [fromMs, toMs])
        .whereNot('document_id', self)
        .groupBy('document_id')
        .orderBy('partial_score', 'desc')
        .orderBy('document_id', 'asc')
        .limit(limit);
      return rows.map((row: any) => row.document_id);
    },
    async latestInCategory(category, fromMs, toMs, limit) {
      const rows = await knex()(T.features)
        .select('document_id')
        .where({ locale, category })
        .whereBetween('published_ms', [fromMs, toMs])
        .orderBy('published_ms', 'desc')
        .limit(limit);
      return rows.map((row: any) => row.document_id);
    },
    async features(documentIds) {
      const out: FeatureRecord[] = [];
      for (const part of chunks(documentIds)) {
        const rows = await knex()(T.features)
          .select('document_id', 'published_ms', 'category', 'category_parent', 'tags', 'terms', 'pinned', 'excluded', 'norm')
          .where('locale', locale)
          .whereIn('document_id', part);
        out.push(...rows.map(featureOf));
      }
      return out;
    },
  });

  /** Adds `delta` to the document frequency of each term (and to the locale's article count). */
  async function adjustFrequencies(trx: Knex, locale: string, terms: string[], delta: 1 | -1) {
    // A fixed order keeps concurrent instances from locking the same rows in opposite orders.
    for (const part of chunks([...new Set(terms)].sort())) {
      if (delta > 0) {
        await trx(T.terms)
          .insert(part.map((term) => ({ locale, term, df: 1 })))
          .onConflict(['locale', 'term'])
          .merge({ df: trx.raw('?? + 1', [`${T.terms}.df`]) });
      } else {
        await trx(T.terms).where('locale', locale).whereIn('term', part).decrement('df', 1);
      }
    }
  }

  /** Loads the published rows of these documents in this locale, with what the index and the cards need. */
  async function publishedRows(where: Record<string, unknown>, limit?: number) {
    return strapi.db.query(ARTICLE_UID).findMany({
      ...(limit ? { limit } : {}),
      where: { publishedAt: { $notNull: true }, ...where },
      select: ['id', 'documentId', 'locale', 'title', 'slug', 'lead', 'body', 'datePublished', 'publishedAt', 'timezone'],
      populate: {
        tags: { select: ['documentId'] },
        category: { select: ['documentId'], populate: { parent: { select: ['documentId'] } } },
        cover: { select: ['id', 'documentId', ...COVER_FIELDS], populate: { image: { select: ['id', 'documentId', ...IMAGE_FIELDS] } } },
        [RELATED_PINNED_FIELD]: { select: ['documentId'] },
        [RELATED_EXCLUDED_FIELD]: { select: ['documentId'] },
      },
      orderBy: { id: 'asc' },
    } as any);
  }

  function indexRowOf(row: any) {
    const publishedMs = ms(row.datePublished ?? row.publishedAt);
    const terms = storedTerms(termsOf({ title: row.title, lead: row.lead, body: blocksToText(row.body) }, row.locale));
    const tags: string[] = (row.tags ?? []).map((tag: any) => tag.documentId);
    const feature = {
      document_id: row.documentId,
      locale: row.locale,
      published_ms: publishedMs,
      category: row.category?.documentId ?? null,
      category_parent: row.category?.parent?.documentId ?? null,
      tags: JSON.stringify(tags),
      terms: JSON.stringify(terms),
      pinned: JSON.stringify((row[RELATED_PINNED_FIELD] ?? []).map((target: any) => target.documentId)),
      excluded: JSON.stringify((row[RELATED_EXCLUDED_FIELD] ?? []).map((target: any) => target.documentId)),
      version: ms(row.publishedAt),
      card: JSON.stringify(cardOf(row)),
    };
    const postings = [
      ...terms.map(([term, count]) => ({ locale: row.locale, term, document_id: row.documentId, published_ms: publishedMs, weight: postingWeight(count) })),
      ...tags.map((tag) => ({ locale: row.locale, term: tagTerm(tag), document_id: row.documentId, published_ms: publishedMs, weight: 1 })),
    ];
    return { feature, postings };
  }

  async function readList(documentId: string, locale: string): Promise<{ items: ListItem[]; computedMs: number } | null> {
    const row = await knex()(T.lists).select('items', 'computed_ms').where({ document_id: documentId, locale }).first();
    return row ? { items: json<ListItem[]>(row.items, []), computedMs: Number(row.computed_ms) } : null;
  }

  async function writeLists(trx: Knex, lists: { documentId: string; locale: string; items: ListItem[] }[]) {
    const now = Date.now();
    for (const part of chunks(lists, 200)) {
      await trx(T.lists)
        .insert(part.map((list) => ({ document_id: list.documentId, locale: list.locale, items: JSON.stringify(list.items), computed_ms: now })))
        .onConflict(['document_id', 'locale'])
        .merge(['items', 'computed_ms']);
    }
  }

  async function indexLocale(locale: string, afterId: number, batchSize: number, onProgress: RebuildProgress | undefined, checkpoint: (afterId: number) => Promise<void>) {
    const total = Number((await knex()(articleTable()).where('locale', locale).whereNotNull('published_at').count({ count: '*' }))[0].count);
    let done = Number((await knex()(articleTable()).where('locale', locale).whereNotNull('published_at').where('id', '<=', afterId).count({ count: '*' }))[0].count);
    let cursor = afterId;
    for (;;) {
      const rows = await publishedRows({ locale, id: { $gt: cursor } }, batchSize);
      if (rows.length === 0) break;
      const indexed = rows.map(indexRowOf);
      await strapi.db.transaction(async ({ trx }: any) => {
        const ids = rows.map((row: any) => row.documentId);
        await trx(T.postings).where('locale', locale).whereIn('document_id', ids).del();
        for (const part of chunks(indexed.map((entry) => entry.feature), 100)) {
          await trx(T.features).insert(part).onConflict(['document_id', 'locale']).merge();
        }
        for (const part of chunks(indexed.flatMap((entry) => entry.postings))) await trx(T.postings).insert(part);
      });
      cursor = rows[rows.length - 1].id;
      done += rows.length;
      await checkpoint(cursor);
      onProgress?.('index', locale, Math.min(done, total), total);
    }
    // What is no longer published leaves the index; then the frequencies are counted afresh.
    const live = knex()(articleTable()).select('document_id').where('locale', locale).whereNotNull('published_at');
    await strapi.db.transaction(async ({ trx }: any) => {
      for (const table of [T.features, T.postings, T.lists]) await trx(table).where('locale', locale).whereNotIn('document_id', live.clone()).del();
      await trx(T.terms).where('locale', locale).del();
      await trx.raw(
        `insert into ?? (locale, term, df) select locale, term, count(*) from ?? where locale = ? group by locale, term`,
        [T.terms, T.postings, locale]
      );
      const count = Number((await trx(T.features).where('locale', locale).count({ count: '*' }))[0].count);
      await trx(T.terms).insert({ locale, term: DOCUMENT_COUNT_TERM, df: count });
    });
    return total;
  }

  /**
   * Every row of a table that `where` selects, in pages by id, letting requests in between pages
   * (SQLite's driver is synchronous: one read of 100,000 rows would hold every request up).
   */
  async function allRows(table: string, columns: string[], where: (query: Knex) => Knex, pageSize = 5000): Promise<any[]> {
    const rows: any[] = [];
    for (let cursor = 0; ; ) {
      const page = await where(knex()(table).select(columns)).where('id', '>', cursor).orderBy('id').limit(pageSize);
      rows.push(...page);
      if (page.length < pageSize) return rows;
      cursor = page[page.length - 1].id;
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  async function writeNorms(trx: Knex, locale: string, records: FeatureRecord[]) {
    for (const part of chunks(records, 200)) {
      const cases = part.map(() => 'when ? then ?').join(' ');
      await trx(T.features)
        .where('locale', locale)
        .whereIn('document_id', part.map((record) => record.documentId))
        .update({ norm: trx.raw(`case document_id ${cases} else norm end`, part.flatMap((record) => [record.documentId, record.norm ?? null])) });
    }
  }

  async function listsOfLocale(locale: string, afterId: number, batchSize: number, onProgress: RebuildProgress | undefined, checkpoint: (afterId: number) => Promise<void>) {
    const rows = await allRows(T.features, ['id', 'document_id', 'published_ms', 'category', 'category_parent', 'tags', 'terms', 'pinned', 'excluded'], (query) =>
      query.where('locale', locale)
    );
    const records = rows.map(featureOf);
    const { df, documentCount } = frequenciesFrom(await knex()(T.terms).select('term', 'df').where('locale', locale));
    // Frequencies are final for this locale now: every article's norm is computed (and stored) exactly.
    for (const record of records) record.norm = vectorFromStored(record.terms, df, documentCount).norm;
    const index = memoryIndex(records, df, documentCount);
    const { weights, candidates } = settings();
    const now = Date.now();
    const todo = rows.map((row, index) => ({ id: Number(row.id), record: records[index] })).filter((entry) => entry.id > afterId);
    let done = rows.length - todo.length;
    for (const batch of chunks(todo, batchSize)) {
      const lists: { documentId: string; locale: string; items: ListItem[] }[] = [];
      for (const { record } of batch) {
        lists.push({ documentId: record.documentId, locale, items: index.listOf(record, { weights, candidates, now, max: RELATED_MAX_LIMIT }) });
      }
      await strapi.db.transaction(async ({ trx }: any) => {
        await writeLists(trx, lists);
        await writeNorms(trx, locale, batch.map(({ record }) => record));
      });
      done += batch.length;
      await checkpoint(batch[batch.length - 1].id);
      onProgress?.('lists', locale, done, rows.length);
    }
    return rows.length;
  }

  const service = {
    /** Indexes the published version of an article in a locale, or removes it from the index if there is none. */
    async reindex(documentId: string, locale: string): Promise<boolean> {
      const [row] = await publishedRows({ documentId, locale });
      await strapi.db.transaction(async ({ trx }: any) => {
        const old = await trx(T.postings).select('term').where({ document_id: documentId, locale });
        const existed = (await trx(T.features).where({ document_id: documentId, locale }).count({ count: '*' }))[0];
        await trx(T.postings).where({ document_id: documentId, locale }).del();
        await adjustFrequencies(trx, locale, old.map((posting: any) => posting.term), -1);
        const hadFeatures = Number(existed?.count ?? 0) > 0;
        if (!row) {
          if (hadFeatures) {
            await trx(T.features).where({ document_id: documentId, locale }).del();
            await adjustFrequencies(trx, locale, [DOCUMENT_COUNT_TERM], -1);
          }
          await trx(T.lists).where({ document_id: documentId, locale }).del();
          return;
        }
        const { feature, postings } = indexRowOf(row);
        await trx(T.features).insert(feature).onConflict(['document_id', 'locale']).merge();
        for (const part of chunks(postings)) await trx(T.postings).insert(part);
        await adjustFrequencies(trx, locale, [...postings.map((posting) => posting.term), ...(hadFeatures ? [] : [DOCUMENT_COUNT_TERM])], 1);
        const terms: StoredTerm[] = JSON.parse(feature.terms);
        const frequencies = await trx(T.terms).select('term', 'df').where('locale', locale).whereIn('term', [DOCUMENT_COUNT_TERM, ...terms.map(([term]) => term)]);
        const { df, documentCount } = frequenciesFrom(frequencies);
        const norm = vectorFromStored(terms, df, documentCount).norm;
        await trx(T.features).where({ document_id: documentId, locale }).update({ norm });
      });
      return Boolean(row);
    },

    /** Recomputes and stores one article's list; null (and no list) when it is not published in that locale. */
    async recompute(documentId: string, locale: string): Promise<ListItem[] | null> {
      const reader = sqlReader(locale);
      let [source] = await reader.features([documentId]);
      if (!source) {
        if (!(await service.reindex(documentId, locale))) return null;
        [source] = await reader.features([documentId]);
        if (!source) return null;
      }
      const { weights, candidates } = settings();
      const items = await computeRelatedList(source, reader, { weights, candidates, now: Date.now(), max: RELATED_MAX_LIMIT });
      await strapi.db.transaction(async ({ trx }: any) => writeLists(trx, [{ documentId, locale, items }]));
      return items;
    },

    /**
     * After a publish, unpublish or delete: re-index the article, recompute its list, then refresh its
     * neighbours (the articles in its old and new list), whose lists may now gain or lose it.
     */
    async refresh(documentId: string, locale: string, { neighbours = true } = {}) {
      const before = neighbours ? await readList(documentId, locale) : null;
      await service.reindex(documentId, locale);
      const items = await service.recompute(documentId, locale);
      if (!neighbours) return;
      const around = new Set([...(before?.items ?? []), ...(items ?? [])].map((item) => item.documentId));
      for (const neighbour of around) service.schedule(neighbour, locale, { neighbours: false, reindex: false });
    },

    /**
     * Queues a refresh off the request path. One queue per process coalesces duplicates, so a bulk
     * import does not recompute the same list again and again.
     */
    schedule(documentId: string, locale: string, { neighbours = true, reindex = true }: { neighbours?: boolean; reindex?: boolean } = {}): void {
      const key = `${documentId}\u0000${locale}`;
      const queued = queue.get(key);
      queue.set(key, { documentId, locale, neighbours: neighbours || (queued?.neighbours ?? false), reindex: reindex || (queued?.reindex ?? false) });
      if (!worker) {
        worker = new Promise<void>((resolve) => setImmediate(resolve))
          .then(() => service.drain())
          .finally(() => {
            worker = null;
          });
      }
    },

    async drain(): Promise<void> {
      while (queue.size > 0) {
        // Let waiting requests in between jobs (SQLite's driver is synchronous: a chain of queries never yields).
        await new Promise((resolve) => setImmediate(resolve));
        const [key, job] = queue.entries().next().value as [string, Job];
        queue.delete(key);
        try {
          if (job.reindex) await service.refresh(job.documentId, job.locale, { neighbours: job.neighbours });
          else await service.recompute(job.documentId, job.locale);
        } catch (error) {
          strapi.log.error(`[newsroom] related news for ${job.documentId}/${job.locale} failed: ${(error as Error).message}`);
        }
      }
    },

    /**
     * Queues what the index is missing: a publish whose indexing was lost (the process stopped between
     * commit and its in-memory queue, a deploy restarted it mid-import) is indexed, and an article no
     * longer published leaves the index, with its neighbours refreshed either way. Each instance runs it
     * at boot and every `reconcileMinutes`; when nothing drifted it is two reads per locale.
     */
    async reconcile(): Promise<{ scheduled: number; drifted: number; skipped: boolean }> {
      const store = strapi.store(REBUILD_STORE as any);
      // A rebuild in progress rewrites the index; it leaves it consistent when it ends.
      if (await store.get({})) return { scheduled: 0, drifted: 0, skipped: true };
      const locales = await localeCodes();
      const drift: { documentId: string; locale: string }[] = [];
      for (const locale of locales) {
        const indexed = new Map<string, number>(
          (await allRows(T.features, ['id', 'document_id', 'version'], (query) => query.where('locale', locale))).map((row) => [row.document_id, Number(row.version)])
        );
        const published = await allRows(articleTable(), ['id', 'document_id', 'published_at'], (query) => query.where('locale', locale).whereNotNull('published_at'));
        for (const row of published) {
          if (indexed.get(row.document_id) !== ms(row.published_at)) drift.push({ documentId: row.document_id, locale });
          indexed.delete(row.document_id);
        }
        for (const documentId of indexed.keys()) drift.push({ documentId, locale });
      }
      if (drift.length > RECONCILE_MAX_DRIFT) {
        strapi.log.warn(`[newsroom] ${drift.length} articles are out of step with the "Berita Terkait" index: run \`npm run related:rebuild\`.`);
        return { scheduled: 0, drifted: drift.length, skipped: true };
      }
      for (const { documentId, locale } of drift) service.schedule(documentId, locale);
      if (drift.length) strapi.log.info(`[newsroom] "Berita Terkait": ${drift.length} articles were out of step with the index; queued.`);
      return { scheduled: drift.length, drifted: drift.length, skipped: false };
    },

    /** Resolves when this process has no recomputation left (scripts and tests wait on it). */
    async idle(): Promise<void> {
      while (worker) await worker;
    },

    /**
     * Public read: the published related articles of a published article, in stored order, as cards
     * (REST) or whole published rows (`cards: false`, for GraphQL). Null when the article is not
     * published in that locale. Two statements when the list is stored and its cards are current.
     */
    async find(documentId: string, locale: string, limit: number, { cards = true }: { cards?: boolean } = {}) {
      // Which of these are published in this locale right now, with the card indexed at their last publish.
      const live = async (ids: string[]) => {
        const rows = await knex()({ a: articleTable() })
          .leftJoin({ f: T.features }, (join: any) => join.on('f.document_id', '=', 'a.document_id').andOn('f.locale', '=', 'a.locale'))
          .select('a.document_id', 'a.published_at', 'f.version', 'f.card')
          .where('a.locale', locale)
          .whereNotNull('a.published_at')
          .whereIn('a.document_id', ids);
        return new Map<string, { current: boolean; card: string | null }>(
          rows.map((row: any) => [row.document_id, { current: row.card !== null && Number(row.version) === ms(row.published_at), card: row.card }])
        );
      };
      let list = await readList(documentId, locale);
      if (!list) {
        if ((await live([documentId])).size === 0) return null;
        const items = await service.recompute(documentId, locale);
        if (!items) return null;
        list = { items, computedMs: Date.now() };
      }
      // Published only, this locale only, checked now: whatever was unpublished or deleted since is dropped.
      const published = await live([documentId, ...list.items.map((item) => item.documentId)]);
      if (!published.has(documentId)) return null;
      const items = list.items.filter((item) => published.has(item.documentId)).slice(0, limit);
      const computedAt = new Date(list.computedMs).toISOString();
      if (!cards) {
        const rows = items.length
          ? await strapi.documents(ARTICLE_UID).findMany({ filters: { documentId: { $in: items.map((item) => item.documentId) } }, locale, status: 'published' } as any)
          : [];
        const byId = new Map(rows.map((row: any) => [row.documentId, row]));
        return { articles: items.map((item) => byId.get(item.documentId)).filter(Boolean), computedAt };
      }
      // An article published again a moment ago may not be re-indexed yet: its card is read afresh.
      const stale = items.filter((item) => !published.get(item.documentId)!.current).map((item) => item.documentId);
      const fresh = new Map<string, Card>();
      if (stale.length) {
        const rows = await strapi.documents(ARTICLE_UID).findMany({ filters: { documentId: { $in: stale } }, locale, status: 'published', fields: CARD_FIELDS, populate: CARD_POPULATE } as any);
        for (const row of rows as any[]) fresh.set(row.documentId, cardOf(row));
        for (const id of stale) service.schedule(id, locale, { neighbours: false, reindex: true });
      }
      const articles = items
        .map((item) => fresh.get(item.documentId) ?? json<Card | null>(published.get(item.documentId)!.card, null))
        .filter((card): card is Card => Boolean(card));
      return { articles, computedAt };
    },

    /**
     * Re-indexes every published article and recomputes every list, in batches, each batch committed on
     * its own: the site keeps serving (reads see the old lists until the new ones land), and an
     * interrupted rebuild resumes from its checkpoint in the core store.
     */
    async rebuild({ onProgress, restart = false, batchSize = CHUNK }: { onProgress?: RebuildProgress; restart?: boolean; batchSize?: number } = {}) {
      const started = Date.now();
      const store = strapi.store(REBUILD_STORE as any);
      const saved = restart ? null : ((await store.get({})) as RebuildCheckpoint | null);
      const locales = await localeCodes();
      let checkpoint: RebuildCheckpoint = saved ?? { startedMs: started, phase: 'index', locale: locales[0], afterId: 0 };
      const save = async (next: RebuildCheckpoint) => {
        checkpoint = next;
        await store.set({ value: next });
      };
      const totals = { articles: 0, lists: 0 };

      for (const phase of ['index', 'lists'] as const) {
        if (phase === 'index' && checkpoint.phase === 'lists') continue;
        for (const locale of locales) {
          if (checkpoint.phase === phase && locale < checkpoint.locale) continue;
          const resumeAfter = checkpoint.phase === phase && checkpoint.locale === locale ? checkpoint.afterId : 0;
          if (phase === 'index') totals.articles += await indexLocale(locale, resumeAfter, batchSize, onProgress, (afterId) => save({ ...checkpoint, phase, locale, afterId }));
          else totals.lists += await listsOfLocale(locale, resumeAfter, batchSize, onProgress, (afterId) => save({ ...checkpoint, phase, locale, afterId }));
          await save({ ...checkpoint, phase, locale, afterId: Number.MAX_SAFE_INTEGER });
        }
        if (phase === 'index') await save({ ...checkpoint, phase: 'lists', locale: locales[0], afterId: 0 });
      }
      await store.delete({});
      return { ...totals, ms: Date.now() - started, resumed: Boolean(saved) };
    },
  };
  return service;
};

