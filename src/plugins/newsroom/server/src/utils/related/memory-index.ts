/**
 * The "Berita Terkait" index of one locale in typed arrays, for a full rebuild. It computes exactly the
 * list that computeRelatedList computes from the SQL tables (same candidates, same arithmetic in the
 * same order, so the same scores to the last bit; a unit test holds the two together), but allocates
 * nothing per posting or per candidate: at 100,000 articles the generic path spent a quarter of its
 * time collecting garbage. No Strapi import.
 */
import { byRank, idfFrom, scoreWithSimilarity } from './scoring';
import {
  assembleList,
  postingWeight,
  relatedQuery,
  tagTerm,
  type ComputeOptions,
  type FeatureRecord,
  type ListItem,
} from './inverted-index';
import { topBy } from './candidates';

export type MemoryIndex = {
  /** The related list of `source`, one of the indexed records. */
  listOf(source: FeatureRecord, options: ComputeOptions): ListItem[];
};

/** Compressed rows: the entries of row `r` are `values[start[r]]` up to `values[start[r + 1]]`. */
function compressedRows(rowCount: number, entries: (visit: (row: number) => void) => void) {
  const start = new Int32Array(rowCount + 1);
  entries((row) => (start[row + 1] += 1));
  for (let row = 0; row < rowCount; row += 1) start[row + 1] += start[row];
  return start;
}

