import { tokenize } from '../text';
import {
  categoryCloseness,
  cosine,
  DEFAULT_RELATED_WEIGHTS,
  idfFrom,
  rankRelated,
  tagOverlap,
  termsOf,
  vectorOf,
  type RelatedDoc,
  type Vector,
} from '../scoring';

describe('tokenize', () => {
  test.each([
    ['Korea Utara dan Rusia yang tengah berkonflik', 'id', ['korea', 'utara', 'rusia', 'berkonflik']],
    // Weekdays, reporting verbs (ujar) and numbers carry no topic.
    [
      "Jum'at ini, ujar juru bicara, banjir 1.000 cm di Kampung Melayu",
      'id',
      ['juru', 'bicara', 'banjir', 'kampung', 'melayu'],
    ],
    ['The minister said the floods were the worst', 'en', ['minister', 'floods', 'worst']],
    ['Café Ümit', 'id', ['cafe', 'umit']],
  ])('%p in %s gives %j', (text, locale, tokens) => {
    expect(tokenize(text, locale)).toEqual(tokens);
  });
});

describe('termsOf', () => {
  test.each([
    // Title x3, lead x2, body x1.
    [
      { title: 'Banjir Jakarta', lead: 'Banjir', body: 'Jakarta banjir lagi' },
      undefined,
      [
        ['banjir', 6],
        ['jakarta', 4],
      ],
    ],
    // A normalizer (the evaluation's stemmer) merges the forms it maps together.
    [
      { title: 'Penjualan', body: 'dijual menjual' },
      (token: string) => token.replace(/^(pen|di|men)/, '').replace(/an$/, ''),
      [['jual', 5]],
    ],
  ])('%j gives %j', (doc, normalize, expected) => {
    expect([...termsOf(doc, 'id', normalize)]).toEqual(expected);
  });
});

const DAY = 86_400_000;
type Doc = RelatedDoc & { vector: Vector };
function docs(
  specs: { key: string; text: string; category: string; parent?: string; tags: string[]; day: number }[]
): Doc[] {
  const base = specs.map((spec) => ({
    key: spec.key,
    categoryId: spec.category,
    categoryParentId: spec.parent ?? null,
    tags: spec.tags,
    terms: termsOf({ title: spec.text }, 'id'),
    publishedAt: Date.UTC(2024, 0, 1) + spec.day * DAY,
  }));
  const df = new Map<string, number>();
  for (const doc of base) for (const term of doc.terms.keys()) df.set(term, (df.get(term) ?? 0) + 1);
  const idf = idfFrom(df, base.length);
  return base.map((doc) => ({ ...doc, vector: vectorOf(doc.terms, idf) }));
}

describe('scoring parts', () => {
  test.each([
    [['a', 'b'], ['a', 'b'], 1],
    [['a', 'b'], ['c'], 0],
    [['a'], ['a', 'b', 'c', 'd'], 0.5],
    [[], ['a'], 0],
  ])('tag overlap of %j and %j is %p', (a, b, expected) => {
    expect(tagOverlap(a, b)).toBeCloseTo(expected);
  });

  test('category closeness: same, parent/child and sibling, unrelated', () => {
    const node = (categoryId: string, categoryParentId: string | null) =>
      ({ categoryId, categoryParentId }) as RelatedDoc;
    const w = DEFAULT_RELATED_WEIGHTS;
    expect(categoryCloseness(node('nasional', 'news'), node('nasional', 'news'), w)).toBe(w.sameCategory);
    expect(categoryCloseness(node('nasional', 'news'), node('news', null), w)).toBe(w.nearCategory);
    expect(categoryCloseness(node('nasional', 'news'), node('internasional', 'news'), w)).toBe(w.nearCategory);
    expect(categoryCloseness(node('nasional', 'news'), node('bola', null), w)).toBe(0);
  });

  test('cosine is 1 for the same text and 0 for texts with no word in common', () => {
    const [a, b, c] = docs([
      { key: 'a', text: 'banjir rendam permukiman jakarta timur', category: 'x', tags: [], day: 0 },
      { key: 'b', text: 'banjir rendam permukiman jakarta timur', category: 'x', tags: [], day: 0 },
      { key: 'c', text: 'timnas kalahkan vietnam kualifikasi', category: 'x', tags: [], day: 0 },
    ]);
    expect(cosine(a.vector, b.vector)).toBeCloseTo(1);
    expect(cosine(a.vector, c.vector)).toBe(0);
  });
});

describe('rankRelated', () => {
  const corpus = docs([
    {
      key: 'flood-1',
      text: 'Banjir rendam permukiman Kampung Melayu Jakarta Timur',
      category: 'megapolitan',
      parent: 'news',
      tags: ['banjir-jakarta'],
      day: 10,
    },
    {
      key: 'flood-2',
      text: 'Pengungsi banjir Kampung Melayu butuh air bersih',
      category: 'megapolitan',
      parent: 'news',
      tags: [],
      day: 11,
    },
    {
      key: 'flood-3',
      text: 'Banjir Jakarta Timur surut, warga bersihkan lumpur',
      category: 'megapolitan',
      parent: 'news',
      tags: ['banjir-jakarta'],
      day: 13,
    },
    {
      key: 'mrt',
      text: 'Tarif MRT Jakarta naik mulai bulan depan',
      category: 'megapolitan',
      parent: 'news',
      tags: ['jakarta'],
      day: 12,
    },
    {
      key: 'old-flood',
      text: 'Banjir rendam permukiman Kampung Melayu Jakarta Timur',
      category: 'megapolitan',
      parent: 'news',
      tags: ['banjir-jakarta'],
      day: -400,
    },
    { key: 'football', text: 'Timnas Indonesia kalahkan Vietnam di Jakarta', category: 'bola', tags: [], day: 12 },
  ]);
  const source = corpus[0];

  test('puts the same running story first, even the article that lacks the tag', () => {
    const keys = rankRelated(source, corpus, 3).map((entry) => entry.doc.key);
    expect(keys.slice(0, 2).sort()).toEqual(['flood-2', 'flood-3']);
  });

  test('never returns the article itself, nor anything older than the age limit', () => {
    const keys = rankRelated(source, corpus, 10).map((entry) => entry.doc.key);
    expect(keys).not.toContain('flood-1');
    expect(keys).not.toContain('old-flood');
  });

  test('respects the limit and orders by score', () => {
    const ranked = rankRelated(source, corpus, 2);
    expect(ranked).toHaveLength(2);
    expect(ranked[0].score).toBeGreaterThanOrEqual(ranked[1].score);
  });
});
