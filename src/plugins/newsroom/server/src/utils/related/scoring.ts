/**
 * "Berita Terkait" relevance: shared tags, category closeness in the tree, text similarity (TF-IDF
 * cosine over title, lead and body, stopwords removed), closeness in time to the article's own
 * publication (a running story clusters in days) and a fade for very old news. Pure: no Strapi import.
 */
import { countTerms, type TermCounts } from './text';

export type RelatedWeights = {
  /** per unit of tag overlap (shared tags / sqrt(|A|·|B|)) */
  tags: number;
  sameCategory: number;
  /** parent, child or sibling category */
  nearCategory: number;
  /** per unit of cosine similarity */
  text: number;
  /** multiplied by 2^(-days apart / storyHalfLifeDays) */
  time: number;
  storyHalfLifeDays: number;
  /** the whole score fades by 2^(-age in days / ageHalfLifeDays), age relative to the source article */
  ageHalfLifeDays: number;
  maxAgeDays: number;
};

/**
 * Defaults chosen on data/eval (npm run eval:related): text carries most of the signal because tags are
 * applied unevenly by busy desks; tags, category and time break ties between stories that share words.
 * The surface is flat around these values (P@5 0.91-0.93 on either half of the clusters).
 */
export const DEFAULT_RELATED_WEIGHTS: RelatedWeights = {
  tags: 1,
  sameCategory: 1,
  nearCategory: 0.4,
  text: 10,
  time: 0.75,
  storyHalfLifeDays: 14,
  ageHalfLifeDays: 180,
  maxAgeDays: 365,
};

export type RelatedDoc = {
  key: string;
  categoryId: string | number | null;
  /** parent category id (null for a root) */
  categoryParentId: string | number | null;
  tags: (string | number)[];
  terms: TermCounts;
  publishedAt: number;
};

export function termsOf(
  doc: { title?: string | null; lead?: string | null; body?: string | null },
  locale: string | null | undefined,
  normalize?: (token: string) => string
): TermCounts {
  // A title says what a story is about more than any body paragraph does.
  return countTerms(
    [
      [doc.title ?? '', 3],
      [doc.lead ?? '', 2],
      [doc.body ?? '', 1],
    ],
    locale,
    normalize
  );
}

/** Inverse document frequency from document frequencies: log(1 + N / df). */
export function idfFrom(documentFrequency: Map<string, number>, documentCount: number): (term: string) => number {
  return (term) => Math.log(1 + documentCount / (documentFrequency.get(term) ?? 1));
}

export type Vector = { weights: Map<string, number>; norm: number };

export function vectorOf(terms: TermCounts, idf: (term: string) => number, maxTerms = 60): Vector {
  const scored = [...terms].map(([term, count]) => [term, (1 + Math.log(count)) * idf(term)] as const);
  // The strongest terms describe the story; the tail is noise and storage.
  scored.sort((a, b) => b[1] - a[1]);
  const weights = new Map(scored.slice(0, maxTerms));
  let sum = 0;
  for (const value of weights.values()) sum += value * value;
  return { weights, norm: Math.sqrt(sum) };
}

export function cosine(a: Vector, b: Vector): number {
  if (a.norm === 0 || b.norm === 0) return 0;
  const [small, large] = a.weights.size < b.weights.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [term, value] of small.weights) {
    const other = large.weights.get(term);
    if (other) dot += value * other;
  }
  return dot / (a.norm * b.norm);
}

export function tagOverlap(a: (string | number)[], b: (string | number)[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  // Articles carry a handful of tags: a scan allocates nothing, which a full rebuild of 100,000 lists feels.
  let shared = 0;
  for (const tag of b) {
    const key = String(tag);
    for (const other of a) {
      if (String(other) === key) {
        shared += 1;
        break;
      }
    }
  }
  return shared / Math.sqrt(a.length * b.length);
}

export function categoryCloseness(
  source: Pick<RelatedDoc, 'categoryId' | 'categoryParentId'>,
  candidate: Pick<RelatedDoc, 'categoryId' | 'categoryParentId'>,
  weights: RelatedWeights
): number {
  if (source.categoryId === null || candidate.categoryId === null) return 0;
  if (source.categoryId === candidate.categoryId) return weights.sameCategory;
  const near =
    source.categoryParentId === candidate.categoryId ||
    candidate.categoryParentId === source.categoryId ||
    (source.categoryParentId !== null && source.categoryParentId === candidate.categoryParentId);
  return near ? weights.nearCategory : 0;
}

const DAY = 86_400_000;

export function score(
  source: RelatedDoc & { vector: Vector },
  candidate: RelatedDoc & { vector: Vector },
  weights: RelatedWeights = DEFAULT_RELATED_WEIGHTS
): number {
  return scoreWithSimilarity(source, candidate, cosine(source.vector, candidate.vector), weights);
}

type ScoredFields = Pick<RelatedDoc, 'categoryId' | 'categoryParentId' | 'tags' | 'publishedAt'>;

/** The score, given the text similarity of the two articles (however it was computed). */
export function scoreWithSimilarity(
  source: ScoredFields,
  candidate: ScoredFields,
  textSimilarity: number,
  weights: RelatedWeights = DEFAULT_RELATED_WEIGHTS
): number {
  const daysApart = Math.abs(source.publishedAt - candidate.publishedAt) / DAY;
  if (daysApart > weights.maxAgeDays) return 0;
  const relevance =
    weights.tags * tagOverlap(source.tags, candidate.tags) +
    categoryCloseness(source, candidate, weights) +
    weights.text * textSimilarity;
  if (relevance <= 0) return 0;
  const storyTime = weights.time * 2 ** (-daysApart / weights.storyHalfLifeDays);
  const olderBy = Math.max(0, (source.publishedAt - candidate.publishedAt) / DAY);
  return (relevance + storyTime) * 2 ** (-olderBy / weights.ageHalfLifeDays);
}

/** Ranking order: higher score first, then the newer article (a stable sort keeps the rest in order). */
export function byRank(scoreA: number, publishedA: number, scoreB: number, publishedB: number): number {
  return scoreB - scoreA || publishedB - publishedA;
}

/** The best `limit` candidates, best first; ties go to the newer article. */
export function rankRelated<T extends RelatedDoc & { vector: Vector }>(
  source: T,
  candidates: T[],
  limit: number,
  weights: RelatedWeights = DEFAULT_RELATED_WEIGHTS
): { doc: T; score: number }[] {
  return candidates
    .filter((candidate) => candidate.key !== source.key)
    .map((doc) => ({ doc, score: score(source, doc, weights) }))
    .filter((entry) => entry.score > 0)
    .sort((a, b) => byRank(a.score, a.doc.publishedAt, b.score, b.doc.publishedAt))
    .slice(0, limit);
}
