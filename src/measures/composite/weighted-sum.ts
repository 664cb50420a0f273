import { checkMatrix } from './internal/check-matrix.js';
import { checkWeights } from './internal/check-weights.js';
import { measureError } from '../measure-error.js';

/** Options of {@link weightedSum}. */
export interface WeightedSumOptions {
  /**
   * missing values (default `'propagate'`): `'propagate'` gives NaN to a unit with any
   * missing indicator of positive weight; `'reweight'` scales the available part up,
   * Σ_avail w_j x_ij × (Σ_all w / Σ_avail w) (like COINr's mean with NA removed), and gives
   * NaN only when no indicator of positive weight is available
   */
  missing?: 'propagate' | 'reweight';
}

/**
 * Composite score per unit as the weighted sum Σ_j w_j x'_ij of a normalised matrix
 * (linear additive aggregation). The weights are used as given (not rescaled to sum to 1),
 * so multiply by 100 yourself for the "score × 100" papers.
 *
 * @param normalizedMatrix rows = units, columns = indicators; NaN = missing
 * @param weights one non-negative weight per column, positive sum
 * @param options `missing` (default `'propagate'`)
 * @returns one score per unit
 * @throws MeasureError `E_MEASURE_INPUT` on an empty/ragged matrix, a non-finite value or bad weights
 * @example
 * weightedSum([[1, 0], [0.5, 0.5]], [0.25, 0.75]); // => [0.25, 0.5]
 * weightedSum([[1, NaN]], [0.25, 0.75], { missing: 'reweight' }); // => [1]
 */
export function weightedSum(
  normalizedMatrix: readonly (readonly number[])[],
  weights: readonly number[],
  options: WeightedSumOptions = {},
): number[] {
  return weightedSums(normalizedMatrix, options)(weights);
}

/**
 * {@link weightedSum} of one matrix under many weight vectors (a Monte Carlo over the
 * weights): the option and the matrix are checked once, here; each weight vector when it is
 * given. The same scores as `weightedSum(matrix, weights, options)`.
 *
 * @param normalizedMatrix rows = units, columns = indicators; NaN = missing
 * @param options `missing` (default `'propagate'`)
 * @returns the scores of the matrix under a weight vector (one non-negative weight per column, positive sum)
 * @throws MeasureError `E_MEASURE_INPUT` on an empty/ragged matrix or a non-finite value (here), or bad weights (when called)
 * @example
 * const scoresUnder = weightedSums([[1, 0], [0.5, 0.5]]);
 * scoresUnder([0.25, 0.75]); // => [0.25, 0.5]
 * scoresUnder([1, 0]); // => [1, 0.5]
 */
export function weightedSums(
  normalizedMatrix: readonly (readonly number[])[],
  options: WeightedSumOptions = {},
): (weights: readonly number[]) => number[] {
  const name = 'weightedSum';
  const { missing = 'propagate' } = options;
  if (missing !== 'propagate' && missing !== 'reweight') {
    throw measureError(name, `missing must be 'propagate' or 'reweight', got ${String(missing)}`);
  }
  const { cols } = checkMatrix(name, normalizedMatrix);
  return (weights) => {
    const wTotal = checkWeights(name, weights, cols);
    return normalizedMatrix.map((row) => {
      let s = 0;
      let wAvail = 0;
      for (let j = 0; j < cols; j++) {
        if (weights[j] === 0) continue;
        if (Number.isNaN(row[j])) {
          if (missing === 'propagate') return NaN;
          continue;
        }
        s += weights[j] * row[j];
        wAvail += weights[j];
      }
      if (wAvail === 0) return NaN;
      return missing === 'reweight' && wAvail !== wTotal ? (s * wTotal) / wAvail : s;
    });
  };
}
