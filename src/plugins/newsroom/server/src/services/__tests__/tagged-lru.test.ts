import { taggedLru } from '../response-cache/tagged-lru';
import type { StoredEntry } from '../response-cache/types';

const entry = (key: string, tags: string[], bytes = 10): StoredEntry => ({
  key,
  status: 200,
  headers: { 'content-type': 'text/plain' },
  body: Buffer.alloc(bytes),
  tags: [...tags, 'all'],
  storedAt: Date.now(),
});

describe('taggedLru', () => {
  test('a purge drops exactly the entries carrying one of its tags', () => {
    const lru = taggedLru(1024 * 1024);
    const since = lru.clock();
    expect(lru.put('a', entry('a', ['doc:1']), 60_000, since)).toBe(true);
    expect(lru.put('b', entry('b', ['doc:2']), 60_000, since)).toBe(true);
    expect(lru.put('c', entry('c', ['doc:1', 'list:x']), 60_000, since)).toBe(true);
    lru.apply(['doc:1']);
    expect([lru.get('a'), lru.get('b')?.key, lru.get('c')]).toEqual([null, 'b', null]);
  });

  test.each([
    ['one of its tags', ['doc:1'], false],
    ['everything', ['all'], false],
    ['another document', ['doc:9'], true],
  ])('an entry read before a purge of %s is kept: %s', (_label, purged, kept) => {
    const lru = taggedLru(1024 * 1024);
    const since = lru.clock();
    lru.apply(purged);
    expect(lru.put('a', entry('a', ['doc:1']), 60_000, since)).toBe(kept);
    expect(lru.get('a') !== null).toBe(kept);
  });

  test('clear() drops everything and refuses what was read before it', () => {
    const lru = taggedLru(1024 * 1024);
    const since = lru.clock();
    lru.put('a', entry('a', ['doc:1']), 60_000, since);
    lru.clear();
    expect(lru.get('a')).toBeNull();
    expect(lru.put('b', entry('b', ['doc:2']), 60_000, since)).toBe(false);
    expect(lru.put('b', entry('b', ['doc:2']), 60_000, lru.clock())).toBe(true);
  });

  test('an entry over a quarter of the bound is not kept, and the bound holds', () => {
    const lru = taggedLru(4000);
    expect(lru.put('big', entry('big', ['doc:1'], 1500), 60_000, lru.clock())).toBe(false);
    for (let i = 0; i < 20; i += 1) lru.put(`e${i}`, entry(`e${i}`, ['doc:1'], 500), 60_000, lru.clock());
    expect(lru.stats().bytes).toBeLessThanOrEqual(4000);
    expect(lru.stats().entries).toBeGreaterThan(0);
  });
});
