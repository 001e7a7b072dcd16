import { countWords, readingTimeLabel, readingTimeMinutes } from '../reading-time';
import { paragraphsToBlocks } from '../blocks';

const words = (n: number) => Array.from({ length: n }, (_, i) => `kata${i}`).join(' ');

describe('readingTimeMinutes', () => {
  test.each([
    [0, 1],
    [1, 1],
    [200, 1],
    [201, 2],
    [600, 3],
    [601, 4],
    [2000, 10],
  ])('%i words take %i minute(s)', (count, minutes) => {
    expect(readingTimeMinutes(paragraphsToBlocks([words(count)]))).toBe(minutes);
  });

  test('reads nested blocks: lists, quotes and links', () => {
    const body = [
      { type: 'heading', level: 2, children: [{ type: 'text', text: words(100) }] },
      {
        type: 'list',
        format: 'unordered',
        children: [{ type: 'list-item', children: [{ type: 'text', text: words(150) }] }],
      },
      {
        type: 'paragraph',
        children: [{ type: 'link', url: 'https://x', children: [{ type: 'text', text: words(100) }] }],
      },
    ];
    expect(readingTimeMinutes(body)).toBe(2);
  });

  test('treats a missing body as one minute', () => {
    expect(readingTimeMinutes(null)).toBe(1);
  });
});

describe('countWords', () => {
  test.each([
    ['Korea Utara kirim 1.000 kontainer', 5],
    ["Jum'at berkah, anak-anak bermain", 4],
    ['  ', 0],
    ['“tak tergoyahkan”', 2],
  ])('counts %p as %i words', (text, count) => {
    expect(countWords(text)).toBe(count);
  });
});

describe('readingTimeLabel', () => {
  test.each([
    [3, 'id', '3 menit baca'],
    [3, 'en', '3 min read'],
    [1, 'id', '1 menit baca'],
  ])('labels %i minutes in %s as %p', (minutes, locale, expected) => {
    expect(readingTimeLabel(minutes, locale)).toBe(expected);
  });
});
