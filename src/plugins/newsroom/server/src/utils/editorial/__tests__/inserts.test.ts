import { resolveAdSlots, adSlotErrors } from '../ads';
import { resolveBody } from '../baca-juga';
import { planInserts, type InsertPlan } from '../inserts';

const SITE = 'https://warta.example';
const p = (text: string) => ({ type: 'paragraph', children: [{ type: 'text', text }] });
const bacaJuga = (url: string) => ({
  type: 'paragraph',
  children: [
    { type: 'text', text: 'Baca Juga: ' },
    { type: 'link', url, children: [{ type: 'text', text: 'judul lama' }] },
  ],
});
const card = (documentId: string) => ({ documentId, url: `${SITE}/read/id/${documentId}`, title: documentId });
const body = (n: number) => Array.from({ length: n }, (_, i) => p(`paragraf ${i + 1}`));
const plan = (over: Partial<InsertPlan<ReturnType<typeof card>>>): InsertPlan<ReturnType<typeof card>> => ({
  body: body(8),
  placed: [],
  whatsapp: null,
  ads: [],
  auto: [],
  autoCount: 2,
  autoAfterParagraphs: [3, 7],
  adLabel: 'Advertisement',
  ...over,
});
const where = (inserts: ReturnType<typeof planInserts>) =>
  inserts.map(
    (insert) => `${insert.type}@${insert.position}${insert.afterParagraph ? `:${insert.afterParagraph}` : ''}`
  );

describe('resolveBody', () => {
  const resolve = (ref: any) =>
    'documentId' in ref && ref.documentId === 'live0000000000000000001' ? card('live0000000000000000001') : null;

  test('a Baca Juga paragraph becomes an insert after the block before it; an unresolved one vanishes', () => {
    const result = resolveBody(
      [
        p('satu'),
        bacaJuga('warta://article/live0000000000000000001'),
        p('dua'),
        bacaJuga('warta://article/draft000000000000000001'),
        p('tiga'),
      ],
      SITE,
      resolve
    );
    expect(result.body).toEqual([p('satu'), p('dua'), p('tiga')]);
    expect(result.placed).toEqual([{ afterBlock: 0, card: card('live0000000000000000001') }]);
    expect([...result.shown]).toEqual(['live0000000000000000001']);
  });

  test('an inline link to an unpublished article keeps its words and loses the link; a live one gets its reader URL', () => {
    const result = resolveBody(
      [
        {
          type: 'paragraph',
          children: [
            { type: 'text', text: 'Seperti ' },
            {
              type: 'link',
              url: 'warta://article/draft000000000000000001',
              children: [{ type: 'text', text: 'diberitakan' }],
            },
            { type: 'text', text: ' dan ' },
            { type: 'link', url: 'warta://article/live0000000000000000001', children: [{ type: 'text', text: 'ini' }] },
          ],
        },
      ],
      SITE,
      resolve
    );
    expect(result.body[0]).toEqual({
      type: 'paragraph',
      children: [
        { type: 'text', text: 'Seperti ' },
        { type: 'text', text: 'diberitakan' },
        { type: 'text', text: ' dan ' },
        { type: 'link', url: `${SITE}/read/id/live0000000000000000001`, children: [{ type: 'text', text: 'ini' }] },
      ],
    });
  });
});

