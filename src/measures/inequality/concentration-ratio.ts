import { checkValues } from './internal/check-values.js';
import { measureError } from '../measure-error.js';

/**
 * Concentration ratio CR_k: the share of the total held by the k largest units.
 *
 * @param values non-negative sizes (e.g. organizations per region), not all 0
 * @param k how many of the largest units to add up, a positive integer (default 1); when
 *   k ≥ n the result is 1
 * @returns the top-k share in [k/n, 1]
 * @throws MeasureError `E_MEASURE_INPUT` for empty input, negative or non-finite values, a zero
 *   sum, or k not a positive integer
 * @example
 * concentrationRatio([20, 50, 20, 10], 2); // => 0.7
 */
export function concentrationRatio(values: readonly number[], k = 1): number {
  const total = checkValues('concentrationRatio', values, { positiveSum: true });
  if (!Number.isInteger(k) || k < 1) {
    throw measureError('concentrationRatio', `k must be a positive integer, got ${String(k)}`);
  }
  const sorted = [...values].sort((a, b) => b - a);
  let top = 0;
  for (let i = 0; i < Math.min(k, sorted.length); i++) top += sorted[i];
  return top / total;
}
