import { DEFAULT_JOB_SETTINGS, jobSettings, retryOf } from '../settings';

describe('jobSettings', () => {
  test('defaults: a worker on every instance, a look at least every 5 s, a 60 s lease, 5 attempts', () => {
    expect(jobSettings(undefined)).toEqual(DEFAULT_JOB_SETTINGS);
    expect(DEFAULT_JOB_SETTINGS).toEqual({
      worker: true,
      pollSeconds: 5,
      leaseSeconds: 60,
      maxAttempts: 5,
      retrySeconds: 10,
    });
  });

  test('keeps what is given and completes the rest', () => {
    expect(jobSettings({ pollSeconds: 1, leaseSeconds: 3 })).toEqual({
      ...DEFAULT_JOB_SETTINGS,
      pollSeconds: 1,
      leaseSeconds: 3,
    });
  });

  test.each([
    [
      { pollSeconds: 30 },
      /"newsroom.jobs.pollSeconds" \(WARTA_JOBS_POLL_SECONDS\) must be a whole number from 1 to 25/,
    ],
    [{ leaseSeconds: 0 }, /leaseSeconds/],
    [{ maxAttempts: 1.5 }, /maxAttempts/],
    [{ worker: 'yes' }, /WARTA_JOBS_WORKER/],
    [{ cron: '* * * * *' }, /unknown keys: cron/],
    ['fast', /must be an object/],
  ])('refuses %p', (input, message) => {
    expect(() => jobSettings(input)).toThrow(message);
  });

  test('gives the retry rule', () => {
    expect(retryOf({ ...DEFAULT_JOB_SETTINGS, retrySeconds: 2, maxAttempts: 3 })).toEqual({
      maxAttempts: 3,
      baseDelayMs: 2000,
      maxDelayMs: 900_000,
    });
  });
});
