import { checkValues } from './internal/check-values.js';
import { measureError } from '../measure-error.js';

/** Options of {@link gini}. */
export interface GiniOptions {
  /**
   * Multiply by n/(n−1) (R ineq `Gini(x, corr = TRUE)`, REAT `coefnorm = TRUE`), so that
   * "everything in one unit" gives 1. Default false. Not combinable with `weights`.
   */
  corrected?: boolean;
  /**
   * Non-negative frequency weights, one per value (e.g. population of each class or region).
   * The weighted Gini is Σᵢ Σⱼ wᵢwⱼ|xᵢ − xⱼ| / (2 W² μ_w), equal to one minus twice the area
   * under the weighted Lorenz curve.
   */
  weights?: readonly number[];
}

/**
 * Gini coefficient, population form Σ(2i−n−1)x₍ᵢ₎ / (n Σx) over ascending x₍ᵢ₎ (PySAL, R ineq
 * and REAT default).
 *
 * For the concentration of organization counts cᵢ against population pᵢ, pass the densities
 * cᵢ/pᵢ as values and pᵢ as weights: this is the Gini of the population-weighted Lorenz curve.
 *
 * @param values non-negative numbers, not all 0
 * @param options `{ corrected = false, weights }`, see {@link GiniOptions}
 * @returns the Gini coefficient in [0, 1) (in [0, 1] when corrected); 0 for a single value
 * @throws MeasureError `E_MEASURE_INPUT` for empty input, negative or non-finite values, a zero
 *   sum, weights of the wrong length, negative or all zero, `corrected` with a single value,
 *   or `corrected` together with `weights`
 * @example
 * gini([1, 2, 3, 4]); // => 0.25
 * gini([20, 50, 20, 10], { corrected: true }); // => 0.39999999999999997
 * gini([1, 3], { weights: [3, 1] }); // => 0.25
 */
export function gini(values: readonly number[], options: GiniOptions = {}): number {
  const { corrected = false, weights } = options;
  checkValues('gini', values, { positiveSum: true });
  const n = values.length;
  if (weights !== undefined) {
    if (corrected) {
      throw measureError(
        'gini',
        'the n/(n−1) correction is not defined for weighted data; drop "corrected" or "weights"',
      );
    }
    checkValues('gini', weights, { name: 'weights', length: n, positiveSum: true });
    const order = values.map((_, i) => i).sort((a, b) => values[a] - values[b]);
    let totalWeight = 0;
    let weightedSum = 0;
    for (let i = 0; i < n; i++) {
      totalWeight += weights[i];
      weightedSum += weights[i] * values[i];
    }
    if (!(weightedSum > 0)) {
      throw measureError('gini', 'the weighted sum of values is 0 (every unit with a weight has value 0)');
    }
    // Σᵢ Σⱼ wᵢwⱼ|xᵢ − xⱼ| = 2 Σᵢ wᵢxᵢ (W_below − W_above) over ascending x.
    let below = 0;
    let acc = 0;
    for (const i of order) {
      const w = weights[i];
      acc += w * values[i] * (2 * below + w - totalWeight);
      below += w;
    }
    return acc / (totalWeight * weightedSum);
  }
  if (corrected && n < 2) {
    throw measureError('gini', 'the n/(n−1) correction needs at least 2 values');
  }
  const sorted = [...values].sort((a, b) => a - b);
  let acc = 0;
  let total = 0;
  for (let i = 0; i < n; i++) {
    acc += (2 * (i + 1) - n - 1) * sorted[i];
    total += sorted[i];
  }
  const g = acc / (n * total);
  return corrected ? (g * n) / (n - 1) : g;
}
