/**
 * How a schedule reads to an editor: always in the article's own zone, with the zone named, since a
 * desk in Jakarta schedules stories for Makassar and Jayapura too. Pure, shared by the server's
 * messages and the admin panel, so the edit view, the list and a refusal say the same thing.
 */
import { formatDate, formatTime, isZoneLabel, localParts, type ZoneLabel } from '../format/dates';

/** A stored zone or the default one (WIB, like the schema's default). */
export const zoneOf = (value: unknown): ZoneLabel => (isZoneLabel(value) ? value : 'WIB');

/** "Jumat, 27 Oktober 2023 05:00 WIB" ("Friday, 27 October 2023 05:00 WIB" in English). */
export function formatScheduleInstant(instant: Date, zone: ZoneLabel, locale: string = 'id'): string {
  const parts = localParts(instant, zone, locale);
  return `${formatDate(parts)} ${formatTime(parts)}`;
}

const sameLocalDay = (a: Date, b: Date, zone: ZoneLabel) => {
  const pa = localParts(a, zone, 'id');
  const pb = localParts(b, zone, 'id');
  return pa.year === pb.year && pa.monthNumber === pb.monthNumber && pa.day === pb.day;
};

/** "05:00 WIB" today (in that zone), "28 Okt 05:00 WIB" another day, "3 Jan 2025 05:00 WIB" another year. */
export function shortScheduleTime(instant: Date, zone: ZoneLabel, now: Date, locale: string = 'id'): string {
  const parts = localParts(instant, zone, locale);
  if (sameLocalDay(instant, now, zone)) return formatTime(parts);
  const year = parts.year === localParts(now, zone, locale).year ? '' : ` ${parts.year}`;
  return `${parts.day} ${parts.monthShort}${year} ${formatTime(parts)}`;
}

export type ScheduleBadge = { state: 'scheduled' | 'overdue' | 'unpublishing'; label: string };

/**
 * A schedule that has not fired this long after its time is overdue: the scheduler fires within 30 s,
 * so past this something refused it (no category, an embargo) and an editor should look.
 */
export const OVERDUE_AFTER_MS = 60_000;

const BADGE_WORDS = {
  id: { scheduled: 'Terjadwal', overdue: 'Jadwal lewat', unpublishing: 'Tarik' },
  en: { scheduled: 'Scheduled', overdue: 'Overdue', unpublishing: 'Unpublish' },
} as const;

/**
 * The list view's status: "Terjadwal 05:00 WIB" for a coming publish, "Jadwal lewat 05:00 WIB" for one
 * that should have gone out, else "Tarik 23:59 WIB" for a coming unpublish; null with no schedule.
 */
export function scheduleBadge(
  schedule: { publishAt?: Date | null; unpublishAt?: Date | null },
  zone: ZoneLabel,
  now: Date,
  locale: string = 'id'
): ScheduleBadge | null {
  const words = BADGE_WORDS[locale === 'en' ? 'en' : 'id'];
  const { publishAt, unpublishAt } = schedule;
  if (publishAt) {
    const state = now.getTime() - publishAt.getTime() > OVERDUE_AFTER_MS ? 'overdue' : 'scheduled';
    return { state, label: `${words[state]} ${shortScheduleTime(publishAt, zone, now, locale)}` };
  }
  if (unpublishAt) {
    return {
      state: 'unpublishing',
      label: `${words.unpublishing} ${shortScheduleTime(unpublishAt, zone, now, locale)}`,
    };
  }
  return null;
}
