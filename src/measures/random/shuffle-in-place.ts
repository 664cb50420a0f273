/**
 * Fisher–Yates shuffle of an array in place, driven by a given uniform generator.
 *
 * @param values array to shuffle (modified)
 * @param rand uniform [0, 1) generator, e.g. from `seededRandom`
 * @returns the same array, shuffled
 * @example
 * shuffleInPlace([1, 2, 3], seededRandom(1)); // => a permutation of [1, 2, 3]
 */
export function shuffleInPlace<T>(values: T[], rand: () => number): T[] {
  for (let i = values.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    const tmp = values[i];
    values[i] = values[j];
    values[j] = tmp;
  }
  return values;
}
