import config, { cacheConfig } from '..';

const validate = (cache: Record<string, unknown>) => () => config.validator({ cache } as never);

describe('config', () => {
  describe('cache', () => {
    test.each([
      [{ mode: 'memory' }],
      [{ mode: 'off' }],
      [{ mode: 'redis', redisUrl: 'redis://127.0.0.1:6379' }],
      [{ mode: 'redis', redisUrl: 'rediss://user:secret@cache.example:6380/2' }],
      [{ maxBytes: 1024 * 1024, ttlSeconds: 60, tagHeaders: ['Surrogate-Key', 'Cache-Tag'], keyPrefix: 'warta:prod:' }],
      [{ tagHeaders: [] }],
    ])('accepts %j', (cache) => {
      expect(validate(cache)).not.toThrow();
    });

    test.each([
      [{ mode: 'disk' }, /one of memory, redis, off/],
      [{ mode: 'redis' }, /REDIS_URL/],
      [{ redisUrl: 'http://cache:6379' }, /redis:\/\/host:6379/],
      [{ maxBytes: 1000 }, /at least 1048576/],
      [{ maxBytes: 1048576.5 }, /whole number/],
      [{ ttlSeconds: 0 }, /from 1 to 604800/],
      [{ tagHeaders: ['Surrogate Key'] }, /header names/],
      [{ keyPrefix: 'two words' }, /without spaces/],
    ])('refuses %j with a sentence that says what is valid', (cache, message) => {
      expect(validate(cache)).toThrow(message);
    });
  });

  describe('cacheConfig', () => {
    test('fills what the configuration leaves out, the tag headers included', () => {
      const strapi = { config: { get: () => ({ cache: { mode: 'off' } }) } } as never;
      expect(cacheConfig(strapi)).toEqual({
        mode: 'off',
        maxBytes: 64 * 1024 * 1024,
        ttlSeconds: 3600,
        redisUrl: '',
        keyPrefix: '',
        tagHeaders: ['Surrogate-Key', 'Cache-Tag', 'xkey'],
      });
    });
  });
});