describe('planInserts', () => {
  test.each([
    [
      'automatic Baca Juga after paragraphs 3 and 7',
      plan({ auto: [card('a'), card('b'), card('c')] }),
      ['baca-juga@body:3', 'baca-juga@body:7'],
    ],
    [
      'none automatic when the editor placed one',
      plan({ placed: [{ afterBlock: 1, card: card('e') }], auto: [card('a')] }),
      ['baca-juga@body:2'],
    ],
    [
      'an ad on the WhatsApp paragraph moves to the next free one',
      plan({
        whatsapp: { placement: 'after-paragraph', afterParagraph: 3 },
        ads: resolveAdSlots({
          site: [{ slot: 'after-paragraph-3', adUnit: '/1/a' }],
          categoryChain: [],
          article: null,
          noAds: false,
        }),
        auto: [card('a')],
      }),
      ['whatsapp-follow@body:3', 'ad@body:4', 'baca-juga@body:5'],
    ],
    [
      'a WhatsApp block past the last paragraph goes to the end; an ad there is dropped',
      plan({
        body: body(2),
        whatsapp: { placement: 'after-paragraph', afterParagraph: 5 },
        ads: resolveAdSlots({
          site: [
            { slot: 'after-paragraph-9', adUnit: '/1/a' },
            { slot: 'top', adUnit: '/1/t' },
          ],
          categoryChain: [],
          article: null,
          noAds: false,
        }),
      }),
      ['ad@top', 'whatsapp-follow@end'],
    ],
    [
      'top, before-related and sidebar slots keep their own positions',
      plan({
        ads: resolveAdSlots({
          site: [
            { slot: 'sidebar', adUnit: '/1/s' },
            { slot: 'before-related', adUnit: '/1/r' },
            { slot: 'top', adUnit: '/1/t' },
          ],
          categoryChain: [],
          article: null,
          noAds: false,
        }),
      }),
      ['ad@top', 'ad@before-related', 'ad@sidebar'],
    ],
  ])('%s', (_name, input, expected) => {
    expect(where(planInserts(input))).toEqual(expected);
  });

  test('one insert per paragraph, whatever is asked', () => {
    const inserts = planInserts(
      plan({
        whatsapp: { placement: 'after-paragraph', afterParagraph: 3 },
        ads: resolveAdSlots({
          site: [
            { slot: 'after-paragraph-3', adUnit: '/1/a' },
            { slot: 'after-paragraph-4', adUnit: '/1/b' },
          ],
          categoryChain: [],
          article: null,
          noAds: false,
        }),
        auto: [card('a'), card('b')],
      })
    );
    const blocks = inserts.filter((insert) => insert.position === 'body').map((insert) => insert.afterBlock);
    expect(new Set(blocks).size).toBe(blocks.length);
  });
});

describe('resolveAdSlots', () => {
  test('the article over its category over its parent over the site; null switches a slot off; noAds all', () => {
    const site = [
      { slot: 'top', adUnit: '/1/site-top' },
      { slot: 'sidebar', adUnit: '/1/site-side' },
    ];
    const desk = [{ slot: 'top', adUnit: '/1/desk-top' }];
    const section = [
      { slot: 'sidebar', adUnit: null },
      { slot: 'after-paragraph-2', adUnit: '/1/sec-p2' },
    ];
    expect(
      resolveAdSlots({ site, categoryChain: [section, desk], article: null, noAds: false }).map((s) => [
        s.slot,
        s.adUnit,
      ])
    ).toEqual([
      ['top', '/1/desk-top'],
      ['after-paragraph-2', '/1/sec-p2'],
    ]);
    expect(resolveAdSlots({ site, categoryChain: [desk], article: null, noAds: true })).toEqual([]);
  });
});

describe('adSlotErrors', () => {
  test.each([
    [[{ slot: 'after-paragraph-0', adUnit: '/1/a' }], ['s.0.slot']],
    [[{ slot: 'after-paragraph-500', adUnit: '/1/a' }], ['s.0.slot']],
    [[{ slot: 'header', adUnit: '/1/a' }], ['s.0.slot']],
    [[{ slot: 'top', adUnit: '<script>' }], ['s.0.adUnit']],
    [
      [
        { slot: 'top', adUnit: '/1/a' },
        { slot: 'top', adUnit: '/1/b' },
      ],
      ['s.1.slot'],
    ],
    [
      [
        { slot: 'top', adUnit: null },
        { slot: 'after-paragraph-50', adUnit: '/1/a' },
      ],
      [],
    ],
  ])('%j', (input, paths) => {
    expect(adSlotErrors(input, 's').map((error) => error.path)).toEqual(paths);
  });
});
