import { memoryReader } from '../memory-reader';
import { probeTerms, probeWeights, topCandidates, topScored, type Posting } from '../candidates';
import { relatedChoicesProblem } from '../choices';
import {
  assembleList,
  computeRelatedList,
  storedTerms,
  tagTerm,
  vectorFromStored,
  type FeatureRecord,
} from '../inverted-index';
import { idfFrom, termsOf } from '../scoring';

describe('storedTerms', () => {
  test.each([
    [
      [
        ['banjir', 6],
        ['jakarta', 4],
        ['air', 1],
      ],
      2,
      [
        ['banjir', 6],
        ['jakarta', 4],
      ],
    ],
    // Ties in alphabetical order, so every instance stores the same terms.
    [
      [
        ['zebra', 2],
        ['apel', 2],
        ['mangga', 2],
      ],
      2,
      [
        ['apel', 2],
        ['mangga', 2],
      ],
    ],
    // Over-long "words" (URLs, hashes) are not stored.
    [
      [
        ['x'.repeat(61), 9],
        ['rudal', 1],
      ],
      5,
      [['rudal', 1]],
    ],
  ] as [Array<[string, number]>, number, Array<[string, number]>][])(
    '%j keeping %i gives %j',
    (terms, max, expected) => {
      expect(storedTerms(new Map(terms), max)).toEqual(expected);
    }
  );
});

describe('probeTerms', () => {
  const df = new Map([
    ['rudal', 3],
    ['korea', 40],
    ['pemerintah', 9000],
    ['unik', 1],
  ]);
  test.each([
    // The rarest shared terms first; a term no other article has is no use; a very common one is skipped.
    [10_000, { maxTerms: 5, maxPostingsPerTerm: 200 }, ['rudal', 'korea']],
    [10_000, { maxTerms: 1, maxPostingsPerTerm: 200 }, ['rudal']],
    // In a very large archive the cap grows with it (0.5% of the articles by default).
    [2_000_000, { maxTerms: 5, maxPostingsPerTerm: 200 }, ['rudal', 'korea', 'pemerintah']],
  ])('N=%i %j gives %j', (count, options, expected) => {
    const terms = [
      ['pemerintah', 5],
      ['korea', 4],
      ['rudal', 3],
      ['unik', 2],
    ] as [string, number][];
    expect(probeTerms(terms, df, count, options)).toEqual(expected);
  });
});

describe('topScored', () => {
  const scores = new Map([
    ['a', 1],
    ['b', 5],
    ['c', 3],
    ['d', 5],
    ['e', 0.5],
    ['f', 4],
  ]);
  test.each([
    [1, ['b']],
    [3, ['b', 'd', 'f']],
    [10, ['b', 'd', 'f', 'c', 'a', 'e']],
    [0, []],
  ])('the best %i', (max, expected) => {
    expect(topScored(scores, max)).toEqual(expected);
  });
  test('agrees with a full sort on a large random input', () => {
    let seed = 7;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const many = new Map(
      Array.from({ length: 5000 }, (_, i) => [`k${i}`, Math.round(random() * 1000)] as [string, number])
    );
    const sorted = [...many]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, 300)
      .map(([key]) => key);
    expect(topScored(many, 300)).toEqual(sorted);
  });
});

describe('probeWeights and topCandidates', () => {
  test('rank by shared weighted terms and tags, never the source itself', () => {
    const df = new Map([
      ['rudal', 2],
      ['korea', 3],
    ]);
    const vector = vectorFromStored(
      [
        ['rudal', 3],
        ['korea', 2],
      ],
      df,
      100
    );
    const probe = probeWeights(vector, ['rudal', 'korea'], ['t1'], idfFrom(df, 100));
    expect(probe.get(tagTerm('t1'))).toBe(Math.max(probe.get('rudal')!, probe.get('korea')!));
    const postings: Posting[] = [
      { documentId: 'self', term: 'rudal', weight: 2 },
      { documentId: 'a', term: 'rudal', weight: 2 },
      { documentId: 'a', term: 'korea', weight: 1 },
      { documentId: 'b', term: 'korea', weight: 1 },
      { documentId: 'c', term: tagTerm('t1'), weight: 1 },
      { documentId: 'd', term: 'unrelated', weight: 5 },
    ];
    expect(topCandidates(probe, postings, 'self', 10)).toEqual(['a', 'c', 'b']);
    expect(topCandidates(probe, postings, 'self', 1)).toEqual(['a']);
  });
});

