/**
 * The edit view's schedule inputs: a date and a time as the article's zone reads them, and back. The
 * browser's own zone plays no part: a desk in Jakarta scheduling a Makassar story types 05:00 and means
 * 05:00 WITA. Indonesia keeps no daylight saving, so each zone's offset is fixed (UTC_OFFSETS).
 */
import { toZonedIso, UTC_OFFSETS, type ZoneLabel } from '../format/dates';
import { parseInstant } from './instant';

export type ZonedInput = { date: string; time: string };

/** `{ date: '2023-10-27', time: '05:00' }` of an instant in a zone. */
export function zonedInputOf(instant: Date, zone: ZoneLabel): ZonedInput {
  const iso = toZonedIso(instant, zone);
  return { date: iso.slice(0, 10), time: iso.slice(11, 16) };
}

/** The instant a date and a time typed in a zone stand for; null until both are complete and real. */
export function instantOfZonedInput({ date, time }: ZonedInput, zone: ZoneLabel): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^\d{2}:\d{2}$/.test(time)) return null;
  const parsed = parseInstant(`${date}T${time}:00${UTC_OFFSETS[zone]}`);
  return parsed.ok ? parsed.value : null;
}
