import { topCandidates, type Posting } from './candidates';
import { postingWeight, tagTerm, type FeatureRecord, type IndexReader } from './inverted-index';

/**
 * The whole index of one locale in memory, for a full rebuild: the same reads as the SQL tables give,
 * without a round trip per article.
 */
export function memoryReader(
  records: FeatureRecord[],
  documentFrequency: Map<string, number>,
  documentCount: number
): IndexReader {
  const byId = new Map(records.map((record) => [record.documentId, record]));
  const postingsByTerm = new Map<string, { documentId: string; weight: number; publishedMs: number }[]>();
  const add = (term: string, documentId: string, weight: number, publishedMs: number) => {
    const list = postingsByTerm.get(term);
    if (list) list.push({ documentId, weight, publishedMs });
    else postingsByTerm.set(term, [{ documentId, weight, publishedMs }]);
  };
  const byCategory = new Map<string, FeatureRecord[]>();
  for (const record of records) {
    for (const [term, count] of record.terms) add(term, record.documentId, postingWeight(count), record.publishedMs);
    for (const tag of record.tags) add(tagTerm(tag), record.documentId, 1, record.publishedMs);
    if (record.category) {
      const list = byCategory.get(record.category) ?? [];
      list.push(record);
      byCategory.set(record.category, list);
    }
  }
  for (const list of byCategory.values()) list.sort((a, b) => b.publishedMs - a.publishedMs);
  return {
    async documentFrequencies(terms) {
      const df = new Map<string, number>();
      for (const term of terms) {
        const value = documentFrequency.get(term);
        if (value) df.set(term, value);
      }
      return { df, documentCount };
    },
    async candidates(probe, self, fromMs, toMs, limit) {
      const postings: Posting[] = [];
      for (const term of probe.keys()) {
        for (const posting of postingsByTerm.get(term) ?? []) {
          if (posting.publishedMs >= fromMs && posting.publishedMs <= toMs)
            postings.push({ documentId: posting.documentId, term, weight: posting.weight });
        }
      }
      return topCandidates(probe, postings, self, limit);
    },
    async latestInCategory(category, fromMs, toMs, limit) {
      const out: string[] = [];
      for (const record of byCategory.get(category) ?? []) {
        if (out.length >= limit || record.publishedMs < fromMs) break;
        if (record.publishedMs <= toMs) out.push(record.documentId);
      }
      return out;
    },
    async features(documentIds) {
      return documentIds.map((id) => byId.get(id)).filter((record): record is FeatureRecord => Boolean(record));
    },
  };
}
