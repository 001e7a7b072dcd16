/**
 * `npm run related:rebuild`: re-indexes every published article and recomputes every list, in batches,
 * each batch committed on its own. The site keeps serving (reads see the old lists until the new ones
 * land), and an interrupted rebuild resumes from its checkpoint in the core store.
 */
import { RELATED_MAX_LIMIT, RELATED_TABLES as T } from '../../constants';
import { DOCUMENT_COUNT_TERM, vectorFromStored, type FeatureRecord } from '../../utils/related/inverted-index';
import { memoryIndex } from '../../utils/related/memory-index';
import { CHUNK, chunks, featureOf, frequenciesFrom, indexRowOf, type FeatureRow } from './rows';
import { FEATURE_COLUMNS } from './sql-reader';
import type { Knex, RelatedStore, StoredList } from './store';

type Phase = 'index' | 'lists';
type RebuildCheckpoint = { startedMs: number; phase: Phase; locale: string; afterId: number };
export type RebuildProgress = (phase: Phase, locale: string, done: number, total: number) => void;
export type RebuildOptions = { onProgress?: RebuildProgress; restart?: boolean; batchSize?: number };
type Save = (afterId: number) => Promise<void>;

const countOf = async (query: ReturnType<Knex>): Promise<number> => {
  const [row] = (await query.count({ count: '*' })) as { count: number | string }[];
  return Number(row.count);
};

/** One string per distinct term across `records` (JSON.parse gives each article its own copies). */
function shareTermStrings(records: FeatureRecord[]): void {
  const terms = new Map<string, string>();
  for (const record of records) {
    for (const pair of record.terms) {
      const shared = terms.get(pair[0]);
      if (shared === undefined) terms.set(pair[0], pair[0]);
      else pair[0] = shared;
    }
  }
}

export function relatedRebuild(store: RelatedStore) {
  const { knex, articleTable, transaction } = store;

  async function indexLocale(
    locale: string,
    afterId: number,
    batchSize: number,
    onProgress: RebuildProgress | undefined,
    checkpoint: Save
  ) {
    const published = () => knex()(articleTable()).where('locale', locale).whereNotNull('published_at');
    const total = await countOf(published());
    let done = await countOf(published().where('id', '<=', afterId));
    let cursor = afterId;
    for (;;) {
      const rows = await store.publishedRows({ locale, id: { $gt: cursor } }, batchSize);
      if (rows.length === 0) break;
      const indexed = rows.map(indexRowOf);
      await transaction(async (trx) => {
        const ids = rows.map((row) => row.documentId);
        await trx(T.postings).where('locale', locale).whereIn('document_id', ids).del();
        for (const part of chunks(
          indexed.map((entry) => entry.feature),
          100
        )) {
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
    await transaction(async (trx) => {
      for (const table of [T.features, T.postings, T.lists])
        await trx(table).where('locale', locale).whereNotIn('document_id', live.clone()).del();
      await trx(T.terms).where('locale', locale).del();
      await trx.raw(
        `insert into ?? (locale, term, df) select locale, term, count(*) from ?? where locale = ? group by locale, term`,
        [T.terms, T.postings, locale]
      );
      const count = await countOf(trx(T.features).where('locale', locale));
      await trx(T.terms).insert({ locale, term: DOCUMENT_COUNT_TERM, df: count });
    });
    return total;
  }

  async function writeNorms(trx: Knex, locale: string, records: FeatureRecord[]) {
    for (const part of chunks(records, 200)) {
      const cases = part.map(() => 'when ? then ?').join(' ');
      const bindings = part.flatMap((record) => [record.documentId, record.norm ?? null]);
      await trx(T.features)
        .where('locale', locale)
        .whereIn(
          'document_id',
          part.map((record) => record.documentId)
        )
        .update({ norm: trx.raw(`case document_id ${cases} else norm end`, bindings) });
    }
  }

  /**
   * Every article of the locale, in memory at once for the lists: the rows' JSON text is let go once
   * parsed, and a term shared by many articles is one string, not one per article (a 10,000-post import's peak).
   */
  async function featureRecords(locale: string, columns: string[]) {
    const rows = await store.allRows<FeatureRow & { id: number }>(T.features, columns, (query) =>
      query.where('locale', locale)
    );
    const records = rows.map(featureOf);
    shareTermStrings(records);
    return { ids: rows.map((row) => Number(row.id)), records };
  }

  async function listsOfLocale(
    locale: string,
    afterId: number,
    batchSize: number,
    onProgress: RebuildProgress | undefined,
    checkpoint: Save
  ) {
    // The stored norms are stale until the frequencies are final; they are computed afresh below.
    const columns = ['id', ...FEATURE_COLUMNS.filter((column) => column !== 'norm')];
    const { ids, records } = await featureRecords(locale, columns);
    const { df, documentCount } = frequenciesFrom(await knex()(T.terms).select('term', 'df').where('locale', locale));
    // Frequencies are final for this locale now: every article's norm is computed (and stored) exactly.
    for (const record of records) record.norm = vectorFromStored(record.terms, df, documentCount).norm;
    const index = memoryIndex(records, df, documentCount);
    const { weights, candidates } = store.settings();
    const now = Date.now();
    const todo = ids.map((id, position) => ({ id, record: records[position] })).filter((entry) => entry.id > afterId);
    let done = records.length - todo.length;
    for (const batch of chunks(todo, batchSize)) {
      const lists: StoredList[] = batch.map(({ record }) => ({
        documentId: record.documentId,
        locale,
        items: index.listOf(record, { weights, candidates, now, max: RELATED_MAX_LIMIT }),
      }));
      await transaction(async (trx) => {
        await store.writeLists(trx, lists);
        await writeNorms(
          trx,
          locale,
          batch.map(({ record }) => record)
        );
      });
      done += batch.length;
      await checkpoint(batch[batch.length - 1].id);
      onProgress?.('lists', locale, done, records.length);
    }
    return records.length;
  }

  return {
    async rebuild({ onProgress, restart = false, batchSize = CHUNK }: RebuildOptions = {}) {
      const started = Date.now();
      const checkpoints = store.rebuildCheckpoints();
      const saved = restart ? null : ((await checkpoints.get({})) as RebuildCheckpoint | null);
      const locales = await store.localeCodes();
      let checkpoint: RebuildCheckpoint = saved ?? {
        startedMs: started,
        phase: 'index',
        locale: locales[0],
        afterId: 0,
      };
      const save = async (next: RebuildCheckpoint) => {
        checkpoint = next;
        await checkpoints.set({ value: next });
      };
      const totals = { articles: 0, lists: 0 };

      for (const phase of ['index', 'lists'] as const) {
        if (phase === 'index' && checkpoint.phase === 'lists') continue;
        for (const locale of locales) {
          if (checkpoint.phase === phase && locale < checkpoint.locale) continue;
          const resumeAfter = checkpoint.phase === phase && checkpoint.locale === locale ? checkpoint.afterId : 0;
          const saveAt: Save = (afterId) => save({ ...checkpoint, phase, locale, afterId });
          if (phase === 'index')
            totals.articles += await indexLocale(locale, resumeAfter, batchSize, onProgress, saveAt);
          else totals.lists += await listsOfLocale(locale, resumeAfter, batchSize, onProgress, saveAt);
          await save({ ...checkpoint, phase, locale, afterId: Number.MAX_SAFE_INTEGER });
        }
        if (phase === 'index') await save({ ...checkpoint, phase: 'lists', locale: locales[0], afterId: 0 });
      }
      await checkpoints.delete({});
      return { ...totals, ms: Date.now() - started, resumed: Boolean(saved) };
    },
  };
}
