/**
 * The schedule of one article in one locale, and what makes it sound: "Terbitkan pada" and "Tarik pada"
 * in the future when they are set or moved, the unpublish after the publish, the publish not before the
 * embargo; and the embargo itself, which refuses any publish until its instant. Pure: the document
 * service middleware (middlewares/article-schedule.ts) feeds it the write, the stored draft and the time.
 */
import type { ZoneLabel } from '../format/dates';
import { scheduleMessages } from '../messages';
import { parseInstant } from './instant';
import { formatScheduleInstant } from './labels';

export const SCHEDULE_FIELDS = ['publishAt', 'unpublishAt', 'embargoUntil'] as const;
export type ScheduleField = (typeof SCHEDULE_FIELDS)[number];
export type Schedule = Record<ScheduleField, Date | null>;
export type ScheduleProblem = { path: ScheduleField; message: string };

export const EMPTY_SCHEDULE: Schedule = { publishAt: null, unpublishAt: null, embargoUntil: null };

const when = (instant: Date, zone: ZoneLabel) =>
  [formatScheduleInstant(instant, zone, 'id'), formatScheduleInstant(instant, zone, 'en')] as const;

const same = (a: Date | null, b: Date | null) => (a?.getTime() ?? null) === (b?.getTime() ?? null);

/** Does the write carry any schedule field (even one that clears it)? */
export const touchesSchedule = (data: Record<string, unknown> | undefined): boolean =>
  Boolean(data) && SCHEDULE_FIELDS.some((field) => data![field] !== undefined);

/**
 * The problems of a write's schedule against what is stored for that locale (EMPTY_SCHEDULE for a new
 * one). A time is refused for being past only when the write sets or moves it: the admin sends every
 * field on each save, and an unrelated edit must not fail because a schedule is due this very minute.
 * Returns the schedule as it will be stored when there is no problem, and which fields the write changes.
 */
export function checkSchedule(
  data: Record<string, unknown>,
  stored: Schedule,
  now: Date,
  zone: ZoneLabel
): { problems: ScheduleProblem[]; schedule: Schedule; changed: ScheduleField[] } {
  const problems: ScheduleProblem[] = [];
  const schedule: Schedule = { ...stored };
  const changed = new Set<ScheduleField>();
  for (const field of SCHEDULE_FIELDS) {
    if (data[field] === undefined) continue;
    const parsed = parseInstant(data[field]);
    if (!parsed.ok) {
      problems.push({ path: field, message: scheduleMessages.malformed(field) });
      continue;
    }
    if (!same(parsed.value, stored[field])) changed.add(field);
    schedule[field] = parsed.value;
  }
  const result = () => ({ problems, schedule, changed: [...changed] });
  if (problems.length || changed.size === 0) return result();

  const { publishAt, unpublishAt, embargoUntil } = schedule;
  for (const field of ['publishAt', 'unpublishAt'] as const) {
    const instant = schedule[field];
    if (instant && changed.has(field) && instant.getTime() <= now.getTime()) {
      problems.push({ path: field, message: scheduleMessages.inThePast(field, when(instant, zone)) });
    }
  }
  if (publishAt && unpublishAt && unpublishAt.getTime() <= publishAt.getTime()) {
    problems.push({
      path: 'unpublishAt',
      message: scheduleMessages.unpublishBeforePublish(when(unpublishAt, zone), when(publishAt, zone)),
    });
  }
  // Equal is allowed: the story goes out the minute the embargo lifts.
  if (publishAt && embargoUntil && publishAt.getTime() < embargoUntil.getTime()) {
    problems.push({
      path: 'publishAt',
      message: scheduleMessages.publishBeforeEmbargo(when(publishAt, zone), when(embargoUntil, zone)),
    });
  }
  return result();
}

/** Until its instant, an embargo refuses every publish of that locale; from the instant on (inclusive) it is gone. */
export function embargoRefusal(embargoUntil: Date | null, now: Date, zone: ZoneLabel): string | null {
  if (!embargoUntil || now.getTime() >= embargoUntil.getTime()) return null;
  return scheduleMessages.embargoed(when(embargoUntil, zone));
}
