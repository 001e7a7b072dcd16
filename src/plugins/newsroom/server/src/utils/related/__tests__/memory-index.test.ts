import { memoryReader } from '../memory-reader';
import { computeRelatedList, tagTerm, vectorFromStored, type FeatureRecord, type StoredTerm } from '../inverted-index';
import { memoryIndex } from '../memory-index';
import { DEFAULT_RELATED_WEIGHTS } from '../scoring';

const DAY = 86_400_000;
const now = Date.UTC(2026, 10, 26);

/** A deterministic archive: story clusters sharing words, categories with parents, tags, edge cases. */
function archive(size: number, seed = 11): FeatureRecord[] {
  let state = seed;
  const random = () => (state = (state * 16807) % 2147483647) / 2147483647;
  const pick = <V>(values: V[]) => values[Math.floor(random() * values.length)];
  const common = Array.from({ length: 60 }, (_, i) => `umum${i}`);
  const topics = Array.from({ length: 12 }, (_, topic) => ({
    words: Array.from({ length: 15 }, (_, i) => `kata${topic}x${i}`),
    category: `c${topic % 5}`,
    tags: [`t${topic}`, `t${(topic + 1) % 12}`],
    dayOffset: Math.floor(random() * 400),
  }));
  const parents: Record<string, string | null> = { c0: null, c1: 'c0', c2: 'c0', c3: null, c4: 'c3' };
  return Array.from({ length: size }, (_, i) => {
    const topic = pick(topics);
    const counts = new Map<string, number>();
    for (let w = 0; w < 25; w += 1) {
      const word = random() < 0.6 ? pick(topic.words) : pick(common);
      counts.set(word, (counts.get(word) ?? 0) + 1 + Math.floor(random() * 3));
    }
    const terms: StoredTerm[] = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 20);
    const category = random() < 0.05 ? null : topic.category;
    return {
      documentId: `doc${String(i).padStart(4, '0')}`,
      // Some in the future, some beyond the age limit, many on the same day (ties in time).
      publishedMs: now - (topic.dayOffset + Math.floor(random() * 30) - 3) * DAY,
      category,
      categoryParent: category ? parents[category] : null,
      tags: topic.tags.filter(() => random() < 0.7),
      // An article whose text is all stopwords has no terms at all.
      terms: i % 97 === 5 ? [] : terms,
      pinned: i % 13 === 0 ? [`doc${String((i * 7) % size).padStart(4, '0')}`, 'gone-from-the-index'] : [],
      excluded: i % 11 === 0 ? [`doc${String((i + 1) % size).padStart(4, '0')}`] : [],
    };
  });
}

/** Document frequencies as the rebuild counts them: one per posting (terms and tags). */
function frequencies(records: FeatureRecord[]) {
  const df = new Map<string, number>();
  for (const record of records)
    for (const term of [...record.terms.map(([term]) => term), ...record.tags.map(tagTerm)])
      df.set(term, (df.get(term) ?? 0) + 1);
  return df;
}

describe('memoryIndex: the full rebuild computes what serving computes', () => {
  const records = archive(700);
  const df = frequencies(records);
  for (const record of records) record.norm = vectorFromStored(record.terms, df, records.length).norm;
  const reader = memoryReader(records, df, records.length);
  const index = memoryIndex(records, df, records.length);

  test.each([
    ['defaults', { now, max: 20 }],
    // Few candidates: which of many equal partial scores make the cut is decided by documentId.
    ['a short candidate list', { now, max: 5, candidates: 7, categoryCandidates: 3 }],
    [
      'other weights',
      { now, max: 10, weights: { ...DEFAULT_RELATED_WEIGHTS, text: 2, tags: 3, maxAgeDays: 60, storyHalfLifeDays: 3 } },
    ],
  ])('every list is identical to computeRelatedList (%s)', async (_name, options) => {
    let nonEmpty = 0;
    for (const record of records) {
      const expected = await computeRelatedList(record, reader, options);
      expect({ documentId: record.documentId, list: index.listOf(record, options) }).toEqual({
        documentId: record.documentId,
        list: expected,
      });
      if (expected.length) nonEmpty += 1;
    }
    // The comparison means something only if lists have content.
    expect(nonEmpty).toBeGreaterThan(records.length * 0.9);
  });

  test('refuses records without a norm instead of scoring them wrongly', () => {
    expect(() => memoryIndex([{ ...records[0], norm: null }], df, 1)).toThrow(/no norm/);
  });
});
