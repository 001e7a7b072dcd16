/**
 * One article at a time, after its publish, unpublish or delete has committed: its features row,
 * postings and the terms' document frequencies are brought in step with its published version, and
 * its list is recomputed from the SQL index.
 */
import { RELATED_MAX_LIMIT, RELATED_TABLES as T } from '../../constants';
import {
  computeRelatedList,
  DOCUMENT_COUNT_TERM,
  vectorFromStored,
  type ListItem,
  type StoredTerm,
} from '../../utils/related/inverted-index';
import { chunks, frequenciesFrom, indexRowOf } from './rows';
import { sqlReader } from './sql-reader';
import type { Knex, RelatedStore } from './store';

export function relatedIndexer(store: RelatedStore) {
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

  const indexer = {
    /** Indexes the published version of an article in a locale, or removes it from the index if there is none. */
    async reindex(documentId: string, locale: string): Promise<boolean> {
      const [row] = await store.publishedRows({ documentId, locale });
      const self = { document_id: documentId, locale };
      await store.transaction(async (trx) => {
        const old: { term: string }[] = await trx(T.postings).select('term').where(self);
        const existed = (await trx(T.features).where(self).count({ count: '*' }))[0];
        await trx(T.postings).where(self).del();
        await adjustFrequencies(
          trx,
          locale,
          old.map((posting) => posting.term),
          -1
        );
        const hadFeatures = Number(existed?.count ?? 0) > 0;
        if (!row) {
          if (hadFeatures) {
            await trx(T.features).where(self).del();
            await adjustFrequencies(trx, locale, [DOCUMENT_COUNT_TERM], -1);
          }
          await trx(T.lists).where(self).del();
          return;
        }
        const { feature, postings } = indexRowOf(row);
        await trx(T.features).insert(feature).onConflict(['document_id', 'locale']).merge();
        for (const part of chunks(postings)) await trx(T.postings).insert(part);
        const added = [...postings.map((posting) => posting.term), ...(hadFeatures ? [] : [DOCUMENT_COUNT_TERM])];
        await adjustFrequencies(trx, locale, added, 1);
        const terms: StoredTerm[] = JSON.parse(feature.terms);
        const frequencies = await trx(T.terms)
          .select('term', 'df')
          .where('locale', locale)
          .whereIn('term', [DOCUMENT_COUNT_TERM, ...terms.map(([term]) => term)]);
        const { df, documentCount } = frequenciesFrom(frequencies);
        const norm = vectorFromStored(terms, df, documentCount).norm;
        await trx(T.features).where(self).update({ norm });
      });
      return Boolean(row);
    },

    /** Recomputes and stores one article's list; null (and no list) when it is not published in that locale. */
    async recompute(documentId: string, locale: string): Promise<ListItem[] | null> {
      const reader = sqlReader(store, locale);
      let [source] = await reader.features([documentId]);
      if (!source) {
        if (!(await indexer.reindex(documentId, locale))) return null;
        [source] = await reader.features([documentId]);
        if (!source) return null;
      }
      const { weights, candidates } = store.settings();
      const items = await computeRelatedList(source, reader, {
        weights,
        candidates,
        now: Date.now(),
        max: RELATED_MAX_LIMIT,
      });
      await store.transaction((trx) => store.writeLists(trx, [{ documentId, locale, items }]));
      return items;
    },
  };
  return indexer;
}

export type RelatedIndexer = ReturnType<typeof relatedIndexer>;
