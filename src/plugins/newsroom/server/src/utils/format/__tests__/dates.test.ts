import {
  bylineOf,
  dateInTextOf,
  formatByline,
  formatDateInText,
  formatDateTime,
  formatRelative,
  relativeLabelValidFor,
  HOUSE_STYLES,
  joinNames,
  localParts,
  toZonedIso,
} from '../dates';

const SALSABILA = { name: 'Salsabila Fitirah Puteri', role: 'Jurnalis' };
const SEED_INSTANT = new Date('2023-10-27T10:33:00Z'); // Jumat, 27 Oktober 2023 17:33 WIB

describe('formatByline', () => {
  test('prints the seed article byline as Okezone readers know it, with the KBBI Jumat', () => {
    expect(formatByline([SALSABILA], SEED_INSTANT, 'WIB', 'id')).toBe(
      'Salsabila Fitirah Puteri, Jurnalis - Jumat, 27 Oktober 2023 | 17:33 WIB'
    );
  });

  test('prints it in English for en', () => {
    expect(formatByline([{ name: 'Salsabila Fitirah Puteri', role: 'Journalist' }], SEED_INSTANT, 'WIB', 'en')).toBe(
      'Salsabila Fitirah Puteri, Journalist - Friday, 27 October 2023 | 17:33 WIB'
    );
  });

  test.each([
    ['kbbi', 'Salsabila Fitirah Puteri, Jurnalis - Jumat, 27 Oktober 2023 | 17:33 WIB'],
    ['okezone', "Salsabila Fitirah Puteri, Jurnalis - Jum'at, 27 Oktober 2023 | 17:33 WIB"],
    ['detik', 'Salsabila Fitirah Puteri - Jumat, 27 Okt 2023 17:33 WIB'],
    ['kompas', 'Salsabila Fitirah Puteri - 27/10/2023, 17:33 WIB'],
  ] as const)('follows the %s house style', (style, expected) => {
    expect(formatByline([SALSABILA], SEED_INSTANT, 'WIB', 'id', HOUSE_STYLES[style])).toBe(expected);
  });

  test.each([
    [[SALSABILA], 'id', 'Salsabila Fitirah Puteri, Jurnalis - '],
    [
      [SALSABILA, { name: 'Bagus Prasetyo', role: 'Jurnalis' }],
      'id',
      'Salsabila Fitirah Puteri dan Bagus Prasetyo, Jurnalis - ',
    ],
    [
      [SALSABILA, { name: 'Bagus Prasetyo', role: 'Jurnalis' }, { name: 'Nadia Anjani', role: 'Jurnalis' }],
      'id',
      'Salsabila Fitirah Puteri, Bagus Prasetyo, dan Nadia Anjani, Jurnalis - ',
    ],
    [
      [
        SALSABILA,
        { name: 'Bagus Prasetyo', role: 'Jurnalis' },
        { name: 'Nadia Anjani', role: 'Kontributor' },
        { name: 'Rizky Ramadhan', role: 'Fotografer' },
      ],
      'id',
      'Salsabila Fitirah Puteri, Bagus Prasetyo, Nadia Anjani, dan Rizky Ramadhan - ',
    ],
    [
      [
        { name: 'A', role: 'Journalist' },
        { name: 'B', role: 'Journalist' },
      ],
      'en',
      'A and B, Journalists - ',
    ],
    [
      [
        { name: 'A', role: 'Journalist' },
        { name: 'B', role: 'Journalist' },
        { name: 'C', role: 'Journalist' },
      ],
      'en',
      'A, B, and C, Journalists - ',
    ],
    [
      [{ name: 'A', role: 'Editor' }, { name: 'B', role: 'Photographer' }, { name: 'C' }, { name: 'D' }],
      'en',
      'A, B, C, and D - ',
    ],
    [[{ name: 'Tanpa Peran' }], 'id', 'Tanpa Peran - '],
  ])('credits %j in %s', (authors, locale, prefix) => {
    const byline = formatByline(authors, SEED_INSTANT, 'WIB', locale);
    expect(byline.startsWith(prefix)).toBe(true);
  });

  test('is just the date when there is no author', () => {
    expect(formatByline([], SEED_INSTANT, 'WIB', 'id')).toBe('Jumat, 27 Oktober 2023 | 17:33 WIB');
  });
});

