import { firstPerId, groupBy, isoValue, jsonValue, nested, uniqueIds } from '../rows';

const blocks = [{ type: 'paragraph', children: [{ type: 'text', text: 'Isi berita.' }] }];

describe('content rows', () => {
  describe('jsonValue', () => {
    test.each([
      ['a JSON string (SQLite, MariaDB)', JSON.stringify(blocks), blocks],
      ['a value the driver parsed (PostgreSQL jsonb)', blocks, blocks],
      ['a value stringified twice by a 5.0 release candidate', JSON.stringify(JSON.stringify(blocks)), blocks],
      ['text that is not JSON', 'bukan json', 'bukan json'],
      ['null', null, null],
    ])('reads %s as Strapi does', (_case, stored, expected) => {
      expect(jsonValue(stored)).toEqual(expected);
    });
  });

  describe('isoValue', () => {
    test.each([
      ['a Date (PostgreSQL)', new Date('2023-10-27T10:33:00.000Z'), '2023-10-27T10:33:00.000Z'],
      ['milliseconds (SQLite)', Date.UTC(2023, 9, 27, 10, 33), '2023-10-27T10:33:00.000Z'],
      ['an ISO string', '2023-10-27T10:33:00.000Z', '2023-10-27T10:33:00.000Z'],
      ['null', null, null],
      ['something that is no date', 'kemarin', null],
    ])('reads %s as Strapi does', (_case, stored, expected) => {
      expect(isoValue(stored)).toBe(expected);
    });
  });

  describe('nested', () => {
    test('rebuilds the joined record from its prefixed columns', () => {
      const row = { id: 10, 'o.id': 3, 'o.mode': 'custom', 'o.channelName': 'Warta', 'o.headline': null };
      expect(nested(row, 'o.', ['id', 'mode', 'channelName', 'headline', 'placement'])).toEqual({
        id: 3,
        mode: 'custom',
        channelName: 'Warta',
        headline: null,
        placement: null,
      });
    });

    test('is null when the join found nothing', () => {
      expect(nested({ id: 10, 'o.id': null, 'o.mode': null }, 'o.', ['id', 'mode'])).toBeNull();
    });
  });

  describe('firstPerId', () => {
    test('keeps the first row of each id, in order', () => {
      const rows = [
        { id: 2, n: 'a' },
        { id: 1, n: 'b' },
        { id: 2, n: 'c' },
      ];
      expect(firstPerId(rows)).toEqual([
        { id: 2, n: 'a' },
        { id: 1, n: 'b' },
      ]);
    });
  });

  describe('groupBy', () => {
    test('groups rows by key in the order read', () => {
      const rows = [
        { article: 1, name: 'Salsabila' },
        { article: 2, name: 'Susi' },
        { article: 1, name: 'Budi' },
      ];
      const groups = groupBy(rows, (row) => row.article);
      expect(groups.get(1)?.map((row) => row.name)).toEqual(['Salsabila', 'Budi']);
      expect(groups.get(2)?.map((row) => row.name)).toEqual(['Susi']);
      expect(groups.get(3)).toBeUndefined();
    });
  });

  describe('uniqueIds', () => {
    test('keeps whole numbers once', () => {
      expect(uniqueIds([3, 1, 3, 1.5, '2', null, undefined, 7])).toEqual([3, 1, 7]);
    });
  });
});
