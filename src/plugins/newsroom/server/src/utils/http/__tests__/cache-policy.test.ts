import { cacheControl, capLifetimes, PUBLIC_API, PUBLIC_PAGE } from '../cache-policy';

describe('capLifetimes: no cache keeps a response past the moment its relative labels change', () => {
  test.each([
    ['public, max-age=60, stale-while-revalidate=30', 45, 'public, max-age=45, stale-while-revalidate=30'],
    ['public, max-age=60, stale-while-revalidate=30', 10, 'public, max-age=10, stale-while-revalidate=10'],
    [
      'public, max-age=0, s-maxage=3600, stale-while-revalidate=30',
      120,
      'public, max-age=0, s-maxage=120, stale-while-revalidate=30',
    ],
    ['public, max-age=60', 3600, 'public, max-age=60'],
    ['public, max-age=60, s-maxage=0', 30, 'public, max-age=30, s-maxage=0'],
    ['public, MAX-AGE=90', 12.7, 'public, MAX-AGE=12'],
    ['public, max-age=60', -3, 'public, max-age=0'],
    ['private, no-store', 10, 'private, no-store'],
  ])('%s capped at %s s -> %s', (value, seconds, expected) => {
    expect(capLifetimes(value, seconds)).toBe(expected);
  });

  test('the policies it caps are the ones responses carry', () => {
    expect(capLifetimes(cacheControl(PUBLIC_API), 5)).toBe('public, max-age=0, s-maxage=5, stale-while-revalidate=5');
    expect(capLifetimes(cacheControl(PUBLIC_PAGE), 5)).toBe('public, max-age=5, stale-while-revalidate=5');
  });
});
