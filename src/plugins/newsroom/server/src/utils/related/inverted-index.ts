/**
 * The "Berita Terkait" index in pure functions: which terms of an article are stored, how document
 * frequencies become weights, and how the inverted index picks the few hundred candidates worth
 * scoring out of an archive of 100,000. No Strapi import: the service does the reading and writing.
 */
import { DEFAULT_RELATED_WEIGHTS, idfFrom, rankRelated, vectorOf, type RelatedWeights, type Vector } from './scoring';
import type { TermCounts } from './text';
import { probeLimit, probeTerms, probeWeights } from './candidates';

/** Terms kept per article: enough to describe a story (the eval set scores the same with 40 as with all). */
export const STORED_TERMS = 40;
/** Longest term the index stores (the column is 64 characters; longer "words" are URLs or noise). */
export const MAX_TERM_LENGTH = 60;
/** The row of the terms table that counts the indexed articles of a locale. */
export const DOCUMENT_COUNT_TERM = '';
const TAG_PREFIX = '#';

export type StoredTerm = [term: string, count: number];

/** The article's strongest terms by weighted count (title x3, lead x2, body), ties in alphabetical order. */
export function storedTerms(terms: TermCounts, max = STORED_TERMS): StoredTerm[] {
  return [...terms]
    .filter(([term]) => term.length <= MAX_TERM_LENGTH)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .slice(0, max);
}

export function tagTerm(tagId: string): string {
  return `${TAG_PREFIX}${tagId}`;
}

/** Posting weight of a term in an article: sub-linear in its count, as in the vectors. */
export function postingWeight(count: number): number {
  return 1 + Math.log(count);
}

export function vectorFromStored(
  terms: StoredTerm[],
  documentFrequency: Map<string, number>,
  documentCount: number
): Vector {
  return vectorOf(new Map(terms), idfFrom(documentFrequency, Math.max(documentCount, 1)), terms.length);
}

export type ListItem = { documentId: string; score: number; pinned?: true };

/**
 * The stored list: the editor's pins first, in their order, then the best scores; never the article
 * itself, never an excluded article, never twice, at most `max`.
 */
export function assembleList(
  self: string,
  pinned: string[],
  excluded: string[],
  ranked: { documentId: string; score: number }[],
  available: Set<string>,
  max: number
): ListItem[] {
  const skip = new Set([self, ...excluded]);
  const items: ListItem[] = [];
  const seen = new Set<string>();
  for (const documentId of pinned) {
    if (skip.has(documentId) || seen.has(documentId) || !available.has(documentId)) continue;
    seen.add(documentId);
    items.push({ documentId, score: 0, pinned: true });
  }
  for (const entry of ranked) {
    if (items.length >= max) break;
    if (skip.has(entry.documentId) || seen.has(entry.documentId)) continue;
    seen.add(entry.documentId);
    items.push({ documentId: entry.documentId, score: Math.round(entry.score * 1000) / 1000 });
  }
  return items.slice(0, max);
}

/** What the index stores of one published article in one locale. */
export type FeatureRecord = {
  documentId: string;
  publishedMs: number;
  category: string | null;
  categoryParent: string | null;
  tags: string[];
  terms: StoredTerm[];
  pinned: string[];
  excluded: string[];
  /** Length of the article's TF-IDF vector, stored so that scoring needs no frequencies but the source's. */
  norm?: number | null;
};

/** Where the index is read from: SQL tables when serving, memory during a full rebuild. */
export interface IndexReader {
  documentFrequencies(terms: string[]): Promise<{ df: Map<string, number>; documentCount: number }>;
  /** The `limit` best documents by partial score (see topCandidates), published between fromMs and toMs. */
  candidates(probe: Map<string, number>, self: string, fromMs: number, toMs: number, limit: number): Promise<string[]>;
  latestInCategory(category: string, fromMs: number, toMs: number, limit: number): Promise<string[]>;
  features(documentIds: string[]): Promise<FeatureRecord[]>;
}

export type ComputeOptions = {
  weights?: RelatedWeights;
  now: number;
  max: number;
  candidates?: number;
  categoryCandidates?: number;
};

const DAY = 86_400_000;

/**
 * Where every list computation starts (the serving path and the rebuild's memory index alike): the
 * source's vector, the probe into the inverted index, the time window and how many candidates to take.
 * `df` must hold at least the frequencies of the source's terms and tags.
 */
