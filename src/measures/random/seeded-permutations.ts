import { seededShuffler } from './seeded-shuffler.js';

/** Most entries (permutations × units) kept from one call to the next: 4 Mi Int32 values, 16 MiB. */
const MAX_KEPT = 1 << 22;

/** The permutations made last, kept for the next call with the same seed and number of units. */
let kept: { seed: number; n: number; rows: Int32Array } | null = null;

/**
 * The successive arrangements a {@link seededShuffler} gives an array of `n` values, as
 * indices: row k (entries `k·n` to `k·n + n − 1`) holds, for each position, the index of
 * the original value found there after k + 1 calls to `shuffle` on the same array. They
 * depend only on the seed and `n`, so a series of permutation tests over the same units (a
 * spatial statistic year after year) draws them once: the last table (up to 4 Mi entries)
 * is kept for the next call with the same seed and `n`, and a longer one extends it.
 *
 * @param seed the shuffler's seed (only its low 32 bits are used)
 * @param n the number of values permuted
 * @param count the number of arrangements
 * @returns `count × n` indices, or null when that is more than 4 Mi entries (then shuffle as you go)
 * @throws never
 * @example
 * const rows = seededPermutations(1, 4, 2);
 * const values = Float64Array.of(10, 11, 12, 13);
 * const s = seededShuffler(1);
 * [...s.shuffle(values)].join() === [...rows.subarray(0, 4)].map((i) => 10 + i).join(); // => true
 * [...s.shuffle(values)].join() === [...rows.subarray(4, 8)].map((i) => 10 + i).join(); // => true
 */
export function seededPermutations(seed: number, n: number, count: number): Int32Array | null {
  if (n * count > MAX_KEPT) return null;
  if (kept !== null && kept.seed === seed >>> 0 && kept.n === n && kept.rows.length >= n * count)
    return kept.rows.subarray(0, n * count);
  const shuffler = seededShuffler(seed);
  const at = Float64Array.from({ length: n }, (_x, i) => i);
  const rows = new Int32Array(n * count);
  for (let k = 0; k < count; k++) rows.set(shuffler.shuffle(at), k * n);
  kept = { seed: seed >>> 0, n, rows };
  return rows;
}
