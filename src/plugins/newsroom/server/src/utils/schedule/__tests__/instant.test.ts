import { parseInstant, storedInstant } from '../instant';

describe('parseInstant', () => {
  test.each([
    ['2024-10-27T05:00:00+07:00', '2024-10-26T22:00:00.000Z'],
    ['2024-10-27T05:00:00+08:00', '2024-10-26T21:00:00.000Z'],
    ['2024-10-27T05:00:00+09:00', '2024-10-26T20:00:00.000Z'],
    ['2024-10-26T22:00:00.000Z', '2024-10-26T22:00:00.000Z'],
    ['2024-10-26T22:00Z', '2024-10-26T22:00:00.000Z'],
    ['2024-10-27T05:00:00.5+0700', '2024-10-26T22:00:00.500Z'],
    ['2024-02-29T12:00:00Z', '2024-02-29T12:00:00.000Z'],
  ])('reads %p as the instant %p', (text, iso) => {
    const parsed = parseInstant(text);
    expect(parsed.ok && parsed.value?.toISOString()).toBe(iso);
  });

  test.each([
    ['a date without a zone', '2024-10-27T05:00:00'],
    ['a date alone', '2024-10-27'],
    ['31 February', '2024-02-31T05:00:00+07:00'],
    ['29 February of a common year', '2023-02-29T05:00:00+07:00'],
    ['month 13', '2024-13-01T05:00:00Z'],
    ['hour 24', '2024-10-27T24:00:00Z'],
    ['minute 60', '2024-10-27T05:60:00Z'],
    ['an offset past +14', '2024-10-27T05:00:00+15:00'],
    ['words', 'besok pagi'],
    ['a number', 1700000000000],
    ['an object', { date: '2024-10-27' }],
    ['an invalid Date', new Date('x')],
  ])('refuses %s', (_case, value) => {
    expect(parseInstant(value).ok).toBe(false);
  });

  test.each([null, ''])('reads %p as clearing the field', (value) => {
    expect(parseInstant(value)).toEqual({ ok: true, value: null });
  });
});

describe('storedInstant', () => {
  test.each([
    [new Date('2024-10-26T22:00:00Z'), '2024-10-26T22:00:00.000Z'],
    ['2024-10-26T22:00:00.000Z', '2024-10-26T22:00:00.000Z'],
    [1729980000000, '2024-10-26T22:00:00.000Z'],
    ['1729980000000', '2024-10-26T22:00:00.000Z'],
  ])('reads what a database returns (%p)', (value, iso) => {
    expect(storedInstant(value)?.toISOString()).toBe(iso);
  });

  test.each([null, undefined, '', 'garbage'])('gives null for %p', (value) => {
    expect(storedInstant(value)).toBeNull();
  });
});
