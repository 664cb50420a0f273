import { checkValues } from './internal/check-values.js';

/**
 * Rosenbluth (Hall–Tideman) concentration index 1 / (2 Σ rᵢ sᵢ − 1), where sᵢ are the
 * shares and rᵢ the rank of unit i counted from the largest (rank 1). Equals 1/(n(1 − G))
 * with G the population-form Gini; ranges from 1/n (equal) to 1 (all in one unit).
 * Same as R ineq `conc(x, type = "Rosenbluth")`.
 *
 * @param values non-negative sizes, not all 0
 * @returns the index in [1/n, 1]
 * @throws MeasureError `E_MEASURE_INPUT` for empty input, negative or non-finite values, or a
 *   zero sum
 * @example
 * rosenbluth([1, 3]); // => 0.6666666666666666
 */
export function rosenbluth(values: readonly number[]): number {
  const total = checkValues('rosenbluth', values, { positiveSum: true });
  const sorted = [...values].sort((a, b) => b - a);
  let acc = 0;
  for (let i = 0; i < sorted.length; i++) {
    acc += (i + 1) * (sorted[i] / total);
  }
  return 1 / (2 * acc - 1);
}
