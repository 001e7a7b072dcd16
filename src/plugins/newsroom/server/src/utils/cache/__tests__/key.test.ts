import qs from 'qs';
import { canonicalPath, graphqlGetRequest, graphqlKey, requestKey, stableStringify } from '../key';

// Strapi's own query parser settings (@strapi/core's `strapi::query` middleware): what handlers read.
const parse = (querystring: string) => qs.parse(querystring, { strictNullHandling: true, arrayLimit: 100, depth: 20 });
const keyOf = (path: string, querystring = '', origin?: string) =>
  requestKey({ method: 'GET', path, query: parse(querystring), origin });

describe('utils/cache/key', () => {
  describe('requestKey', () => {
    test.each([
      ['parameter order', '/api/articles', 'locale=id&sort=title', '/api/articles', 'sort=title&locale=id'],
      ['bracket order', '/api/articles', 'filters[a]=1&filters[b]=2', '/api/articles', 'filters[b]=2&filters[a]=1'],
      [
        'percent-encoded brackets',
        '/api/articles',
        'populate%5Bcover%5D=true',
        '/api/articles',
        'populate[cover]=true',
      ],
      ['+ and %20', '/api/articles', '_q=harga+beras', '/api/articles', '_q=harga%20beras'],
      ['indexed array order', '/api/articles', 'sort[1]=b&sort[0]=a', '/api/articles', 'sort[0]=a&sort[1]=b'],
      ['hex case in a parameter', '/read/id/caf%c3%a9', '', '/read/id/caf%C3%A9', ''],
      ['raw and escaped non-ASCII', '/read/id/café', '', '/read/id/caf%C3%A9', ''],
      ['escaped colon', '/read/id/a:b', '', '/read/id/a%3Ab', ''],
      ['HEAD and GET', '/rss/id.xml', '', '/rss/id.xml', ''],
    ])('%s give one key', (_name, pathA, queryA, pathB, queryB) => {
      expect(keyOf(pathA, queryA)).toBe(keyOf(pathB, queryB));
    });

    test.each([
      ['a different locale', '/api/articles', 'locale=id', '/api/articles', 'locale=en'],
      ['repeated values in another order', '/api/articles', 'sort=a&sort=b', '/api/articles', 'sort=b&sort=a'],
      ['a bare key and an empty value', '/api/articles', 'locale', '/api/articles', 'locale='],
      ['an escaped slash and a slash', '/read/id/a%2Fb', '', '/read/id/a/b', ''],
      ['an escaped letter in a static segment', '/r%65ad/id', '', '/read/id', ''],
      ['letter case', '/read/ID', '', '/read/id', ''],
      ['a trailing slash', '/read/id/', '', '/read/id', ''],
    ])('%s give different keys', (_name, pathA, queryA, pathB, queryB) => {
      expect(keyOf(pathA, queryA)).not.toBe(keyOf(pathB, queryB));
    });

    test('the Origin is part of the key (CORS answers differ by it)', () => {
      expect(keyOf('/api/tags', '', 'https://a.example')).not.toBe(keyOf('/api/tags', '', 'https://b.example'));
      expect(keyOf('/api/tags', '')).not.toBe(keyOf('/api/tags', '', 'https://a.example'));
    });

    test('HEAD shares the GET key', () => {
      expect(requestKey({ method: 'HEAD', path: '/rss/id.xml', query: {} })).toBe(
        requestKey({ method: 'GET', path: '/rss/id.xml', query: {} })
      );
    });
  });

  describe('stableStringify', () => {
    test.each([
      [{ b: 1, a: [2, { d: null, c: '' }] }, '{"a":[2,{"c":"","d":null}],"b":1}'],
      [[3, 1, 2], '[3,1,2]'],
      ['id', '"id"'],
      [null, 'null'],
    ])('%j prints as %s', (value, printed) => {
      expect(stableStringify(value)).toBe(printed);
    });
  });

  describe('canonicalPath', () => {
    test.each([
      ['/api/articles/by-slug/harga-beras', '/api/articles/by-slug/harga-beras'],
      ['/read/id/kategori/ekonomi%20bisnis', '/read/id/kategori/ekonomi%20bisnis'],
      ['/read/id/%e2%82%ac-naik', '/read/id/%E2%82%AC-naik'],
      ['/read/id/%zz', '/read/id/%zz'],
    ])('%s is %s', (path, canonical) => {
      expect(canonicalPath(path)).toBe(canonical);
    });
  });

  describe('graphqlKey', () => {
    const key = (query: string, extra: Record<string, unknown> = {}) => graphqlKey({ query, ...extra });

    test('whitespace, commas and comments do not change the key', () => {
      const a = key('{ articles(locale: "id") { title, slug } }');
      const b = key('# the list\nquery {\n  articles(locale: "id") {\n    title\n    slug\n  }\n}');
      expect(a.cacheable && b.cacheable && stableStringify(a.canonical)).toBe(
        b.cacheable && stableStringify(b.canonical)
      );
    });

    test('variables in another key order give the same key, other values another one', () => {
      const query =
        'query Q($l: I18NLocaleCode, $n: Int) { articles(locale: $l, pagination: { limit: $n }) { title } }';
      const one = key(query, { variables: { l: 'id', n: 5 } });
      const same = key(query, { variables: { n: 5, l: 'id' } });
      const other = key(query, { variables: { l: 'en', n: 5 } });
      const print = (value: ReturnType<typeof graphqlKey>) =>
        value.cacheable ? stableStringify(value.canonical) : null;
      expect(print(one)).toBe(print(same));
      expect(print(one)).not.toBe(print(other));
    });

    test.each([
      ['a mutation', 'mutation { createTag(data: { name: "x" }) { documentId } }', {}, 'mutation'],
      ['a subscription', 'subscription { x }', {}, 'subscription'],
      ['a syntax error', '{ articles(', {}, 'does not parse'],
      ['two operations without a name', 'query A { a } query B { b }', {}, 'no single operation'],
      ['a mutation chosen by name', 'query A { a } mutation B { b }', { operationName: 'B' }, 'mutation'],
      ['no query', '', {}, 'no query'],
    ])('%s is not cacheable', (_name, query, extra, reason) => {
      expect(key(query, extra)).toEqual({ cacheable: false, reason });
    });

    test('a query chosen by name among others is cacheable', () => {
      expect(key('query A { a } mutation B { b }', { operationName: 'A' }).cacheable).toBe(true);
    });
  });

  describe('graphqlGetRequest', () => {
    test('reads the parameters as Apollo does, JSON variables included', () => {
      expect(graphqlGetRequest('query=%7B%20a%20%7D&variables=%7B%22l%22%3A%22id%22%7D')).toEqual({
        query: '{ a }',
        variables: { l: 'id' },
      });
    });
    test.each([
      ['a parameter given twice', 'query=%7Ba%7D&query=%7Bb%7D'],
      ['variables that are not JSON', 'query=%7Ba%7D&variables=%7Bl'],
    ])('%s is refused', (_name, querystring) => {
      expect(graphqlGetRequest(querystring)).toBeNull();
    });
  });
});