export function memoryIndex(
  records: FeatureRecord[],
  documentFrequency: Map<string, number>,
  documentCount: number
): MemoryIndex {
  const count = records.length;
  // The stored norm stands for each candidate's whole vector (see computeRelatedList): a full rebuild has them all.
  const withoutNorm = records.find((record) => typeof record.norm !== 'number');
  if (withoutNorm) throw new Error(`memoryIndex: ${withoutNorm.documentId} has no norm; compute every norm first`);
  const norms = Float64Array.from(records, (record) => record.norm as number);
  const positionOf = new Map<string, number>();
  records.forEach((record, position) => positionOf.set(record.documentId, position));

  // Terms and tags share one numbering, as they share the postings table.
  const termIds = new Map<string, number>();
  const termId = (term: string) => {
    let id = termIds.get(term);
    if (id === undefined) {
      id = termIds.size;
      termIds.set(term, id);
    }
    return id;
  };
  const documentTermStart = compressedRows(count, (visit) =>
    records.forEach((record, position) => record.terms.forEach(() => visit(position)))
  );
  const documentTerms = new Int32Array(documentTermStart[count]);
  const documentTermWeights = new Float64Array(documentTermStart[count]);
  const documentTags = records.map((record) => Int32Array.from(record.tags, (tag) => termId(tagTerm(tag))));
  records.forEach((record, position) => {
    record.terms.forEach(([term, termCount], offset) => {
      documentTerms[documentTermStart[position] + offset] = termId(term);
      documentTermWeights[documentTermStart[position] + offset] = postingWeight(termCount);
    });
  });
  const vocabulary = termIds.size;
  const idfOfTerm = idfFrom(documentFrequency, Math.max(documentCount, 1));
  const idfById = new Float64Array(vocabulary);
  for (const [term, id] of termIds) idfById[id] = idfOfTerm(term);

  // Postings by term, in record order: the order in which memoryReader (and so the rebuild) sums them.
  const postingStart = compressedRows(vocabulary, (visit) => {
    for (let position = 0; position < count; position += 1) {
      for (let at = documentTermStart[position]; at < documentTermStart[position + 1]; at += 1)
        visit(documentTerms[at]);
      for (const tag of documentTags[position]) visit(tag);
    }
  });
  const postingDocument = new Int32Array(postingStart[vocabulary]);
  const postingWeightOf = new Float64Array(postingStart[vocabulary]);
  const filled = postingStart.slice(0, vocabulary);
  for (let position = 0; position < count; position += 1) {
    for (let at = documentTermStart[position]; at < documentTermStart[position + 1]; at += 1) {
      const slot = filled[documentTerms[at]]++;
      postingDocument[slot] = position;
      postingWeightOf[slot] = documentTermWeights[at];
    }
    for (const tag of documentTags[position]) {
      const slot = filled[tag]++;
      postingDocument[slot] = position;
      postingWeightOf[slot] = 1;
    }
  }

  const publishedMs = Float64Array.from(records, (record) => record.publishedMs);
  const byCategory = new Map<string, number[]>();
  records.forEach((record, position) => {
    if (!record.category) return;
    const list = byCategory.get(record.category) ?? [];
    list.push(position);
    byCategory.set(record.category, list);
  });
  for (const list of byCategory.values()) list.sort((a, b) => publishedMs[b] - publishedMs[a]);
  const scoredFields = records.map((record) => ({
    categoryId: record.category,
    categoryParentId: record.categoryParent,
    tags: record.tags,
    publishedAt: record.publishedMs,
  }));

  // Scratch space reused by every list; a stamp marks what belongs to the current one.
  const partialScore = new Float64Array(count);
  const touched = new Int32Array(count);
  const touchStamp = new Uint32Array(count);
  const wantedStamp = new Uint32Array(count);
  const sourceWeightById = new Float64Array(vocabulary);
  const candidateWeightById = new Float64Array(vocabulary);
  let stamp = 0;

  return {
    listOf(source, options) {
      const self = positionOf.get(source.documentId);
      if (self === undefined) throw new Error(`memoryIndex.listOf: ${source.documentId} is not in the index`);
      stamp += 1;
      const { weights, sourceVector, probe, fromMs, toMs, textCandidates, categoryCandidates, admits } = relatedQuery(
        source,
        documentFrequency,
        documentCount,
        options
      );

      let touchedCount = 0;
      for (const [term, weight] of probe) {
        const id = termIds.get(term);
        if (id === undefined || !weight) continue;
        for (let at = postingStart[id]; at < postingStart[id + 1]; at += 1) {
          const position = postingDocument[at];
          if (position === self || publishedMs[position] < fromMs || publishedMs[position] > toMs) continue;
          if (touchStamp[position] !== stamp) {
            touchStamp[position] = stamp;
            partialScore[position] = 0;
            touched[touchedCount++] = position;
          }
          partialScore[position] += weight * postingWeightOf[at];
        }
      }
      const byText = topBy(
        touched.subarray(0, touchedCount),
        textCandidates,
        (a, b) =>
          partialScore[a] < partialScore[b] ||
          (partialScore[a] === partialScore[b] && records[a].documentId > records[b].documentId)
      );
      const byCategoryList: number[] = [];
      for (const position of (source.category && byCategory.get(source.category)) || []) {
        if (byCategoryList.length >= categoryCandidates || publishedMs[position] < fromMs) break;
        if (publishedMs[position] <= toMs) byCategoryList.push(position);
      }

      const excluded = new Set([source.documentId, ...source.excluded]);
      const pinned = new Set(source.pinned);
      const live: number[] = [];
      const consider = (position: number | undefined) => {
        if (position === undefined || wantedStamp[position] === stamp) return;
        wantedStamp[position] = stamp;
        const record = records[position];
        if (excluded.has(record.documentId)) return;
        if (admits(publishedMs[position], pinned.has(record.documentId))) live.push(position);
      };
      for (const documentId of source.pinned) consider(positionOf.get(documentId));
      for (const position of byText) consider(position);
      for (const position of byCategoryList) consider(position);

      // The cosine sums the shared terms in the source vector's order, as cosine() does.
      const sourceTerms: number[] = [];
      for (const [term, weight] of sourceVector.weights) {
        const id = termIds.get(term);
        if (id === undefined) continue;
        sourceTerms.push(id);
        sourceWeightById[id] = weight;
      }
      const sourceFields = scoredFields[self];
      const ranked: { position: number; score: number }[] = [];
      for (const position of live) {
        if (pinned.has(records[position].documentId)) continue;
        for (let at = documentTermStart[position]; at < documentTermStart[position + 1]; at += 1) {
          candidateWeightById[documentTerms[at]] = documentTermWeights[at];
        }
        let dot = 0;
        for (const id of sourceTerms) {
          if (candidateWeightById[id]) dot += candidateWeightById[id] * idfById[id] * sourceWeightById[id];
        }
        for (let at = documentTermStart[position]; at < documentTermStart[position + 1]; at += 1)
          candidateWeightById[documentTerms[at]] = 0;
        const similarity =
          sourceVector.norm === 0 || norms[position] === 0 ? 0 : dot / (sourceVector.norm * norms[position]);
        const score = scoreWithSimilarity(sourceFields, scoredFields[position], similarity, weights);
        if (score > 0) ranked.push({ position, score });
      }
      for (const id of sourceTerms) sourceWeightById[id] = 0;
      ranked.sort((a, b) => byRank(a.score, publishedMs[a.position], b.score, publishedMs[b.position]));
      const liveIds = new Set(live.map((position) => records[position].documentId));
      return assembleList(
        source.documentId,
        source.pinned,
        source.excluded,
        ranked
          .slice(0, options.max)
          .map((entry) => ({ documentId: records[entry.position].documentId, score: entry.score })),
        liveIds,
        options.max
      );
    },
  };
}
