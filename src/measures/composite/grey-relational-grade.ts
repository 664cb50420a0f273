import { checkMatrix } from './internal/check-matrix.js';
import { measureError } from '../measure-error.js';

/** Options of {@link greyRelationalGrade}. */
export interface GreyRelationalOptions {
  /** distinguishing coefficient ρ in (0, 1] (default 0.5) */
  rho?: number;
}

/** Result of {@link greyRelationalGrade}. */
export interface GreyRelationalResult {
  /** grade of each comparison sequence: mean of its coefficients (equal weights) */
  grades: number[];
  /** grey relational coefficient ξ of each comparison sequence at each point */
  coefficients: number[][];
}

/**
 * Deng's grey relational grade of each comparison sequence against a reference sequence:
 * Δ = |x_i(k) − x_0(k)|, with Δmin and Δmax the global minimum and maximum of Δ over all
 * sequences and points, ξ_i(k) = (Δmin + ρΔmax)/(Δ_i(k) + ρΔmax), grade = mean_k ξ_i(k).
 *
 * Typical use: rows = units of a normalised matrix, reference = the ideal (e.g. all 1s).
 * Missing values are not allowed. When every Δ is 0 (all sequences equal the reference)
 * every coefficient and grade is 1, never NaN.
 *
 * @param reference the reference sequence x_0, one value per point
 * @param comparisons one comparison sequence per row, same length as `reference`
 * @param options `rho` (default 0.5)
 * @returns grades (one per row) and coefficients (rows × points)
 * @throws MeasureError `E_MEASURE_INPUT` on lengths that do not match, a missing or non-finite value, or ρ outside (0, 1]
 * @example
 * greyRelationalGrade([1, 1], [[1, 0.5], [0.5, 0.5]]).grades; // => [0.6666666666666666, 0.3333333333333333]
 */
export function greyRelationalGrade(
  reference: readonly number[],
  comparisons: readonly (readonly number[])[],
  options: GreyRelationalOptions = {},
): GreyRelationalResult {
  const name = 'greyRelationalGrade';
  const { rho = 0.5 } = options;
  if (typeof rho !== 'number' || !(rho > 0 && rho <= 1))
    throw measureError(name, `rho must be in (0, 1], got ${String(rho)}`);
  const { cols } = checkMatrix(name, comparisons, { allowNaN: false });
  if (!Array.isArray(reference) || reference.length !== cols) {
    throw measureError(
      name,
      `reference has ${Array.isArray(reference) ? reference.length : 0} values but each comparison sequence has ${cols}`,
    );
  }
  checkMatrix(name, [reference], { allowNaN: false });
  const delta = comparisons.map((row) => row.map((x, k) => Math.abs(x - reference[k])));
  let dMin = Infinity;
  let dMax = -Infinity;
  for (const row of delta) {
    for (const d of row) {
      if (d < dMin) dMin = d;
      if (d > dMax) dMax = d;
    }
  }
  const coefficients = delta.map((row) => row.map((d) => (dMax === 0 ? 1 : (dMin + rho * dMax) / (d + rho * dMax))));
  const grades = coefficients.map((row) => row.reduce((a, b) => a + b, 0) / row.length);
  return { grades, coefficients };
}
