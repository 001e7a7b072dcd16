import { checkSchedule, embargoRefusal, EMPTY_SCHEDULE, touchesSchedule } from '../rules';

// Thursday 26 October 2023, 20:00 WIB.
const NOW = new Date('2023-10-26T13:00:00Z');
const at = (iso: string) => new Date(iso);

describe('checkSchedule', () => {
  test.each([
    ['a publish tomorrow morning WIB', { publishAt: '2023-10-27T05:00:00+07:00' }, 'WIB'],
    ['a publish tomorrow morning WITA', { publishAt: '2023-10-27T05:00:00+08:00' }, 'WITA'],
    ['a publish tomorrow morning WIT', { publishAt: '2023-10-27T05:00:00+09:00' }, 'WIT'],
    [
      'a publish and an unpublish after it',
      { publishAt: '2023-10-27T05:00:00+07:00', unpublishAt: '2023-10-28T00:00:00+07:00' },
      'WIB',
    ],
    [
      'a publish exactly when the embargo lifts',
      { publishAt: '2023-10-27T05:00:00+07:00', embargoUntil: '2023-10-27T05:00:00+07:00' },
      'WIB',
    ],
    ['an embargo alone', { embargoUntil: '2023-10-27T05:00:00+09:00' }, 'WIT'],
    ['clearing every field', { publishAt: null, unpublishAt: '', embargoUntil: null }, 'WIB'],
  ] as const)('accepts %s', (_case, data, zone) => {
    expect(checkSchedule(data, EMPTY_SCHEDULE, NOW, zone).problems).toEqual([]);
  });

  test.each([
    [
      'a publish in the past, printed in WIB',
      { publishAt: '2023-10-26T05:00:00+07:00' },
      'WIB',
      'publishAt',
      'Terbitkan pada Kamis, 26 Oktober 2023 05:00 WIB sudah lewat; pilih waktu yang akan datang. (Publish at Thursday, 26 October 2023 05:00 WIB is in the past: choose a time to come.)',
    ],
    [
      'a publish in the past, printed in WITA',
      { publishAt: '2023-10-26T05:00:00+07:00' },
      'WITA',
      'publishAt',
      'Terbitkan pada Kamis, 26 Oktober 2023 06:00 WITA sudah lewat; pilih waktu yang akan datang. (Publish at Thursday, 26 October 2023 06:00 WITA is in the past: choose a time to come.)',
    ],
    [
      'an unpublish in the past, printed in WIT',
      { unpublishAt: '2023-10-26T20:00:00+09:00' },
      'WIT',
      'unpublishAt',
      'Tarik pada Kamis, 26 Oktober 2023 20:00 WIT sudah lewat; pilih waktu yang akan datang. (Unpublish at Thursday, 26 October 2023 20:00 WIT is in the past: choose a time to come.)',
    ],
    [
      'a publish exactly now',
      { publishAt: NOW.toISOString() },
      'WIB',
      'publishAt',
      'Terbitkan pada Kamis, 26 Oktober 2023 20:00 WIB sudah lewat; pilih waktu yang akan datang. (Publish at Thursday, 26 October 2023 20:00 WIB is in the past: choose a time to come.)',
    ],
    [
      'an unpublish before the publish',
      { publishAt: '2023-10-27T05:00:00+08:00', unpublishAt: '2023-10-27T04:00:00+08:00' },
      'WITA',
      'unpublishAt',
      'Tarik pada Jumat, 27 Oktober 2023 04:00 WITA harus setelah Terbitkan pada Jumat, 27 Oktober 2023 05:00 WITA. (Unpublish at Friday, 27 October 2023 04:00 WITA must come after publish at Friday, 27 October 2023 05:00 WITA.)',
    ],
    [
      'an unpublish at the same time as the publish',
      { publishAt: '2023-10-27T05:00:00+07:00', unpublishAt: '2023-10-27T05:00:00+07:00' },
      'WIB',
      'unpublishAt',
      'Tarik pada Jumat, 27 Oktober 2023 05:00 WIB harus setelah Terbitkan pada Jumat, 27 Oktober 2023 05:00 WIB. (Unpublish at Friday, 27 October 2023 05:00 WIB must come after publish at Friday, 27 October 2023 05:00 WIB.)',
    ],
    [
      'a publish a minute before the embargo lifts',
      { publishAt: '2023-10-27T04:59:00+09:00', embargoUntil: '2023-10-27T05:00:00+09:00' },
      'WIT',
      'publishAt',
      "Terbitkan pada Jumat, 27 Oktober 2023 04:59 WIT jatuh sebelum embargo berakhir (Jumat, 27 Oktober 2023 05:00 WIT); paling cepat tepat saat embargo berakhir. (Publish at Friday, 27 October 2023 04:59 WIT is before the embargo ends at Friday, 27 October 2023 05:00 WIT: the earliest is the embargo's end.)",
    ],
    [
      'a malformed date',
      { publishAt: '27/10/2023 05:00' },
      'WIB',
      'publishAt',
      'Terbitkan pada bukan tanggal dan jam yang sah; tulis lengkap dengan zonanya, misalnya 2024-10-27T05:00:00+07:00. (Publish at is not a valid date and time: give it with its offset, e.g. 2024-10-27T05:00:00+07:00.)',
    ],
    [
      'a malformed embargo',
      { embargoUntil: 'besok' },
      'WIB',
      'embargoUntil',
      'Embargo hingga bukan tanggal dan jam yang sah; tulis lengkap dengan zonanya, misalnya 2024-10-27T05:00:00+07:00. (Embargo until is not a valid date and time: give it with its offset, e.g. 2024-10-27T05:00:00+07:00.)',
    ],
  ] as const)('refuses %s', (_case, data, zone, path, message) => {
    expect(checkSchedule(data, EMPTY_SCHEDULE, NOW, zone).problems).toEqual([{ path, message }]);
  });

  test('a stored time that has come due is no problem when the write leaves it as it is', () => {
    const stored = { ...EMPTY_SCHEDULE, publishAt: at('2023-10-26T12:59:50Z') };
    expect(checkSchedule({ publishAt: '2023-10-26T12:59:50.000Z' }, stored, NOW, 'WIB').problems).toEqual([]);
  });

  test('moving an embargo past a stored publish time is refused', () => {
    const stored = { ...EMPTY_SCHEDULE, publishAt: at('2023-10-27T05:00:00+07:00') };
    const { problems } = checkSchedule({ embargoUntil: '2023-10-27T06:00:00+07:00' }, stored, NOW, 'WIB');
    expect(problems.map((problem) => problem.path)).toEqual(['publishAt']);
  });

  test('returns the schedule the write leaves, stored values kept where the write is silent', () => {
    const stored = { ...EMPTY_SCHEDULE, embargoUntil: at('2023-10-27T05:00:00+07:00') };
    const { schedule } = checkSchedule({ publishAt: '2023-10-27T05:00:00+07:00' }, stored, NOW, 'WIB');
    expect(schedule).toEqual({
      publishAt: at('2023-10-26T22:00:00Z'),
      unpublishAt: null,
      embargoUntil: at('2023-10-26T22:00:00Z'),
    });
  });
});

