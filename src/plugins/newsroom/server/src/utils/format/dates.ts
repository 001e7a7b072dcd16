/**
 * Indonesian newsroom dates. Every piece comes from Intl.DateTimeFormat#formatToParts in the article's
 * zone (WIB, WITA, WIT); nothing edits a formatted string, so a change in ICU's punctuation
 * ("pukul 17.33") cannot leak into a byline.
 */
export type ZoneLabel = 'WIB' | 'WITA' | 'WIT';
export type ContentLocale = 'id' | 'en';

export const IANA_ZONES: Record<ZoneLabel, string> = {
  WIB: 'Asia/Jakarta',
  WITA: 'Asia/Makassar',
  WIT: 'Asia/Jayapura',
};

export const UTC_OFFSETS: Record<ZoneLabel, string> = { WIB: '+07:00', WITA: '+08:00', WIT: '+09:00' };

const INTL_LOCALES: Record<ContentLocale, string> = { id: 'id-ID', en: 'en-GB' };

export type HouseStyle = {
  /** `Jumat` is the KBBI spelling; some portals print `Jum'at`. */
  fridaySpelling: 'Jumat' | "Jum'at";
  /** Between the names and the role: "Salsabila Fitirah Puteri, Jurnalis". */
  roleSeparator: string;
  /** Between the credit and the date: "... Jurnalis - Jumat, ...". */
  dateSeparator: string;
  /** Between the date and the time: "2023 | 17:33 WIB". */
  timeSeparator: string;
  /** long: 27 Oktober 2023; short: 27 Okt 2023; numeric: 27/10/2023 (no weekday). */
  monthStyle: 'long' | 'short' | 'numeric';
  showRole: boolean;
};

export const HOUSE_STYLES = {
  kbbi: {
    fridaySpelling: 'Jumat',
    roleSeparator: ', ',
    dateSeparator: ' - ',
    timeSeparator: ' | ',
    monthStyle: 'long',
    showRole: true,
  },
  okezone: {
    fridaySpelling: "Jum'at",
    roleSeparator: ', ',
    dateSeparator: ' - ',
    timeSeparator: ' | ',
    monthStyle: 'long',
    showRole: true,
  },
  detik: {
    fridaySpelling: 'Jumat',
    roleSeparator: ', ',
    dateSeparator: ' - ',
    timeSeparator: ' ',
    monthStyle: 'short',
    showRole: false,
  },
  kompas: {
    fridaySpelling: 'Jumat',
    roleSeparator: ', ',
    dateSeparator: ' - ',
    timeSeparator: ', ',
    monthStyle: 'numeric',
    showRole: false,
  },
} satisfies Record<string, HouseStyle>;

export type HouseStyleName = keyof typeof HOUSE_STYLES;

export type LocalParts = {
  weekday: string;
  day: string;
  month: string;
  monthShort: string;
  monthNumber: string;
  year: string;
  hour: string;
  minute: string;
  zone: ZoneLabel;
};

export function isZoneLabel(value: unknown): value is ZoneLabel {
  return value === 'WIB' || value === 'WITA' || value === 'WIT';
}

function toLocale(locale: string | null | undefined): ContentLocale {
  return locale === 'en' ? 'en' : 'id';
}

function pick(parts: Intl.DateTimeFormatPart[], type: Intl.DateTimeFormatPartTypes): string {
  const part = parts.find((candidate) => candidate.type === type);
  if (!part) throw new Error(`Intl gave no ${type} part`);
  return part.value;
}

// Building an Intl formatter costs tens of microseconds, formatting with one about one: a page of 25
// articles formats some 300 dates, so each formatter is built once per locale, zone and options.
const formatters = new Map<string, Intl.DateTimeFormat>();
const optionKeys = new WeakMap<Intl.DateTimeFormatOptions, string>();
function formatter(intlLocale: string, timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  let optionKey = optionKeys.get(options);
  if (optionKey === undefined) optionKeys.set(options, (optionKey = JSON.stringify(options)));
  const key = `${intlLocale}|${timeZone}|${optionKey}`;
  let cached = formatters.get(key);
  if (!cached) {
    cached = new Intl.DateTimeFormat(intlLocale, { ...options, timeZone });
    formatters.set(key, cached);
  }
  return cached;
}

const relativeFormatters = new Map<string, Intl.RelativeTimeFormat>();
function relativeFormatter(intlLocale: string): Intl.RelativeTimeFormat {
  let cached = relativeFormatters.get(intlLocale);
  if (!cached)
    relativeFormatters.set(intlLocale, (cached = new Intl.RelativeTimeFormat(intlLocale, { numeric: 'auto' })));
  return cached;
}

