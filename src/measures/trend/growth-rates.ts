import { checkSeries } from './internal/check-series.js';

/**
 * Period-on-period (year-on-year) growth rates xₜ/xₜ₋₁ − 1, aligned with the input: the
 * result has the same length and entry t is the growth into slot t.
 *
 * An entry is null for the first slot, when either value is missing (null/NaN), or when the
 * previous value is 0 (growth from nothing is undefined).
 *
 * @param values the series in time order; missing values as null or NaN
 * @returns one rate or null per slot
 * @throws MeasureError `E_MEASURE_INPUT` for an empty series or negative or infinite values
 * @example
 * growthRates([100, 120, null, 90, 0, 5]); // => [null, 0.19999999999999996, null, null, -1, null]
 */
export function growthRates(values: readonly (number | null)[]): (number | null)[] {
  const { values: x } = checkSeries('growthRates', values, { nonNegative: true });
  return x.map((v, t) => {
    if (t === 0) return null;
    const prev = x[t - 1];
    if (Number.isNaN(v) || Number.isNaN(prev) || prev === 0) return null;
    return v / prev - 1;
  });
}
