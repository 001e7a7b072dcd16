import config from '..';

describe('newsroom config validator', () => {
  describe('redisUrl', () => {
    test.each(['', 'redis://127.0.0.1:6379', 'rediss://cache.internal:6380/0', 'redis://:secret@redis:6379'])(
      'accepts %j',
      (redisUrl) => {
        expect(() => config.validator({ redisUrl })).not.toThrow();
      }
    );

    test.each(['127.0.0.1:6379', 'http://redis:6379', 'redis://'])('refuses %j, naming REDIS_URL', (redisUrl) => {
      expect(() => config.validator({ redisUrl })).toThrow(/REDIS_URL.*redis:\/\/host:6379/);
    });
  });

  describe('shutdownGraceSeconds', () => {
    test.each([0, 10, 300])('accepts %i', (shutdownGraceSeconds) => {
      expect(() => config.validator({ shutdownGraceSeconds })).not.toThrow();
    });

    test.each([-1, 1.5, 301, Number.NaN])('refuses %d, naming WARTA_SHUTDOWN_GRACE_SECONDS', (shutdownGraceSeconds) => {
      expect(() => config.validator({ shutdownGraceSeconds })).toThrow(/WARTA_SHUTDOWN_GRACE_SECONDS/);
    });
  });
});
