import { coefficientOfVariation as ssCoefficientOfVariation, mean, standardDeviation } from 'simple-statistics';
import { checkValues } from './internal/check-values.js';
import { measureError } from '../measure-error.js';

/**
 * Coefficient of variation σ/μ (σ-convergence across regions).
 *
 * @param values non-negative numbers with a positive mean; at least 2 for the sample form
 * @param options `{ population = false }`: by default σ is the sample standard deviation
 *   (n − 1, as simple-statistics and R `sd`); `population: true` divides by n
 * @returns σ/μ (≥ 0)
 * @throws MeasureError `E_MEASURE_INPUT` for empty input, negative or non-finite values, a
 *   zero mean, or fewer than 2 values for the sample form
 * @example
 * coefficientOfVariation([2, 4, 6]); // => 0.5
 * coefficientOfVariation([2, 4, 6], { population: true }); // => 0.408248290463863
 */
export function coefficientOfVariation(values: readonly number[], options: { population?: boolean } = {}): number {
  checkValues('coefficientOfVariation', values, { positiveSum: true });
  const copy = [...values];
  if (options.population) return standardDeviation(copy) / mean(copy);
  if (copy.length < 2) {
    throw measureError(
      'coefficientOfVariation',
      'the sample form needs at least 2 values (or pass { population: true })',
    );
  }
  return ssCoefficientOfVariation(copy);
}
