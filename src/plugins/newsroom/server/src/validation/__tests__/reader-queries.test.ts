import { parseListPage } from '../reader-queries';

describe('parseListPage', () => {
  test.each([
    [undefined, 1],
    ['1', 1],
    ['2', 2],
    ['10000', 10000],
    ['10001', null],
    ['0', null],
    ['-1', null],
    ['01', null],
    ['1.5', null],
    ['abc', null],
    ['', null],
    [['1', '2'], null],
  ])('?page=%p gives %p', (input, expected) => {
    expect(parseListPage(input === undefined ? {} : { page: input })).toBe(expected);
  });

  test('ignores the parameters a shared link carries', () => {
    expect(parseListPage({ utm_source: 'wa', fbclid: 'x', page: '3' })).toBe(3);
  });
});
