import { compareDue, isDue } from '../order';

describe('compareDue: the catch-up order', () => {
  test('after downtime, schedule work goes first, in the order it fell due, then the related backlog', () => {
    const due = [
      { id: 1, priority: 100, runAt: 1_000 }, // a related recomputation queued before the outage
      { id: 7, priority: 10, runAt: 5_000 }, // the 05:10 story
      { id: 3, priority: 10, runAt: 3_000 }, // the 05:00 story
      { id: 9, priority: 10, runAt: 3_000 }, // another 05:00 story, scheduled after the first
      { id: 4, priority: 100, runAt: 900 },
    ];
    expect([...due].sort(compareDue).map((job) => job.id)).toEqual([3, 9, 7, 4, 1]);
  });

  test.each([
    [{ id: 2, priority: 10, runAt: 10 }, { id: 1, priority: 10, runAt: 20 }, -1],
    [{ id: 2, priority: 10, runAt: 10 }, { id: 1, priority: 10, runAt: 10 }, 1],
    [{ id: 1, priority: 100, runAt: 1 }, { id: 2, priority: 10, runAt: 99 }, 1],
  ])('%p against %p', (a, b, sign) => {
    expect(Math.sign(compareDue(a, b))).toBe(sign);
  });
});

describe('isDue', () => {
  test.each([
    [999, 1_000, true],
    [1_000, 1_000, true],
    [1_001, 1_000, false],
  ])('a job for %p is due at %p: %p', (runAt, now, due) => {
    expect(isDue({ runAt }, now)).toBe(due);
  });
});