const LONG_PARTS: Intl.DateTimeFormatOptions = {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
};
const MONTH_SHORT: Intl.DateTimeFormatOptions = { month: 'short' };
const MONTH_NUMERIC: Intl.DateTimeFormatOptions = { month: 'numeric' };

// The same instants come back on every list and page: their parts are kept (a pure function's results,
// bounded), so a warm read path formats nothing.
const partsMemo = new Map<string, LocalParts>();
const PARTS_MEMO_LIMIT = 20_000;

export function localParts(
  instant: Date,
  zone: ZoneLabel,
  locale: string | null | undefined,
  style: HouseStyle = HOUSE_STYLES.kbbi
): LocalParts {
  const key = `${instant.getTime()}|${zone}|${toLocale(locale)}|${style.fridaySpelling}`;
  const known = partsMemo.get(key);
  if (known) return { ...known };
  const parts = computeLocalParts(instant, zone, locale, style);
  if (partsMemo.size >= PARTS_MEMO_LIMIT) partsMemo.delete(partsMemo.keys().next().value as string);
  partsMemo.set(key, parts);
  return { ...parts };
}

function computeLocalParts(
  instant: Date,
  zone: ZoneLabel,
  locale: string | null | undefined,
  style: HouseStyle
): LocalParts {
  const intlLocale = INTL_LOCALES[toLocale(locale)];
  const timeZone = IANA_ZONES[zone];
  const long = formatter(intlLocale, timeZone, LONG_PARTS).formatToParts(instant);
  const short = formatter(intlLocale, timeZone, MONTH_SHORT).formatToParts(instant);
  const numeric = formatter('en-GB', timeZone, MONTH_NUMERIC).formatToParts(instant);
  let weekday = pick(long, 'weekday');
  if (toLocale(locale) === 'id' && weekday === 'Jumat') weekday = style.fridaySpelling;
  return {
    weekday,
    day: pick(long, 'day'),
    month: pick(long, 'month'),
    monthShort: pick(short, 'month').replace(/\.$/, ''),
    monthNumber: pick(numeric, 'month'),
    year: pick(long, 'year'),
    hour: pick(long, 'hour'),
    minute: pick(long, 'minute'),
    zone,
  };
}

/** "Jumat, 27 Oktober 2023" (long), "Jumat, 27 Okt 2023" (short), "27/10/2023" (numeric). */
export function formatDate(parts: LocalParts, monthStyle: HouseStyle['monthStyle'] = 'long'): string {
  if (monthStyle === 'numeric')
    return `${parts.day.padStart(2, '0')}/${parts.monthNumber.padStart(2, '0')}/${parts.year}`;
  const month = monthStyle === 'short' ? parts.monthShort : parts.month;
  return `${parts.weekday}, ${parts.day} ${month} ${parts.year}`;
}

/** "17:33 WIB": portals print a colon, where ICU's id-ID prints "pukul 17.33". */
export function formatTime(parts: LocalParts): string {
  return `${parts.hour}:${parts.minute} ${parts.zone}`;
}

/** "Jumat, 27 Oktober 2023 | 17:33 WIB" */
export function formatDateTime(parts: LocalParts, style: HouseStyle = HOUSE_STYLES.kbbi): string {
  return `${formatDate(parts, style.monthStyle)}${style.timeSeparator}${formatTime(parts)}`;
}

/** "Jumat (27/10/2023)": the date as running text cites it. */
export function formatDateInText(
  instant: Date,
  zone: ZoneLabel,
  locale: string | null | undefined,
  style: HouseStyle = HOUSE_STYLES.kbbi
): string {
  return dateInTextOf(localParts(instant, zone, locale, style));
}

/** `formatDateInText` from the parts a caller already has (formatting them is most of a date's cost). */
export function dateInTextOf(parts: LocalParts): string {
  return `${parts.weekday} (${parts.day}/${parts.monthNumber}/${parts.year})`;
}

/** "A", "A dan B", "A, B, dan C" (the Indonesian serial comma); "A and B", "A, B, and C" in English. */
export function joinNames(names: string[], locale: string | null | undefined): string {
  const and = toLocale(locale) === 'en' ? 'and' : 'dan';
  const clean = names.map((name) => name.trim()).filter(Boolean);
  if (clean.length <= 1) return clean[0] ?? '';
  if (clean.length === 2) return `${clean[0]} ${and} ${clean[1]}`;
  return `${clean.slice(0, -1).join(', ')}, ${and} ${clean[clean.length - 1]}`;
}

export type BylineAuthor = { name: string; role?: string | null };

