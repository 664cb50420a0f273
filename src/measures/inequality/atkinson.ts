import { mean } from 'simple-statistics';
import { checkValues } from './internal/check-values.js';
import { measureError } from '../measure-error.js';

/**
 * Atkinson inequality index 1 − (mean((x/μ)^(1−ε)))^(1/(1−ε)), and 1 − geomean(x)/μ for
 * ε = 1 (R ineq `Atkinson`, PySAL `inequality.atkinson`). With ε ≥ 1 a zero value makes the
 * index 1.
 *
 * @param values non-negative numbers, not all 0
 * @param epsilon inequality aversion ε ≥ 0 (default 0.5)
 * @returns the index in [0, 1]
 * @throws MeasureError `E_MEASURE_INPUT` for empty input, negative or non-finite values, a zero
 *   sum, or ε negative or not finite
 * @example
 * atkinson([10, 20, 30, 40, 50], 1); // => 0.1316096384342157
 */
export function atkinson(values: readonly number[], epsilon = 0.5): number {
  checkValues('atkinson', values, { positiveSum: true });
  if (typeof epsilon !== 'number' || !Number.isFinite(epsilon) || epsilon < 0) {
    throw measureError('atkinson', `epsilon must be a finite number ≥ 0, got ${String(epsilon)}`);
  }
  const mu = mean([...values]);
  // With ε ≥ 1 a zero drives the generalised mean to 0 (limit), so the index is 1.
  if (epsilon >= 1 && values.includes(0)) return 1;
  if (epsilon === 1) {
    return 1 - Math.exp(mean(values.map((x) => Math.log(x)))) / mu;
  }
  const e = 1 - epsilon;
  return 1 - mean(values.map((x) => (x / mu) ** e)) ** (1 / e);
}