describe('bylineOf', () => {
  test.each([
    ['id', [SALSABILA], HOUSE_STYLES.kbbi],
    ['en', [SALSABILA, { name: 'Susi Susanti', role: 'Jurnalis' }], HOUSE_STYLES.okezone],
    ['id', [], HOUSE_STYLES.detik],
  ] as const)('prints what formatByline prints (%s, %j)', (locale, authors, style) => {
    const when = formatDateTime(localParts(SEED_INSTANT, 'WITA', locale, style), style);
    expect(bylineOf([...authors], when, locale, style)).toBe(
      formatByline([...authors], SEED_INSTANT, 'WITA', locale, style)
    );
  });
});

describe('formatDateTime', () => {
  // 2024-01-01 (Monday) to 2024-01-07 (Sunday), 03:05 UTC = 10:05 WIB.
  test.each([
    ['2024-01-01T03:05:00Z', 'Senin, 1 Januari 2024 | 10:05 WIB', 'Monday, 1 January 2024 | 10:05 WIB'],
    ['2024-01-02T03:05:00Z', 'Selasa, 2 Januari 2024 | 10:05 WIB', 'Tuesday, 2 January 2024 | 10:05 WIB'],
    ['2024-01-03T03:05:00Z', 'Rabu, 3 Januari 2024 | 10:05 WIB', 'Wednesday, 3 January 2024 | 10:05 WIB'],
    ['2024-01-04T03:05:00Z', 'Kamis, 4 Januari 2024 | 10:05 WIB', 'Thursday, 4 January 2024 | 10:05 WIB'],
    ['2024-01-05T03:05:00Z', 'Jumat, 5 Januari 2024 | 10:05 WIB', 'Friday, 5 January 2024 | 10:05 WIB'],
    ['2024-01-06T03:05:00Z', 'Sabtu, 6 Januari 2024 | 10:05 WIB', 'Saturday, 6 January 2024 | 10:05 WIB'],
    ['2024-01-07T03:05:00Z', 'Minggu, 7 Januari 2024 | 10:05 WIB', 'Sunday, 7 January 2024 | 10:05 WIB'],
  ])('names the weekday of %s', (iso, id, en) => {
    expect(formatDateTime(localParts(new Date(iso), 'WIB', 'id'))).toBe(id);
    expect(formatDateTime(localParts(new Date(iso), 'WIB', 'en'))).toBe(en);
  });

  test.each([
    [1, 'Januari', 'January', 'Jan'],
    [2, 'Februari', 'February', 'Feb'],
    [3, 'Maret', 'March', 'Mar'],
    [4, 'April', 'April', 'Apr'],
    [5, 'Mei', 'May', 'Mei'],
    [6, 'Juni', 'June', 'Jun'],
    [7, 'Juli', 'July', 'Jul'],
    [8, 'Agustus', 'August', 'Agu'],
    [9, 'September', 'September', 'Sep'],
    [10, 'Oktober', 'October', 'Okt'],
    [11, 'November', 'November', 'Nov'],
    [12, 'Desember', 'December', 'Des'],
  ])('names month %i %s / %s', (month, id, en, short) => {
    const instant = new Date(Date.UTC(2023, month - 1, 15, 5, 0));
    expect(localParts(instant, 'WIB', 'id').month).toBe(id);
    expect(localParts(instant, 'WIB', 'en').month).toBe(en);
    expect(localParts(instant, 'WIB', 'id').monthShort).toBe(short);
    expect(localParts(instant, 'WIB', 'id').monthNumber).toBe(String(month));
  });

  test.each([
    ['midnight WIB', '2023-10-26T17:00:00Z', 'WIB', 'Jumat, 27 Oktober 2023 | 00:00 WIB'],
    ['noon WIB', '2023-10-27T05:00:00Z', 'WIB', 'Jumat, 27 Oktober 2023 | 12:00 WIB'],
    ['a minute before midnight WIB', '2023-10-27T16:59:00Z', 'WIB', 'Jumat, 27 Oktober 2023 | 23:59 WIB'],
    ['midnight WITA', '2023-10-26T16:00:00Z', 'WITA', 'Jumat, 27 Oktober 2023 | 00:00 WITA'],
    ['noon WIT', '2023-10-27T03:00:00Z', 'WIT', 'Jumat, 27 Oktober 2023 | 12:00 WIT'],
    ['the same instant in WITA', '2023-10-27T10:33:00Z', 'WITA', 'Jumat, 27 Oktober 2023 | 18:33 WITA'],
    ['the same instant in WIT', '2023-10-27T10:33:00Z', 'WIT', 'Jumat, 27 Oktober 2023 | 19:33 WIT'],
    ['new year in WIB while still 2023 in UTC', '2023-12-31T17:30:00Z', 'WIB', 'Senin, 1 Januari 2024 | 00:30 WIB'],
    ['the last minute of 2023 in WIT', '2023-12-31T14:59:00Z', 'WIT', 'Minggu, 31 Desember 2023 | 23:59 WIT'],
    ['new year in WIT, still 2023 in WIB', '2023-12-31T15:30:00Z', 'WIT', 'Senin, 1 Januari 2024 | 00:30 WIT'],
    ['leap day', '2024-02-29T01:00:00Z', 'WIB', 'Kamis, 29 Februari 2024 | 08:00 WIB'],
  ])('handles %s', (_what, iso, zone, expected) => {
    expect(formatDateTime(localParts(new Date(iso), zone as any, 'id'))).toBe(expected);
  });
});

