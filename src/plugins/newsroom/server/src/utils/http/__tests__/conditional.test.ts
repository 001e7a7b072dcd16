import { notModified } from '../conditional';
import { cacheControl, forbidsSharedCaching, PRIVATE_PAGE, PUBLIC_API, PUBLIC_PAGE } from '../cache-policy';

const ETAG = '"abc"';
const MODIFIED = 'Fri, 27 Oct 2023 10:33:00 GMT';

describe('utils/http/conditional', () => {
  describe('notModified', () => {
    test.each([
      ['the same ETag', { ifNoneMatch: '"abc"' }, true],
      ['one of several ETags', { ifNoneMatch: '"x", "abc"' }, true],
      ['a weak form of the ETag', { ifNoneMatch: 'W/"abc"' }, true],
      ['any ETag', { ifNoneMatch: '*' }, true],
      ['another ETag', { ifNoneMatch: '"other"' }, false],
      [
        'another ETag and an old enough date (the ETag decides)',
        { ifNoneMatch: '"other"', ifModifiedSince: MODIFIED },
        false,
      ],
      ['the modification date', { ifModifiedSince: MODIFIED }, true],
      ['a later date', { ifModifiedSince: 'Sat, 28 Oct 2023 00:00:00 GMT' }, true],
      ['an earlier date', { ifModifiedSince: 'Thu, 26 Oct 2023 00:00:00 GMT' }, false],
      ['a date that does not parse', { ifModifiedSince: 'kemarin' }, false],
      ['no condition', {}, false],
    ])('%s', (_name, conditions, expected) => {
      expect(notModified(200, conditions, { etag: ETAG, lastModified: MODIFIED })).toBe(expected);
    });

    test('a 404 is never a 304', () => {
      expect(notModified(404, { ifNoneMatch: ETAG }, { etag: ETAG })).toBe(false);
    });
  });

  describe('cacheControl', () => {
    test.each([
      [PUBLIC_PAGE, 'public, max-age=60, stale-while-revalidate=300'],
      [PUBLIC_API, 'public, max-age=0, s-maxage=60, stale-while-revalidate=300'],
      [PRIVATE_PAGE, 'private, no-store'],
    ])('%j is %s', (policy, header) => {
      expect(cacheControl(policy)).toBe(header);
    });

    test.each([
      ['private, no-store', true],
      ['no-cache', true],
      ['public, max-age=60', false],
      [undefined, false],
    ])('%s forbids shared caching: %s', (value, expected) => {
      expect(forbidsSharedCaching(value)).toBe(expected);
    });
  });
});
