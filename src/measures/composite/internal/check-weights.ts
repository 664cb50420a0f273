import { measureError } from '../../measure-error.js';

/**
 * Check a weight vector: one finite, non-negative weight per indicator and a positive sum.
 * Weights are not required to sum to 1. Internal helper, not part of the barrel.
 *
 * @param measure name of the public function, used in the message
 * @param weights one weight per indicator
 * @param cols expected number of weights
 * @returns the sum of the weights
 * @throws MeasureError `E_MEASURE_INPUT` on wrong length, negative/non-finite weight or zero sum
 * @example
 * checkWeights('f', [0.25, 0.75], 2); // => 1
 */
export function checkWeights(measure: string, weights: readonly number[], cols: number): number {
  if (!Array.isArray(weights) || weights.length !== cols) {
    throw measureError(
      measure,
      `expected ${cols} weights (one per indicator), got ${Array.isArray(weights) ? weights.length : 0}`,
    );
  }
  let sum = 0;
  weights.forEach((w, j) => {
    if (typeof w !== 'number' || !Number.isFinite(w) || w < 0) {
      throw measureError(measure, `weight ${j} must be a finite number >= 0, got ${String(w)}`);
    }
    sum += w;
  });
  if (!(sum > 0)) throw measureError(measure, 'weights sum to 0; at least one weight must be positive');
  return sum;
}
