import { describe, expect, it } from 'vitest';
import { seededPermutations } from '../../../src/measures/random/seeded-permutations.js';
import { seededShuffler } from '../../../src/measures/random/seeded-shuffler.js';

// The reference is seededShuffler itself: row k must be the arrangement after k + 1 calls
// to shuffle on one array (each value is its own original index, so the array read after
// each call is the row expected).
function shuffledRows(seed: number, n: number, count: number): number[][] {
  const s = seededShuffler(seed);
  const a = Float64Array.from({ length: n }, (_x, i) => i);
  return Array.from({ length: count }, () => [...s.shuffle(a)]);
}
const rowsOf = (t: Int32Array, n: number): number[][] =>
  Array.from({ length: t.length / n }, (_x, k) => [...t.subarray(k * n, k * n + n)]);

describe('seededPermutations', () => {
  it('gives the arrangements of successive shuffles, for several seeds and sizes', () => {
    for (const [seed, n, count] of [
      [1, 4, 5],
      [42, 51, 30],
      [20261207, 2, 3],
      [-7, 13, 10],
    ])
      expect(rowsOf(seededPermutations(seed, n, count)!, n)).toEqual(shuffledRows(seed, n, count));
  });

  it('answers a shorter or longer series after a first one with the same rows', () => {
    const long = rowsOf(seededPermutations(9, 12, 40)!, 12);
    expect(rowsOf(seededPermutations(9, 12, 10)!, 12)).toEqual(long.slice(0, 10));
    expect(rowsOf(seededPermutations(9, 12, 60)!, 12)).toEqual(shuffledRows(9, 12, 60));
    // another seed or size is not confused with the kept table
    expect(rowsOf(seededPermutations(10, 12, 10)!, 12)).toEqual(shuffledRows(10, 12, 10));
    expect(rowsOf(seededPermutations(9, 11, 10)!, 11)).toEqual(shuffledRows(9, 11, 10));
  });

  it('returns null past 4 Mi entries (the caller shuffles as it goes)', () => {
    expect(seededPermutations(1, 3000, 9999)).toBeNull();
    expect(seededPermutations(1, 419, 9999)).not.toBeNull(); // 4,189,581 entries
  });
});
