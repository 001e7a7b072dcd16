/**
 * mulberry32: a small, fast seeded generator, good enough to pick words for a bench corpus or inputs for
 * the leak fuzzer. The same seed gives the same sequence, so a run is replayed exactly.
 */
function prng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n) => Math.floor(next() * n);
  const pick = (list) => list[int(list.length)];
  const chance = (p) => next() < p;
  // Sum of three uniforms: a cheap bell curve in [-1.5, 1.5].
  const bell = () => next() + next() + next() - 1.5;
  return { next, int, pick, chance, bell };
}

module.exports = { prng };
