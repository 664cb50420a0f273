import { measureError } from '../measure-error.js';

/** Options of {@link intervalTransform}. */
export interface IntervalOptions {
  /** lower end of the best interval (required) */
  lower: number;
  /** upper end of the best interval (required, ≥ lower) */
  upper: number;
}

/**
 * Turn an interval-type indicator (区间型, best anywhere in [lower, upper]) into a positive
 * score on [0, 1] (mathmodels `rescale_interval`): with M = max(lower − min, max − upper),
 * x < lower → 1 − (lower − x)/M; x > upper → 1 − (x − upper)/M; otherwise 1. Feed the
 * result to {@link minMaxNormalize} with direction 0 and to TOPSIS as a positive column.
 *
 * Missing values (NaN) stay NaN and are ignored for min and max. When no available value
 * lies outside the interval (M ≤ 0) every value becomes 1 (never NaN).
 *
 * @param values one indicator, one value per unit; NaN = missing
 * @param options `lower` and `upper` (both required)
 * @returns the transformed values, same length and order
 * @throws MeasureError `E_MEASURE_INPUT` when a value is ±Infinity or not a number, or the bounds are not finite with lower ≤ upper
 * @example
 * intervalTransform([5, 12, 20, 30], { lower: 10, upper: 20 }); // => [0.5, 1, 1, 0]
 */
export function intervalTransform(values: readonly number[], options: IntervalOptions): number[] {
  const name = 'intervalTransform';
  const lower = options?.lower;
  const upper = options?.upper;
  if (
    typeof lower !== 'number' ||
    typeof upper !== 'number' ||
    !Number.isFinite(lower) ||
    !Number.isFinite(upper) ||
    lower > upper
  ) {
    throw measureError(
      name,
      `lower and upper must be finite numbers with lower <= upper, got ${String(lower)} and ${String(upper)}`,
    );
  }
  if (!Array.isArray(values)) throw measureError(name, 'values must be an array of numbers');
  let min = Infinity;
  let max = -Infinity;
  values.forEach((x, i) => {
    if (typeof x !== 'number' || (!Number.isNaN(x) && !Number.isFinite(x))) {
      throw measureError(name, `value ${i} must be a finite number or NaN, got ${String(x)}`);
    }
    if (Number.isNaN(x)) return;
    if (x < min) min = x;
    if (x > max) max = x;
  });
  const m = Math.max(lower - min, max - upper);
  return values.map((x) => {
    if (Number.isNaN(x)) return NaN;
    if (!(m > 0)) return 1;
    if (x < lower) return 1 - (lower - x) / m;
    if (x > upper) return 1 - (x - upper) / m;
    return 1;
  });
}
