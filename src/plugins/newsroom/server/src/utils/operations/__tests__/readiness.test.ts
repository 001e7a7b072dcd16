import { readinessStatus, withTimeout } from '../readiness';

describe('readinessStatus', () => {
  test.each([
    [{ database: 'ok', redis: 'not-configured' }, 200],
    [{ database: 'ok', redis: 'ok' }, 200],
    [{ database: 'ok', redis: 'down' }, 200],
    [{ database: 'down', redis: 'ok' }, 503],
    [{ database: 'down', redis: 'not-configured' }, 503],
  ] as const)('%j is %i', (report, status) => {
    expect(readinessStatus(report)).toBe(status);
  });
});

describe('withTimeout', () => {
  test('gives the answer when it comes in time', async () => {
    await expect(withTimeout(Promise.resolve('PONG'), 50, 'Redis')).resolves.toBe('PONG');
  });

  test('passes a failure on', async () => {
    await expect(withTimeout(Promise.reject(new Error('refused')), 50, 'Redis')).rejects.toThrow('refused');
  });

  test('rejects, naming what did not answer, when it takes longer', async () => {
    const never = new Promise<never>(() => undefined);
    await expect(withTimeout(never, 20, 'the database')).rejects.toThrow('the database did not answer within 20 ms');
  });
});
