import { instantOfZonedInput, zonedInputOf } from '../zoned-input';

describe('the edit view schedule inputs', () => {
  test.each([
    ['WIB', { date: '2023-10-27', time: '05:00' }, '2023-10-26T22:00:00.000Z'],
    ['WITA', { date: '2023-10-27', time: '05:00' }, '2023-10-26T21:00:00.000Z'],
    ['WIT', { date: '2023-10-27', time: '05:00' }, '2023-10-26T20:00:00.000Z'],
    ['WIT', { date: '2024-01-01', time: '00:30' }, '2023-12-31T15:30:00.000Z'],
  ] as const)('%s: %p is the instant %p, and reads back the same', (zone, input, iso) => {
    const instant = instantOfZonedInput(input, zone);
    expect(instant?.toISOString()).toBe(iso);
    expect(zonedInputOf(instant!, zone)).toEqual(input);
  });

  test.each([
    [{ date: '', time: '05:00' }],
    [{ date: '2023-10-27', time: '' }],
    [{ date: '2023-02-30', time: '05:00' }],
    [{ date: '2023-10-27', time: '25:00' }],
  ])('an incomplete or impossible input %p is no instant yet', (input) => {
    expect(instantOfZonedInput(input, 'WIB')).toBeNull();
  });

  test('the same instant reads as a different wall time in each zone', () => {
    const instant = new Date('2023-10-27T16:30:00Z');
    expect(zonedInputOf(instant, 'WIB')).toEqual({ date: '2023-10-27', time: '23:30' });
    expect(zonedInputOf(instant, 'WIT')).toEqual({ date: '2023-10-28', time: '01:30' });
  });
});
