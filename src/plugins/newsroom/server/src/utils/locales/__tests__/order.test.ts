import { compareLocales } from '../order';

describe('compareLocales', () => {
  test.each([
    [
      ['en', 'id'],
      ['id', 'en'],
    ],
    [
      ['id', 'en'],
      ['id', 'en'],
    ],
    [
      ['fr', 'en', 'id'],
      ['id', 'en', 'fr'],
    ],
  ])('%j sorts as %j', (input, expected) => {
    expect([...input].sort(compareLocales)).toEqual(expected);
  });
});
