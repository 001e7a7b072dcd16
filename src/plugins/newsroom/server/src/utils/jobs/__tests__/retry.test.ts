import { afterFailure, DEFAULT_RETRY, retryDelayMs } from '../retry';

describe('retryDelayMs', () => {
  test.each([
    [1, 10_000],
    [2, 20_000],
    [3, 40_000],
    [4, 80_000],
    [7, 640_000],
    [8, 900_000],
    [50, 900_000],
  ])('after %p failures waits %p ms', (attempts, delay) => {
    expect(retryDelayMs(attempts)).toBe(delay);
  });
});

describe('afterFailure', () => {
  const NOW = 1_700_000_000_000;
  test.each([
    ['a first transient failure is retried in 10 s', 1, false, { state: 'pending', runAt: NOW + 10_000 }],
    ['a fourth is retried in 80 s', 4, false, { state: 'pending', runAt: NOW + 80_000 }],
    ['the fifth parks the job', 5, false, { state: 'parked' }],
    ['a refusal parks it at once', 1, true, { state: 'parked' }],
  ] as const)('%s', (_case, attempts, permanent, expected) => {
    expect(afterFailure(attempts, permanent, NOW)).toEqual(expected);
  });

  test('follows the settings given', () => {
    const quick = { ...DEFAULT_RETRY, maxAttempts: 2, baseDelayMs: 100 };
    expect(afterFailure(1, false, NOW, quick)).toEqual({ state: 'pending', runAt: NOW + 100 });
    expect(afterFailure(2, false, NOW, quick)).toEqual({ state: 'parked' });
  });
});
