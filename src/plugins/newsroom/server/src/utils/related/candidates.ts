/**
 * Which few hundred articles of an archive are worth scoring against one article: the terms and tags
 * probed in the inverted index, their weights, and the best-first selection of what the probe finds.
 */
import type { Vector } from './scoring';
import { tagTerm, type StoredTerm } from './inverted-index';

export type ProbeOptions = { maxTerms?: number; maxPostingsPerTerm?: number; maxShare?: number };

/** The most articles a probed term (or tag) may have: a floor, growing with the archive (0.5% by default). */
export function probeLimit(
  documentCount: number,
  { maxPostingsPerTerm = 200, maxShare = 0.005 }: ProbeOptions = {}
): number {
  return Math.max(maxPostingsPerTerm, Math.ceil(documentCount * maxShare));
}

/**
 * Which of the source's terms are worth a trip to the inverted index: the rarest first (they say most
 * about the story), skipping terms so common that they would pull in a large share of the archive.
 */
export function probeTerms(
  terms: StoredTerm[],
  documentFrequency: Map<string, number>,
  documentCount: number,
  options: ProbeOptions = {}
): string[] {
  const limit = probeLimit(documentCount, options);
  return terms
    .map(([term]) => [term, documentFrequency.get(term) ?? 0] as const)
    .filter(([, df]) => df > 1 && df <= limit)
    .sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, options.maxTerms ?? 16)
    .map(([term]) => term);
}

/**
 * What each probed term is worth when ranking candidates: the source's weight of the term times its
 * idf (a candidate's posting weight completes the product), and a shared tag as much as the best word.
 */
export function probeWeights(
  sourceVector: Vector,
  terms: string[],
  tags: string[],
  idf: (term: string) => number
): Map<string, number> {
  const weights = new Map<string, number>();
  for (const term of terms) {
    const weight = sourceVector.weights.get(term);
    if (weight) weights.set(term, weight * idf(term));
  }
  const best = Math.max(1, ...weights.values());
  for (const tag of tags) weights.set(tagTerm(tag), best);
  return weights;
}

export type Posting = { documentId: string; term: string; weight: number };

/** The `max` best of many scored entries, best first (ties by key), without sorting them all. */
export function topScored(scores: Map<string, number>, max: number): string[] {
  return topBy(scores, max, (a, b) => a[1] < b[1] || (a[1] === b[1] && a[0] > b[0])).map(([key]) => key);
}

/** The `max` best items, best first, by a strict total order (`worse`), with a heap of `max`. */
export function topBy<V>(items: Iterable<V>, max: number, worse: (a: V, b: V) => boolean): V[] {
  const heap: V[] = [];
  const swap = (i: number, j: number) => ([heap[i], heap[j]] = [heap[j], heap[i]]);
  for (const item of items) {
    if (heap.length < max) {
      heap.push(item);
      for (let i = heap.length - 1; i > 0 && worse(heap[i], heap[(i - 1) >> 1]); i = (i - 1) >> 1)
        swap(i, (i - 1) >> 1);
    } else if (max > 0 && worse(heap[0], item)) {
      heap[0] = item;
      for (let i = 0; ;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < heap.length && worse(heap[l], heap[m])) m = l;
        if (r < heap.length && worse(heap[r], heap[m])) m = r;
        if (m === i) break;
        swap(i, m);
        i = m;
      }
    }
  }
  return heap.sort((a, b) => (worse(a, b) ? 1 : -1));
}

/**
 * Candidates by their partial score (probe weight times posting weight, summed over shared terms and
 * tags), best first, never the source itself. The same sum the SQL index computes with GROUP BY.
 */
export function topCandidates(probe: Map<string, number>, postings: Posting[], self: string, max: number): string[] {
  const partial = new Map<string, number>();
  for (const posting of postings) {
    if (posting.documentId === self) continue;
    const weight = probe.get(posting.term);
    if (weight) partial.set(posting.documentId, (partial.get(posting.documentId) ?? 0) + weight * posting.weight);
  }
  return topScored(partial, max);
}
