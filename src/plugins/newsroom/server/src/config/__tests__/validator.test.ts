import config from '..';

describe('newsroom config validator', () => {
  describe('cache.redisUrl', () => {
    test.each(['', 'redis://127.0.0.1:6379', 'rediss://cache.internal:6380/0', 'redis://:secret@redis:6379'])(
      'accepts %j',
      (redisUrl) => {
        expect(() => config.validator({ cache: { redisUrl } })).not.toThrow();
      }
    );

    test.each(['127.0.0.1:6379', 'http://redis:6379', 'redis://'])('refuses %j, naming REDIS_URL', (redisUrl) => {
      expect(() => config.validator({ cache: { redisUrl } })).toThrow(/REDIS_URL.*redis:\/\/host:6379/);
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

  describe('workflow', () => {
    test.each([
      {},
      { lockTtlSeconds: 15 },
      { revisionRetentionDays: 0 },
      { revisionRetentionDays: 365, skipApproval: [] },
    ])('accepts %j', (workflow) => {
      expect(() => config.validator({ workflow })).not.toThrow();
    });

    test.each([
      [{ lockTtlSeconds: 5 }, /lockTtlSeconds.*15 to 3600/],
      [{ revisionRetentionDays: -1 }, /revisionRetentionDays/],
      [{ publishStage: 'terbit' }, /publishStage/],
      [{ stages: [] }, /stages/],
    ])('refuses %j', (workflow, message) => {
      expect(() => config.validator({ workflow } as never)).toThrow(message);
    });
  });
});