describe('formatDateInText', () => {
  test.each([
    ['2023-10-26T03:00:00Z', 'WIB', 'id', HOUSE_STYLES.kbbi, 'Kamis (26/10/2023)'],
    ['2023-10-27T03:00:00Z', 'WIB', 'id', HOUSE_STYLES.kbbi, 'Jumat (27/10/2023)'],
    ['2023-10-27T03:00:00Z', 'WIB', 'id', HOUSE_STYLES.okezone, "Jum'at (27/10/2023)"],
    ['2024-03-05T03:00:00Z', 'WITA', 'id', HOUSE_STYLES.kbbi, 'Selasa (5/3/2024)'],
    ['2024-03-05T03:00:00Z', 'WIT', 'en', HOUSE_STYLES.kbbi, 'Tuesday (5/3/2024)'],
  ] as const)('cites %s in %s (%s)', (iso, zone, locale, style, expected) => {
    expect(formatDateInText(new Date(iso), zone, locale, style)).toBe(expected);
    expect(dateInTextOf(localParts(new Date(iso), zone, locale, style))).toBe(expected);
  });
});

describe('formatRelative', () => {
  const now = new Date('2024-03-10T05:00:00Z'); // Minggu 10 Maret 2024 12:00 WIB
  test.each([
    ['2024-03-10T04:59:30Z', 'id', 'baru saja'],
    ['2024-03-10T04:55:00Z', 'id', '5 menit yang lalu'],
    ['2024-03-10T03:00:00Z', 'id', '2 jam yang lalu'],
    ['2024-03-09T20:00:00Z', 'id', '9 jam yang lalu'],
    ['2024-03-09T10:00:00Z', 'id', 'kemarin'],
    ['2024-03-07T10:00:00Z', 'id', '3 hari yang lalu'],
    ['2024-02-20T10:00:00Z', 'id', '20 Februari 2024'],
    ['2024-03-10T03:00:00Z', 'en', '2 hours ago'],
    ['2024-03-09T10:00:00Z', 'en', 'yesterday'],
    ['2024-03-10T04:59:30Z', 'en', 'just now'],
  ])('%s in %s reads %p', (iso, locale, expected) => {
    expect(formatRelative(new Date(iso), now, 'WIB', locale)).toBe(expected);
  });

  test.each([
    ['2024-03-09T10:00:00Z', 'id', HOUSE_STYLES.kbbi, 'kemarin'],
    ['2024-03-07T10:00:00Z', 'en', HOUSE_STYLES.kbbi, '3 days ago'],
    ['2024-02-23T10:00:00Z', 'id', HOUSE_STYLES.okezone, '23 Februari 2024'],
    ['2024-02-20T10:00:00Z', 'en', HOUSE_STYLES.kompas, '20 February 2024'],
  ] as const)('%s in %s reads %p from parts already formatted (any house style)', (iso, locale, style, expected) => {
    const instant = new Date(iso);
    expect(formatRelative(instant, now, 'WIT', locale, localParts(instant, 'WIT', locale, style))).toBe(
      formatRelative(instant, now, 'WIT', locale)
    );
    expect(formatRelative(instant, now, 'WIB', locale, localParts(instant, 'WIB', locale, style))).toBe(expected);
  });

  test('counts calendar days in the article zone, not in UTC', () => {
    // 23:30 WIB on the 9th is "kemarin" at 00:30 WIB on the 10th, though only an hour has passed.
    expect(formatRelative(new Date('2024-03-09T16:30:00Z'), new Date('2024-03-09T17:30:00Z'), 'WIB', 'id')).toBe(
      'kemarin'
    );
  });
});