/**
 * "Salsabila Fitirah Puteri, Jurnalis - Jumat, 27 Oktober 2023 | 17:33 WIB".
 * Several authors share the role only when they all have the same one ("A dan B, Jurnalis");
 * English pluralises it ("A and B, Journalists").
 */
export function formatByline(
  authors: BylineAuthor[],
  instant: Date,
  zone: ZoneLabel,
  locale: string | null | undefined,
  style: HouseStyle = HOUSE_STYLES.kbbi
): string {
  return bylineOf(authors, formatDateTime(localParts(instant, zone, locale, style), style), locale, style);
}

/** `formatByline` with the date and time already printed (`formatDateTime` of the same instant and style). */
export function bylineOf(
  authors: BylineAuthor[],
  when: string,
  locale: string | null | undefined,
  style: HouseStyle = HOUSE_STYLES.kbbi
): string {
  const names = joinNames(
    authors.map((author) => author.name),
    locale
  );
  if (!names) return when;
  const roles = [...new Set(authors.map((author) => (author.role ?? '').trim()))];
  let credit = names;
  if (style.showRole && roles.length === 1 && roles[0]) {
    const role = authors.length > 1 && toLocale(locale) === 'en' ? `${roles[0]}s` : roles[0];
    credit = `${names}${style.roleSeparator}${role}`;
  }
  return `${credit}${style.dateSeparator}${when}`;
}

/**
 * "baru saja", "5 menit yang lalu", "2 jam yang lalu", "kemarin", "3 hari yang lalu", then the date.
 * `parts`: the instant's local parts in that zone and locale when the caller has them (any house style:
 * only the day, month and year are read), saving their formatting.
 */
export function formatRelative(
  instant: Date,
  now: Date,
  zone: ZoneLabel,
  locale: string | null | undefined,
  parts?: LocalParts
): string {
  const lang = toLocale(locale);
  const rtf = relativeFormatter(INTL_LOCALES[lang]);
  const seconds = Math.round((now.getTime() - instant.getTime()) / 1000);
  if (seconds < 60) return lang === 'en' ? 'just now' : 'baru saja';
  if (seconds < 3600) return rtf.format(-Math.floor(seconds / 60), 'minute');
  const local = parts ?? localParts(instant, zone, lang);
  const days = dayNumber(now, zone) - calendarDay(local);
  if (days === 0) return rtf.format(-Math.floor(seconds / 3600), 'hour');
  if (days < 7) return rtf.format(-days, 'day');
  return `${local.day} ${local.month} ${local.year}`;
}

/** Days since the epoch of a local calendar date: whole days between two of them subtract. */
const calendarDay = (parts: Pick<LocalParts, 'year' | 'monthNumber' | 'day'>): number =>
  Date.UTC(Number(parts.year), Number(parts.monthNumber) - 1, Number(parts.day)) / 86_400_000;

// WIB, WITA and WIT are fixed offsets (Indonesia keeps no summer time), so the local calendar day and the
// zoned ISO string are plain arithmetic: no Intl call on the read path (a list formats 50 instants).
const offsetMs = (zone: ZoneLabel): number => Number(UTC_OFFSETS[zone].slice(1, 3)) * 3_600_000;

function dayNumber(instant: Date, zone: ZoneLabel): number {
  return Math.floor((instant.getTime() + offsetMs(zone)) / 86_400_000);
}

// How long a cache may keep a response showing `formatRelative(instant, now)`: seconds until the label reads
// otherwise (half a second in hand for its rounding), or null once it never changes (a week on, a plain date).
export function relativeLabelValidFor(instant: Date, now: Date, zone: ZoneLabel): number | null {
  const elapsed = now.getTime() - instant.getTime();
  if (elapsed < 3_600_000)
    return Math.max(0, Math.floor((60_000 - (((elapsed % 60_000) + 60_000) % 60_000) - 500) / 1000));
  const days = dayNumber(now, zone) - dayNumber(instant, zone);
  if (days >= 7) return null;
  const untilMidnight = Math.floor((86_400_000 - ((now.getTime() + offsetMs(zone)) % 86_400_000)) / 1000);
  return days > 0 ? untilMidnight : Math.min(untilMidnight, Math.floor((3_600_000 - (elapsed % 3_600_000)) / 1000));
}

/** ISO 8601 in the article's zone, e.g. 2023-10-27T17:33:00+07:00 (what JSON-LD and feeds want). */
export function toZonedIso(instant: Date, zone: ZoneLabel): string {
  // Whole seconds, as the formatter printed them; years 0-9999 keep toISOString's four-digit form.
  const local = new Date(Math.floor(instant.getTime() / 1000) * 1000 + offsetMs(zone));
  return `${local.toISOString().slice(0, 19)}${UTC_OFFSETS[zone]}`;
}
