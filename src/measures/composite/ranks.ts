import { measureError } from '../measure-error.js';

/** Options of {@link ranks}. */
export interface RanksOptions {
  /** rank 1 goes to the highest score (default true); false gives rank 1 to the lowest */
  descending?: boolean;
  /**
   * tie rule (default `'average'`): `'average'` gives tied scores the mean of the ranks they
   * span (R `rank(ties.method = "average")`), `'min'` gives them the best of those ranks
   * (competition ranking "1, 2, 2, 4")
   */
  ties?: 'average' | 'min';
}

/**
 * Rank scores (e.g. composite scores or TOPSIS closeness) from 1.
 *
 * Missing scores (NaN) get rank NaN and are left out, so the others are ranked 1..k among
 * the k available scores.
 *
 * @param scores one score per unit; NaN = missing
 * @param options `descending` (default true), `ties` (default `'average'`)
 * @returns one rank per unit, in input order
 * @throws MeasureError `E_MEASURE_INPUT` when a score is not a number or is ±Infinity
 * @example
 * ranks([0.2, 0.9, 0.5, 0.9]); // => [4, 1.5, 3, 1.5]
 * ranks([0.2, 0.9, 0.5, 0.9], { ties: 'min' }); // => [4, 1, 3, 1]
 */
export function ranks(scores: readonly number[], options: RanksOptions = {}): number[] {
  const { descending = true, ties = 'average' } = options;
  if (!Array.isArray(scores)) throw measureError('ranks', 'scores must be an array of numbers');
  const idx: number[] = [];
  scores.forEach((s, i) => {
    if (typeof s !== 'number' || (!Number.isNaN(s) && !Number.isFinite(s))) {
      throw measureError('ranks', `score ${i} must be a finite number or NaN, got ${String(s)}`);
    }
    if (!Number.isNaN(s)) idx.push(i);
  });
  idx.sort((a, b) => (descending ? scores[b] - scores[a] : scores[a] - scores[b]) || a - b);
  const out = scores.map(() => NaN);
  let k = 0;
  while (k < idx.length) {
    let end = k;
    while (end + 1 < idx.length && scores[idx[end + 1]] === scores[idx[k]]) end++;
    // positions k..end (0-based) hold tied scores: ranks k+1 .. end+1
    const r = ties === 'min' ? k + 1 : (k + 1 + end + 1) / 2;
    for (let t = k; t <= end; t++) out[idx[t]] = r;
    k = end + 1;
  }
  return out;
}