describe('relativeLabelValidFor', () => {
  const now = new Date('2024-03-10T05:00:00Z'); // Minggu 10 Maret 2024 12:00 WIB
  test.each([
    ['2024-03-10T04:59:30Z', 29], // "baru saja" until a minute has passed
    ['2024-03-10T04:55:10Z', 9], // "4 menit" becomes "5 menit" at 04:55:10 + 5 min
    ['2024-03-10T03:00:00Z', 3600], // "2 jam" until the next full hour
    ['2024-03-09T10:00:00Z', 43200], // "kemarin" until midnight WIB
    ['2024-02-20T10:00:00Z', null], // a plain date never changes
  ])('%s: %p seconds', (iso, expected) => {
    expect(relativeLabelValidFor(new Date(iso), now, 'WIB')).toBe(expected);
  });

  test('the label still reads the same when that time has passed but one second', () => {
    for (const iso of [
      '2024-03-10T04:59:30Z',
      '2024-03-10T04:55:10Z',
      '2024-03-10T03:00:00Z',
      '2024-03-09T10:00:00Z',
    ]) {
      const instant = new Date(iso);
      const seconds = relativeLabelValidFor(instant, now, 'WIB')!;
      const later = new Date(now.getTime() + Math.max(0, seconds - 1) * 1000);
      expect(formatRelative(instant, later, 'WIB', 'id')).toBe(formatRelative(instant, now, 'WIB', 'id'));
    }
  });
});

describe('joinNames', () => {
  test.each([
    [[], 'id', ''],
    [['A'], 'id', 'A'],
    [['A', 'B'], 'id', 'A dan B'],
    [['A', 'B', 'C'], 'id', 'A, B, dan C'],
    [['A', 'B', 'C', 'D'], 'id', 'A, B, C, dan D'],
    [['A', 'B'], 'en', 'A and B'],
    [[' A ', '', 'B'], 'id', 'A dan B'],
  ])('joins %j in %s as %p', (names, locale, expected) => {
    expect(joinNames(names, locale)).toBe(expected);
  });
});

describe('toZonedIso', () => {
  test.each([
    ['2023-10-27T10:33:00Z', 'WIB', '2023-10-27T17:33:00+07:00'],
    ['2023-10-27T10:33:00Z', 'WITA', '2023-10-27T18:33:00+08:00'],
    ['2023-12-31T15:30:05Z', 'WIT', '2024-01-01T00:30:05+09:00'],
  ] as const)('writes %s in %s as %s', (iso, zone, expected) => {
    expect(toZonedIso(new Date(iso), zone)).toBe(expected);
  });
});
