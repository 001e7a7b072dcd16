/** The index as SQL: what serving and single recomputes read (the rebuild reads it from memory instead). */
import { RELATED_TABLES as T } from '../../constants';
import { DOCUMENT_COUNT_TERM, type FeatureRecord, type IndexReader } from '../../utils/related/inverted-index';
import { chunks, featureOf, frequenciesFrom, type FeatureRow } from './rows';
import type { RelatedStore } from './store';

export const FEATURE_COLUMNS = [
  'document_id',
  'published_ms',
  'category',
  'category_parent',
  'tags',
  'terms',
  'pinned',
  'excluded',
  'norm',
];

export function sqlReader({ knex }: RelatedStore, locale: string): IndexReader {
  return {
    async documentFrequencies(terms) {
      const rows: { term: string; df: unknown }[] = [];
      for (const part of chunks([...new Set([DOCUMENT_COUNT_TERM, ...terms])])) {
        rows.push(...(await knex()(T.terms).select('term', 'df').where('locale', locale).whereIn('term', part)));
      }
      return frequenciesFrom(rows);
    },
    async candidates(probe, self, fromMs, toMs, limit) {
      // The partial scores are summed by the database: only the best `limit` rows come back.
      const terms = [...probe.keys()];
      const cases = terms.map(() => 'when ? then ?').join(' ');
      const bindings = terms.flatMap((term) => [term, probe.get(term)!]);
      const rows: { document_id: string }[] = await knex()(T.postings)
        .select('document_id')
        .select(knex().raw(`sum(weight * (case term ${cases} else 0.0 end)) as partial_score`, bindings))
        .where('locale', locale)
        .whereIn('term', terms)
        .whereBetween('published_ms', [fromMs, toMs])
        .whereNot('document_id', self)
        .groupBy('document_id')
        .orderBy('partial_score', 'desc')
        .orderBy('document_id', 'asc')
        .limit(limit);
      return rows.map((row) => row.document_id);
    },
    async latestInCategory(category, fromMs, toMs, limit) {
      const rows: { document_id: string }[] = await knex()(T.features)
        .select('document_id')
        .where({ locale, category })
        .whereBetween('published_ms', [fromMs, toMs])
        .orderBy('published_ms', 'desc')
        .limit(limit);
      return rows.map((row) => row.document_id);
    },
    async features(documentIds) {
      const out: FeatureRecord[] = [];
      for (const part of chunks(documentIds)) {
        const rows: FeatureRow[] = await knex()(T.features)
          .select(FEATURE_COLUMNS)
          .where('locale', locale)
          .whereIn('document_id', part);
        out.push(...rows.map(featureOf));
      }
      return out;
    },
  };
}
