import { checkMatrix } from './internal/check-matrix.js';
import { checkWeights } from './internal/check-weights.js';
import { measureError } from '../measure-error.js';

/** Options of {@link obstacleDegree}. */
export interface ObstacleOptions {
  /**
   * divide each unit's row by its sum so that the obstacle degrees of a unit add up to 1,
   * the usual percentage obstacle degree (default true); false gives the unscaled
   * w_j(1 − x'_ij) (mathmodels `obstacle_degree` default)
   */
  scaled?: boolean;
}

/**
 * Obstacle degree: which indicators hold a unit back most. Factor contribution F_j = w_j,
 * deviation I_ij = 1 − x'_ij, O_ij = F_j I_ij / Σ_j F_j I_ij (scaled) or F_j I_ij (unscaled).
 *
 * Weights are used as given. A missing value (NaN) gives NaN in its cell and is left out of
 * the unit's row sum. A unit at the ideal on every indicator (row sum 0) gets all zeros,
 * never NaN.
 *
 * @param normalizedMatrix rows = units, columns = indicators, values on [0, 1]; NaN = missing
 * @param weights one non-negative weight per column, positive sum
 * @param options `scaled` (default true)
 * @returns units × indicators matrix of obstacle degrees
 * @throws MeasureError `E_MEASURE_INPUT` on an empty/ragged matrix, a value outside [0, 1] or bad weights
 * @example
 * obstacleDegree([[0.5, 1, 0], [1, 1, 1]], [0.5, 0.25, 0.25]);
 * // => [[0.5, 0, 0.5], [0, 0, 0]]
 */
export function obstacleDegree(
  normalizedMatrix: readonly (readonly number[])[],
  weights: readonly number[],
  options: ObstacleOptions = {},
): number[][] {
  const name = 'obstacleDegree';
  const { scaled = true } = options;
  const { cols } = checkMatrix(name, normalizedMatrix, { nonNegative: true });
  checkWeights(name, weights, cols);
  normalizedMatrix.forEach((row, i) =>
    row.forEach((v, j) => {
      if (v > 1)
        throw measureError(name, `value at row ${i}, column ${j} is ${v} > 1; pass a matrix normalised onto [0, 1]`);
    }),
  );
  return normalizedMatrix.map((row) => {
    const raw = row.map((x, j) => (Number.isNaN(x) ? NaN : weights[j] * (1 - x)));
    if (!scaled) return raw;
    const total = raw.reduce((s, o) => (Number.isNaN(o) ? s : s + o), 0);
    return raw.map((o) => (Number.isNaN(o) ? NaN : total === 0 ? 0 : o / total));
  });
}
