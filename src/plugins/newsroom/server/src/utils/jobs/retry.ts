/**
 * What happens to a job after a failed attempt: tried again later, each wait twice the one before
 * (so a database that is briefly away is not hammered), up to a ceiling; parked with its error once it
 * has failed `maxAttempts` times, or at once when the failure is one no retry can mend (a publish the
 * newsroom's rules refuse: it stays refused until an editor changes the article).
 */
export type RetrySettings = { maxAttempts: number; baseDelayMs: number; maxDelayMs: number };

export const DEFAULT_RETRY: RetrySettings = { maxAttempts: 5, baseDelayMs: 10_000, maxDelayMs: 15 * 60_000 };

/** The wait before attempt `attempts + 1`, after `attempts` failures (1, 2, ...). */
export function retryDelayMs(attempts: number, settings: RetrySettings = DEFAULT_RETRY): number {
  const exponent = Math.max(0, attempts - 1);
  return Math.min(settings.maxDelayMs, settings.baseDelayMs * 2 ** Math.min(exponent, 30));
}

export type AfterFailure = { state: 'pending'; runAt: number } | { state: 'parked' };

export function afterFailure(
  attempts: number,
  permanent: boolean,
  now: number,
  settings: RetrySettings = DEFAULT_RETRY
): AfterFailure {
  if (permanent || attempts >= settings.maxAttempts) return { state: 'parked' };
  return { state: 'pending', runAt: now + retryDelayMs(attempts, settings) };
}
