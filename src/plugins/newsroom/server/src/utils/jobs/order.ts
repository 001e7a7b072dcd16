/**
 * The order in which due jobs are claimed: schedule work before background recomputation (priority),
 * then the oldest due time first, so a catch-up after downtime publishes in the order the stories
 * were scheduled; the id settles ties (two stories for 05:00 go out in the order they were scheduled).
 * The SQL claim sorts by DUE_ORDER; compareDue is the same order for rows already in memory.
 */
export type DueJob = { id: number; priority: number; runAt: number };

export const DUE_ORDER = [
  { column: 'priority', order: 'asc' },
  { column: 'run_at', order: 'asc' },
  { column: 'id', order: 'asc' },
] as const;

export function compareDue(a: DueJob, b: DueJob): number {
  return a.priority - b.priority || a.runAt - b.runAt || a.id - b.id;
}

/** Due at `now`: its time has come (a job for 05:00:00 is due at 05:00:00, not a tick later). */
export const isDue = (job: Pick<DueJob, 'runAt'>, now: number): boolean => job.runAt <= now;
