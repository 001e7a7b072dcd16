import { formatScheduleInstant, scheduleBadge, shortScheduleTime, zoneOf } from '../labels';

// 2023-10-26T22:00:00Z is Jumat 27 Oktober 05:00 WIB, 06:00 WITA, 07:00 WIT.
const MORNING = new Date('2023-10-26T22:00:00Z');
const EARLIER_THAT_DAY = new Date('2023-10-26T18:00:00Z'); // 01:00 WIB the same Friday

describe('formatScheduleInstant', () => {
  test.each([
    ['WIB', 'id', 'Jumat, 27 Oktober 2023 05:00 WIB'],
    ['WITA', 'id', 'Jumat, 27 Oktober 2023 06:00 WITA'],
    ['WIT', 'id', 'Jumat, 27 Oktober 2023 07:00 WIT'],
    ['WIB', 'en', 'Friday, 27 October 2023 05:00 WIB'],
    ['WITA', 'en', 'Friday, 27 October 2023 06:00 WITA'],
  ] as const)('prints the time in %s (%s)', (zone, locale, expected) => {
    expect(formatScheduleInstant(MORNING, zone, locale)).toBe(expected);
  });

  test('a time past midnight in WIT is the next day there', () => {
    // 16:30 UTC is 23:30 WIB on the 27th but 01:30 WIT on the 28th.
    const late = new Date('2023-10-27T16:30:00Z');
    expect(formatScheduleInstant(late, 'WIB')).toBe('Jumat, 27 Oktober 2023 23:30 WIB');
    expect(formatScheduleInstant(late, 'WIT')).toBe('Sabtu, 28 Oktober 2023 01:30 WIT');
  });
});

describe('shortScheduleTime', () => {
  test.each([
    ['the same day', EARLIER_THAT_DAY, 'WIB', '05:00 WIB'],
    ['the same day in WITA', EARLIER_THAT_DAY, 'WITA', '06:00 WITA'],
    ['the day before', new Date('2023-10-25T22:00:00Z'), 'WIB', '27 Okt 05:00 WIB'],
    ['another year', new Date('2022-12-30T22:00:00Z'), 'WIT', '27 Okt 2023 07:00 WIT'],
  ] as const)('on %s prints %p', (_case, now, zone, expected) => {
    expect(shortScheduleTime(MORNING, zone, now)).toBe(expected);
  });
});

describe('scheduleBadge', () => {
  test.each([
    ['a coming publish', { publishAt: MORNING }, EARLIER_THAT_DAY, 'WIB', 'id', 'scheduled', 'Terjadwal 05:00 WIB'],
    [
      'a coming publish in WITA',
      { publishAt: MORNING },
      EARLIER_THAT_DAY,
      'WITA',
      'id',
      'scheduled',
      'Terjadwal 06:00 WITA',
    ],
    ['in English', { publishAt: MORNING }, EARLIER_THAT_DAY, 'WIT', 'en', 'scheduled', 'Scheduled 07:00 WIT'],
    [
      'a publish due 30 s ago (the scheduler still has time)',
      { publishAt: MORNING },
      new Date(MORNING.getTime() + 30_000),
      'WIB',
      'id',
      'scheduled',
      'Terjadwal 05:00 WIB',
    ],
    [
      'a publish that should have gone out',
      { publishAt: MORNING },
      new Date(MORNING.getTime() + 5 * 60_000),
      'WIB',
      'id',
      'overdue',
      'Jadwal lewat 05:00 WIB',
    ],
    ['only an unpublish', { unpublishAt: MORNING }, EARLIER_THAT_DAY, 'WIB', 'id', 'unpublishing', 'Tarik 05:00 WIB'],
  ] as const)('%s', (_case, schedule, now, zone, locale, state, label) => {
    expect(scheduleBadge(schedule, zone, now, locale)).toEqual({ state, label });
  });

  test('no schedule, no badge', () => {
    expect(scheduleBadge({ publishAt: null, unpublishAt: null }, 'WIB', MORNING)).toBeNull();
  });
});

describe('zoneOf', () => {
  test.each([
    ['WITA', 'WITA'],
    [null, 'WIB'],
    ['CET', 'WIB'],
  ])('reads %p as %p', (value, zone) => {
    expect(zoneOf(value)).toBe(zone);
  });
});