describe('assembleList', () => {
  const ranked = [
    { documentId: 'a', score: 3.14159 },
    { documentId: 'b', score: 2 },
    { documentId: 'c', score: 1 },
  ];
  test.each([
    ['no choices', [], [], 5, ['a', 'b', 'c']],
    ['pins first in their order', ['c', 'p'], [], 5, ['c', 'p', 'a', 'b']],
    ['exclusions removed', [], ['a'], 5, ['b', 'c']],
    ['pins count towards the limit', ['p', 'q'], [], 3, ['p', 'q', 'a']],
    ['an unpublished pin is skipped', ['gone', 'p'], [], 5, ['p', 'a', 'b', 'c']],
    ['the article itself is never listed', ['self'], [], 5, ['a', 'b', 'c']],
  ])('%s', (_name, pinned, excluded, max, expected) => {
    const available = new Set(['a', 'b', 'c', 'p', 'q', 'self']);
    expect(assembleList('self', pinned, excluded, ranked, available, max).map((item) => item.documentId)).toEqual(
      expected
    );
  });
  test('scores are rounded and pins are marked', () => {
    expect(assembleList('self', ['p'], [], ranked, new Set(['a', 'p']), 2)).toEqual([
      { documentId: 'p', score: 0, pinned: true },
      { documentId: 'a', score: 3.142 },
    ]);
  });
});

describe('relatedChoicesProblem', () => {
  test.each([
    [[], [], null],
    [['a', 'b'], ['c'], null],
    [['self'], [], /dirinya sendiri/],
    [[], ['self'], /dirinya sendiri/],
    [['a'], ['a'], /sekaligus dikecualikan/],
    [Array.from({ length: 21 }, (_, i) => `p${i}`), [], /Paling banyak 20/],
  ])('pinned %j excluded %j', (pinned, excluded, expected) => {
    const problem = relatedChoicesProblem('self', pinned as string[], excluded as string[]);
    if (expected === null) expect(problem).toBeNull();
    else expect(problem?.message).toMatch(expected);
  });
});

describe('computeRelatedList over an in-memory index', () => {
  const DAY = 86_400_000;
  const now = Date.UTC(2025, 0, 31);
  const feature = (documentId: string, title: string, extra: Partial<FeatureRecord> = {}): FeatureRecord => ({
    documentId,
    publishedMs: now - DAY,
    category: 'internasional',
    categoryParent: 'news',
    tags: [],
    terms: storedTerms(termsOf({ title }, 'id')),
    pinned: [],
    excluded: [],
    ...extra,
  });
  const corpus = [
    feature('src', 'Korea Utara kirim amunisi artileri ke Rusia'),
    feature('k1', 'Amunisi artileri Korea Utara tiba di Rusia'),
    feature('k2', 'Korea Utara bantah kirim amunisi ke Rusia'),
    feature('future', 'Korea Utara amunisi Rusia artileri', { publishedMs: now + DAY }),
    feature('ancient', 'Korea Utara amunisi Rusia artileri', { publishedMs: now - 800 * DAY }),
    feature('bola', 'Timnas Indonesia kalahkan Vietnam', { category: 'bola', categoryParent: null }),
  ];
  const df = new Map<string, number>();
  for (const doc of corpus) for (const [term] of doc.terms) df.set(term, (df.get(term) ?? 0) + 1);
  const reader = memoryReader(corpus, df, corpus.length);

  test('same story first; nothing from the future or beyond the age limit; never itself', async () => {
    const list = await computeRelatedList(corpus[0], reader, { now, max: 5 });
    const ids = list.map((item) => item.documentId);
    expect(ids.slice(0, 2).sort()).toEqual(['k1', 'k2']);
    expect(ids).not.toContain('src');
    expect(ids).not.toContain('future');
    expect(ids).not.toContain('ancient');
  });

  test('stored norms give the same list as vectors computed from every frequency', async () => {
    const exact = await computeRelatedList(corpus[0], reader, { now, max: 5 });
    const withNorms = corpus.map((doc) => ({ ...doc, norm: vectorFromStored(doc.terms, df, corpus.length).norm }));
    expect(await computeRelatedList(withNorms[0], memoryReader(withNorms, df, corpus.length), { now, max: 5 })).toEqual(
      exact
    );
  });

  test('pins first, exclusions out', async () => {
    const list = await computeRelatedList({ ...corpus[0], pinned: ['bola'], excluded: ['k1'] }, reader, {
      now,
      max: 5,
    });
    expect(list.map((item) => item.documentId)).toEqual(['bola', 'k2']);
  });
});
