import { MULBERRY32_STEP, mulberry32 } from './internal/mulberry32.js';

/** A seeded shuffler of typed arrays, see {@link seededShuffler}. */
export interface SeededShuffler {
  /** Shuffles `values` in place (Fisher–Yates) and returns it. */
  shuffle(values: Float64Array): Float64Array;
}

/**
 * A seeded Fisher–Yates shuffler for the inner loop of permutation tests: each call to
 * `shuffle` moves the values exactly as `shuffleInPlace(values, rand)` would with
 * `rand = seededRandom(seed)` made once (the same numbers drawn in the same order), about
 * twice as fast on a `Float64Array`, since the generator's state stays in a local variable.
 *
 * @param seed any integer (default 1); only its low 32 bits are used
 * @returns a shuffler whose successive calls continue one stream of numbers
 * @example
 * const a = seededShuffler(1).shuffle(Float64Array.of(1, 2, 3, 4));
 * const b = shuffleInPlace([1, 2, 3, 4], seededRandom(1));
 * [...a].join() === b.join(); // => true
 */
export function seededShuffler(seed = 1): SeededShuffler {
  let state = seed >>> 0;
  return {
    shuffle(values: Float64Array): Float64Array {
      let a = state;
      for (let i = values.length - 1; i > 0; i--) {
        a = (a + MULBERRY32_STEP) >>> 0;
        const j = Math.floor(mulberry32(a) * (i + 1));
        const tmp = values[i];
        values[i] = values[j];
        values[j] = tmp;
      }
      state = a;
      return values;
    },
  };
}