export function relatedQuery(
  source: FeatureRecord,
  df: Map<string, number>,
  documentCount: number,
  options: ComputeOptions
) {
  const weights = options.weights ?? DEFAULT_RELATED_WEIGHTS;
  const sourceVector = vectorFromStored(source.terms, df, documentCount);
  const idf = idfFrom(df, Math.max(documentCount, 1));
  // A tag on a large share of the archive finds nothing specific; the category candidates cover it.
  const probeTags = source.tags.filter((tag) => {
    const frequency = df.get(tagTerm(tag)) ?? 0;
    return frequency > 1 && frequency <= probeLimit(documentCount);
  });
  const probe = probeWeights(sourceVector, probeTerms(source.terms, df, documentCount), probeTags, idf);
  const fromMs = source.publishedMs - weights.maxAgeDays * DAY;
  const toMs = options.now;
  return {
    weights,
    sourceVector,
    idf,
    probe,
    fromMs,
    toMs,
    textCandidates: options.candidates ?? 200,
    categoryCandidates: options.categoryCandidates ?? 30,
    /** Pins may be older than the age limit (an editor's choice), but never scheduled in the future. */
    admits: (publishedMs: number, pinned: boolean) => publishedMs <= toMs && (pinned || publishedMs >= fromMs),
  };
}

/**
 * One article's related list: candidates from the inverted index (shared rare terms, shared tags) and
 * the latest of its category, scored in full (text, tags, category, time), after the editor's pins.
 */
export async function computeRelatedList(
  source: FeatureRecord,
  reader: IndexReader,
  options: ComputeOptions
): Promise<ListItem[]> {
  const { df, documentCount } = await reader.documentFrequencies([
    ...source.terms.map(([term]) => term),
    ...source.tags.map(tagTerm),
  ]);
  const { weights, sourceVector, idf, probe, fromMs, toMs, textCandidates, categoryCandidates, admits } = relatedQuery(
    source,
    df,
    documentCount,
    options
  );
  const byText = probe.size ? await reader.candidates(probe, source.documentId, fromMs, toMs, textCandidates) : [];
  const byCategory = source.category
    ? await reader.latestInCategory(source.category, fromMs, toMs, categoryCandidates)
    : [];

  const excluded = new Set([source.documentId, ...source.excluded]);
  const wanted = [...new Set([...source.pinned, ...byText, ...byCategory])].filter((id) => !excluded.has(id));
  const rows = wanted.length ? await reader.features(wanted) : [];
  const pinnedSet = new Set(source.pinned);
  const live = rows.filter((row) => admits(row.publishedMs, pinnedSet.has(row.documentId)));

  // Rows indexed without a stored norm need every term's frequency; the others only the source's.
  const unknown = [
    ...new Set(live.filter((row) => !row.norm).flatMap((row) => row.terms.map(([term]) => term))),
  ].filter((term) => !df.has(term));
  if (unknown.length) {
    const more = await reader.documentFrequencies(unknown);
    for (const [term, value] of more.df) df.set(term, value);
  }
  const vectorOfRow = (row: FeatureRecord): Vector => {
    if (!row.norm) return vectorFromStored(row.terms, df, documentCount);
    // Only the terms shared with the source count in the cosine; the stored norm stands for the rest.
    const counts = new Map(row.terms);
    const weights = new Map<string, number>();
    for (const term of sourceVector.weights.keys()) {
      const count = counts.get(term);
      if (count) weights.set(term, postingWeight(count) * idf(term));
    }
    return { weights, norm: row.norm };
  };
  const toDoc = (row: FeatureRecord) => ({
    key: row.documentId,
    categoryId: row.category,
    categoryParentId: row.categoryParent,
    tags: row.tags,
    terms: new Map<string, number>(),
    publishedAt: row.publishedMs,
    vector: vectorOfRow(row),
  });
  const scorable = live.filter((row) => !excluded.has(row.documentId) && !pinnedSet.has(row.documentId));
  const ranked = rankRelated({ ...toDoc(source), vector: sourceVector }, scorable.map(toDoc), options.max, weights).map(
    (entry) => ({
      documentId: entry.doc.key,
      score: entry.score,
    })
  );
  return assembleList(
    source.documentId,
    source.pinned,
    source.excluded,
    ranked,
    new Set(live.map((row) => row.documentId)),
    options.max
  );
}