describe('embargoRefusal', () => {
  const until = at('2023-10-27T05:00:00+08:00');
  test.each([
    ['a minute before the embargo lifts', at('2023-10-27T04:59:00+08:00'), true],
    ['a millisecond before', new Date(until.getTime() - 1), true],
    ['the instant it lifts', until, false],
    ['after it lifted', at('2023-10-28T00:00:00+08:00'), false],
  ])('%s: refused %p', (_case, now, refused) => {
    expect(embargoRefusal(until, now, 'WITA') !== null).toBe(refused);
  });

  test('says until when, in the article zone, in both languages', () => {
    expect(embargoRefusal(until, NOW, 'WITA')).toBe(
      'Artikel ini diembargo hingga Jumat, 27 Oktober 2023 05:00 WITA; belum boleh diterbitkan. (This article is embargoed until Friday, 27 October 2023 05:00 WITA: it cannot be published yet.)'
    );
  });

  test('no embargo, no refusal', () => {
    expect(embargoRefusal(null, NOW, 'WIB')).toBeNull();
  });
});

describe('touchesSchedule', () => {
  test.each([
    [{ title: 'x' }, false],
    [{ publishAt: null }, true],
    [{ embargoUntil: '2023-10-27T05:00:00Z' }, true],
    [undefined, false],
  ])('%p → %p', (data, touches) => {
    expect(touchesSchedule(data)).toBe(touches);
  });
});
