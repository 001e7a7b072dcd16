/** What `GET /_ready` reports, and the status a load balancer acts on. */
export type ReadinessReport = {
  database: 'ok' | 'down';
  /** `not-configured` without REDIS_URL. Redis down alone keeps the instance ready: the cache is then bypassed. */
  redis: 'ok' | 'down' | 'not-configured';
};

/** 200 while the database answers, 503 when it does not: an instance without its database can serve nothing. */
export function readinessStatus(report: ReadinessReport): 200 | 503 {
  return report.database === 'ok' ? 200 : 503;
}

/**
 * `work`, or a rejection after `ms`. The work itself is not cancelled (a pending pool acquire ends at
 * the pool's own timeout); the race only keeps a probe from waiting longer than it may.
 */
export function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
