import { checkDirections } from './internal/check-directions.js';
import { checkMatrix } from './internal/check-matrix.js';
import { checkWeights } from './internal/check-weights.js';
import { measureError } from '../measure-error.js';
import { minMaxNormalize } from './min-max-normalize.js';
import type { Direction } from './types.js';
import { vectorNormalize } from './vector-normalize.js';

/** Options of {@link topsis}. */
export interface TopsisOptions {
  /**
   * normalisation (default `'vector'`): `'vector'` is x / sqrt(Σ x²) per column (Hwang &
   * Yoon, mathmodels, pyrepo-mcda), with the ideal point at the column maximum of a positive
   * column and the minimum of a negative one; `'minmax'` is direction-aware min–max (pymcdm
   * default), after which every column is positive and the ideal is the column maximum
   */
  normalization?: 'vector' | 'minmax';
}

/** Result of {@link topsis}. */
export interface TopsisResult {
  /** relative closeness C_i = D⁻/(D⁺ + D⁻) on [0, 1]; higher is better */
  closeness: number[];
  /** Euclidean distance of each unit to the ideal (best) point */
  dPlus: number[];
  /** Euclidean distance of each unit to the anti-ideal (worst) point */
  dMinus: number[];
}

/**
 * TOPSIS: normalise, multiply each column by its weight (v_ij = w_j r_ij), take the ideal
 * and anti-ideal value of every column, Euclidean distances D⁺ and D⁻, and closeness
 * C = D⁻/(D⁺ + D⁻).
 *
 * Weights are used as given (not rescaled). Missing values are not allowed. Defined edge
 * cases, never NaN: a constant (min–max) or all-zero (vector) column contributes 0 to both
 * distances; a unit with D⁺ + D⁻ = 0 (all units identical) gets closeness 0.5.
 *
 * @param matrix rows = units, columns = indicators (raw values, e.g. after
 *   `centredTransform`/`intervalTransform`); no NaN
 * @param weights one non-negative weight per column, positive sum
 * @param directions one per column: 1 positive (benefit), −1 negative (cost)
 * @param options `normalization` (default `'vector'`)
 * @returns closeness, dPlus and dMinus, one per unit
 * @throws MeasureError `E_MEASURE_INPUT` on an empty/ragged matrix, a missing or non-finite
 *   value, bad weights or directions, or an unknown normalisation
 * @example
 * topsis([[2, 8], [5, 1], [3, 6]], [0.6, 0.4], [1, -1]).closeness;
 * // => [0, 1, 0.311139121438874]
 */
export function topsis(
  matrix: readonly (readonly number[])[],
  weights: readonly number[],
  directions: readonly Direction[],
  options: TopsisOptions = {},
): TopsisResult {
  const name = 'topsis';
  const { normalization = 'vector' } = options;
  if (normalization !== 'vector' && normalization !== 'minmax') {
    throw measureError(name, `normalization must be 'vector' or 'minmax', got ${String(normalization)}`);
  }
  const { cols } = checkMatrix(name, matrix, { allowNaN: false });
  checkWeights(name, weights, cols);
  checkDirections(name, directions, cols);
  const normalized =
    normalization === 'vector' ? vectorNormalize(matrix).matrix : minMaxNormalize(matrix, directions).matrix;
  const v = normalized.map((row) => row.map((x, j) => x * weights[j]));
  const best: number[] = [];
  const worst: number[] = [];
  for (let j = 0; j < cols; j++) {
    const col = v.map((row) => row[j]);
    const hi = Math.max(...col);
    const lo = Math.min(...col);
    const positive = normalization === 'minmax' || directions[j] === 1;
    best.push(positive ? hi : lo);
    worst.push(positive ? lo : hi);
  }
  const dPlus = v.map((row) => Math.sqrt(row.reduce((s, x, j) => s + (x - best[j]) ** 2, 0)));
  const dMinus = v.map((row) => Math.sqrt(row.reduce((s, x, j) => s + (x - worst[j]) ** 2, 0)));
  const closeness = dPlus.map((dp, i) => {
    const total = dp + dMinus[i];
    return total === 0 ? 0.5 : dMinus[i] / total;
  });
  return { closeness, dPlus, dMinus };
}
