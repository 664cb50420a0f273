import { measureError } from '../measure-error.js';

/** Options of {@link centredTransform}. */
export interface CentredOptions {
  /** the best value of the indicator (e.g. pH 7); required */
  optimum: number;
}

/**
 * Turn a centred ("middle-type", 中间型) indicator, best at one optimum value, into a
 * positive score on [0, 1]: 1 − |x − optimum| / max|x − optimum| (mathmodels
 * `rescale_middle`). The value farthest from the optimum gets 0; the optimum gets 1.
 * Feed the result to {@link minMaxNormalize} with direction 0 (already normalised) and to
 * TOPSIS as a positive column.
 *
 * Missing values (NaN) stay NaN and are ignored for the maximum. When every available value
 * equals the optimum the maximum distance is 0 and every value becomes 1 (never NaN).
 *
 * @param values one indicator, one value per unit; NaN = missing
 * @param options `optimum` (required)
 * @returns the transformed values, same length and order
 * @throws MeasureError `E_MEASURE_INPUT` when a value is ±Infinity or not a number, or the optimum is not finite
 * @example
 * centredTransform([6, 7, 8.5], { optimum: 7 }); // => [0.33333333333333337, 1, 0]
 */
export function centredTransform(values: readonly number[], options: CentredOptions): number[] {
  const name = 'centredTransform';
  const optimum = options?.optimum;
  if (typeof optimum !== 'number' || !Number.isFinite(optimum)) {
    throw measureError(name, `optimum must be a finite number, got ${String(optimum)}`);
  }
  if (!Array.isArray(values)) throw measureError(name, 'values must be an array of numbers');
  let maxDist = 0;
  values.forEach((x, i) => {
    if (typeof x !== 'number' || (!Number.isNaN(x) && !Number.isFinite(x))) {
      throw measureError(name, `value ${i} must be a finite number or NaN, got ${String(x)}`);
    }
    if (!Number.isNaN(x)) maxDist = Math.max(maxDist, Math.abs(x - optimum));
  });
  return values.map((x) => (Number.isNaN(x) ? NaN : maxDist === 0 ? 1 : 1 - Math.abs(x - optimum) / maxDist));
}
