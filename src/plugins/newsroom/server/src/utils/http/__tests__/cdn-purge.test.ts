import { backoffDelays, cdnPurgeSettings, DEFAULT_CDN_PURGE, purgeRequests } from '../cdn-purge';

const varnish = cdnPurgeSettings({ url: 'http://127.0.0.1:6081/' });

describe('purgeRequests', () => {
  test('sends nothing when no purge URL is configured', () => {
    expect(purgeRequests(DEFAULT_CDN_PURGE, ['doc:abc'])).toEqual([]);
  });

  test.each([
    [['doc:b', 'doc:a', 'doc:b'], ['doc:a doc:b']],
    [['list:article:id'], ['list:article:id']],
    [['', 'doc:a'], ['doc:a']],
    [[], []],
  ])('puts %j in the xkey-purge header as %j, each key once, sorted', (keys, headers) => {
    const requests = purgeRequests(varnish, keys as string[]);
    expect(requests.map((request) => request.headers['xkey-purge'])).toEqual(headers);
    for (const request of requests) expect(request).toMatchObject({ method: 'PURGE', url: 'http://127.0.0.1:6081/' });
  });

  test('splits a long list at maxKeysPerRequest', () => {
    const keys = Array.from({ length: 7 }, (_, index) => `doc:${index}`);
    const requests = purgeRequests({ ...varnish, maxKeysPerRequest: 3 }, keys);
    expect(requests.map((request) => request.keys)).toEqual([
      ['doc:0', 'doc:1', 'doc:2'],
      ['doc:3', 'doc:4', 'doc:5'],
      ['doc:6'],
    ]);
  });

  test('puts the keys in a JSON body for a Cloudflare-style API, with the configured headers', () => {
    const cloudflare = cdnPurgeSettings({
      url: 'https://api.cloudflare.com/client/v4/zones/z/purge_cache',
      method: 'POST',
      keysIn: 'json',
      jsonField: 'tags',
      headers: { authorization: 'Bearer t' },
    });
    expect(purgeRequests(cloudflare, ['b', 'a'])).toEqual([
      {
        url: 'https://api.cloudflare.com/client/v4/zones/z/purge_cache',
        method: 'POST',
        headers: { authorization: 'Bearer t', 'content-type': 'application/json' },
        body: '{"tags":["a","b"]}',
        keys: ['a', 'b'],
      },
    ]);
  });

  test('joins with the configured separator (Fastly: Surrogate-Key, space-separated)', () => {
    const fastly = cdnPurgeSettings({
      url: 'https://api.fastly.com/service/s/purge',
      method: 'POST',
      keysHeader: 'Surrogate-Key',
    });
    expect(purgeRequests(fastly, ['x', 'y'])[0].headers['Surrogate-Key']).toBe('x y');
  });
});

describe('cdnPurgeSettings', () => {
  test.each([
    [{ url: 'varnish' }, /WARTA_CDN_PURGE_URL/],
    [{ method: 'purge' }, /HTTP method/],
    [{ keysIn: 'body' as never }, /"header" or "json"/],
    [{ keysHeader: 'x key' }, /header name/],
    [{ maxKeysPerRequest: 0 }, /maxKeysPerRequest/],
    [{ retries: -1 }, /retries/],
  ])('refuses %j', (raw, message) => {
    expect(() => cdnPurgeSettings(raw)).toThrow(message);
  });
});

describe('backoffDelays', () => {
  test.each([
    [0, 250, []],
    [3, 250, [250, 500, 1000]],
    [4, 100, [100, 200, 400, 800]],
  ])('%i retries from %i ms wait %j', (retries, base, delays) => {
    expect(backoffDelays(retries, base)).toEqual(delays);
  });
});
