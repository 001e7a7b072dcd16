import readinessService from '../readiness';

/** A `strapi` whose `select 1` answers, fails or never answers, and whose config has no Redis. */
function mockStrapi(raw: () => Promise<unknown>) {
  const strapi: any = {
    db: { connection: { raw } },
    config: { get: () => ({ cache: { redisUrl: '' } }) },
  };
  return readinessService({ strapi });
}

describe('readiness service', () => {
  describe('check', () => {
    test('reports the database ok when select 1 answers', async () => {
      expect(await mockStrapi(async () => [{ '?column?': 1 }]).check()).toEqual({
        database: 'ok',
        redis: 'not-configured',
      });
    });

    test('reports the database down when the query fails', async () => {
      const refused = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
      expect((await mockStrapi(() => Promise.reject(refused)).check()).database).toBe('down');
    });

    test('reports the database down after 2 s when it does not answer at all', async () => {
      jest.useFakeTimers();
      try {
        const checking = mockStrapi(() => new Promise(() => undefined)).check();
        await jest.advanceTimersByTimeAsync(1999);
        let settled = false;
        void checking.then(() => (settled = true));
        await Promise.resolve();
        expect(settled).toBe(false);
        await jest.advanceTimersByTimeAsync(1);
        expect((await checking).database).toBe('down');
      } finally {
        jest.useRealTimers();
      }
    });
  });
});
