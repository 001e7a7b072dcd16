/**
 * The `jobs` section of the newsroom plugin config (config/plugins.ts): the durable job worker every
 * instance runs. Checked and completed with the defaults; pure, shared by the validator and the worker.
 */
import { DEFAULT_RETRY, type RetrySettings } from './retry';

export type JobSettings = {
  /** Run the worker in this process (off: an instance that only serves reads; another one must run it). */
  worker: boolean;
  /**
   * At most this long between two looks at the queue. The promise is "within 30 s of the time":
   * a job is normally taken at its due time (each instance sets a timer for the next one it knows of);
   * the poll covers a job another instance enqueued and a lease a killed instance left behind.
   */
  pollSeconds: number;
  /** How long a claimed recomputation is held before another instance may take it (its holder died). */
  leaseSeconds: number;
  /** Failed attempts before a job is parked for an administrator. */
  maxAttempts: number;
  /** The first retry's wait; each next one waits twice as long, at most 15 minutes. */
  retrySeconds: number;
};

export const DEFAULT_JOB_SETTINGS: JobSettings = {
  worker: true,
  pollSeconds: 5,
  leaseSeconds: 60,
  maxAttempts: DEFAULT_RETRY.maxAttempts,
  retrySeconds: DEFAULT_RETRY.baseDelayMs / 1000,
};

const LIMITS: Record<Exclude<keyof JobSettings, 'worker'>, [number, number, string]> = {
  pollSeconds: [1, 25, 'WARTA_JOBS_POLL_SECONDS'],
  leaseSeconds: [2, 3600, 'WARTA_JOBS_LEASE_SECONDS'],
  maxAttempts: [1, 100, 'WARTA_JOBS_MAX_ATTEMPTS'],
  retrySeconds: [1, 3600, 'WARTA_JOBS_RETRY_SECONDS'],
};

export function jobSettings(input: unknown): JobSettings {
  if (input === undefined || input === null) return DEFAULT_JOB_SETTINGS;
  if (typeof input !== 'object') throw new Error(`"newsroom.jobs" must be an object; got ${JSON.stringify(input)}.`);
  const settings = { ...DEFAULT_JOB_SETTINGS, ...(input as Partial<JobSettings>) };
  const unknown = Object.keys(input).filter((key) => !(key in DEFAULT_JOB_SETTINGS));
  if (unknown.length) {
    throw new Error(
      `"newsroom.jobs" has unknown keys: ${unknown.join(', ')} (known: ${Object.keys(DEFAULT_JOB_SETTINGS).join(', ')}).`
    );
  }
  if (typeof settings.worker !== 'boolean') {
    throw new Error(
      `"newsroom.jobs.worker" (WARTA_JOBS_WORKER) must be true or false; got ${JSON.stringify(settings.worker)}.`
    );
  }
  for (const [key, [min, max, variable]] of Object.entries(LIMITS)) {
    const value = settings[key as keyof typeof LIMITS];
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      throw new Error(
        `"newsroom.jobs.${key}" (${variable}) must be a whole number from ${min} to ${max}; got ${JSON.stringify(value)}.`
      );
    }
  }
  return settings;
}

/** The retry rule these settings give (utils/jobs/retry.ts). */
export const retryOf = (settings: JobSettings): RetrySettings => ({
  maxAttempts: settings.maxAttempts,
  baseDelayMs: settings.retrySeconds * 1000,
  maxDelayMs: DEFAULT_RETRY.maxDelayMs,
});
