/** The increment of mulberry32's state per number drawn. */
export const MULBERRY32_STEP = 0x6d2b79f5;

/**
 * mulberry32's output for one state (already advanced by {@link MULBERRY32_STEP}): a uniform
 * number in [0, 1). Shared by `seededRandom` and `seededShuffler`, so both draw the same
 * numbers from the same seed.
 *
 * @param state the generator's 32-bit state after the step
 * @returns a number in [0, 1)
 * @example
 * mulberry32((42 + MULBERRY32_STEP) >>> 0); // => 0.6011037519201636 (the first number of seed 42)
 */
export function mulberry32(state: number): number {
  let t = Math.imul(state ^ (state >>> 15), state | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
