/**
 * Reading the instant a write gives for a schedule field. An instant must say which zone it is in (an
 * offset or Z): "05:00" alone means a different moment in WIB, WITA and WIT, and a server guessing it
 * would publish an hour off. JavaScript's Date also rolls 31 February over into March; a newsroom
 * wants a 400 for that, so the calendar is checked field by field.
 */
const ISO_INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-](\d{2}):?(\d{2}))$/i;

export type ParsedInstant = { ok: true; value: Date | null } | { ok: false };

const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** An ISO 8601 string with an offset, or a valid Date; null or '' clears the field. Anything else is malformed. */
export function parseInstant(value: unknown): ParsedInstant {
  if (value === null || value === '') return { ok: true, value: null };
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? { ok: false } : { ok: true, value };
  if (typeof value !== 'string') return { ok: false };
  const match = ISO_INSTANT.exec(value.trim());
  if (!match) return { ok: false };
  const [year, month, day, hour, minute, second = 0] = match.slice(1, 7).map((part) => Number(part ?? 0));
  const millis = Number(((match[7] ?? '') + '000').slice(0, 3));
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return { ok: false };
  if (hour > 23 || minute > 59 || second > 59) return { ok: false };
  let offsetMinutes = 0;
  if (match[8].toUpperCase() !== 'Z') {
    const hours = Number(match[9]);
    const minutes = Number(match[10]);
    if (hours > 14 || minutes > 59) return { ok: false };
    offsetMinutes = (match[8].startsWith('-') ? -1 : 1) * (hours * 60 + minutes);
  }
  const utc = Date.UTC(year, month - 1, day, hour, minute, second, millis) - offsetMinutes * 60_000;
  return { ok: true, value: new Date(utc) };
}

/** A stored value (a Date, an ISO string or epoch milliseconds, as each database returns it) as a Date. */
export function storedInstant(value: unknown): Date | null {
  if (value === null || value === undefined || value === '') return null;
  const text = String(value);
  const instant = value instanceof Date ? value : new Date(/^\d+$/.test(text) ? Number(text) : text);
  return Number.isNaN(instant.getTime()) ? null : instant;
}
