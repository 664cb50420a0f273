import { median } from 'simple-statistics';
import { measureError } from '../measure-error.js';
import { checkSeries } from './internal/check-series.js';

/** Result of {@link sensSlope}: the trend line x ≈ intercept + slope·t. */
export interface SensSlopeResult {
  slope: number;
  intercept: number;
}

/**
 * Sen's (Theil–Sen) slope: the median of the pairwise slopes (xⱼ − xᵢ)/(tⱼ − tᵢ), i < j, as in
 * pyMannKendall `sens_slope`. Missing values keep their time slot (pairs involving them are
 * skipped); intercept = median(x) − median(t)·slope over the non-missing values.
 *
 * @param values the series in time order; missing values as null or NaN
 * @param options `{ times }`: strictly increasing time of each value (default 0, 1, …, n − 1,
 *   so the slope is per step and the intercept is the value at the first slot)
 * @returns `{ slope, intercept }`
 * @throws MeasureError `E_MEASURE_INPUT` for fewer than 2 non-missing values, infinite values,
 *   or bad times
 * @example
 * sensSlope([1, 3, null, 4]); // => { slope: 1, intercept: 2 }
 */
export function sensSlope(
  values: readonly (number | null)[],
  options: { times?: readonly number[] } = {},
): SensSlopeResult {
  const { values: x, times: t, present } = checkSeries('sensSlope', values, options);
  if (present.length < 2) {
    throw measureError('sensSlope', `needs at least 2 non-missing values, got ${present.length}`);
  }
  const slopes: number[] = [];
  for (let a = 0; a < present.length - 1; a++) {
    const i = present[a];
    for (let b = a + 1; b < present.length; b++) {
      const j = present[b];
      slopes.push((x[j] - x[i]) / (t[j] - t[i]));
    }
  }
  const slope = median(slopes);
  const intercept = median(present.map((i) => x[i])) - median(present.map((i) => t[i])) * slope;
  return { slope, intercept };
}
