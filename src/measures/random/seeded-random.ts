/**
 * A small, fast, seeded pseudo-random generator (mulberry32). soqa uses it for permutation
 * tests and Monte Carlo so that the same seed gives the same numbers on every machine.
 *
 * @param seed any integer (default 1); only its low 32 bits are used
 * @returns a function returning uniform numbers in [0, 1)
 * @example
 * const rand = seededRandom(42);
 * rand(); // => 0.6011037519201636 (always, for seed 42)
 */
export function seededRandom(seed = 1): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
