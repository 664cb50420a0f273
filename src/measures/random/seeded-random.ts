import { MULBERRY32_STEP, mulberry32 } from './internal/mulberry32.js';

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
    a = (a + MULBERRY32_STEP) >>> 0;
    return mulberry32(a);
  };
}
