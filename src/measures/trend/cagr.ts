import { checkSeries } from './internal/check-series.js';

/**
 * Compound annual growth rate between the first and the last non-missing value of a window:
 * (last/first)^(1/(t_last − t_first)) − 1.
 *
 * Returns null when growth is undefined: the first value is 0 (growth from nothing), or
 * fewer than 2 values are present. A last value of 0 gives −1 (−100 %).
 *
 * @param values the window in time order (e.g. organizations per year); missing values as
 *   null or NaN are skipped, and the periods are counted from the times of the values used
 * @param options `{ times }`: strictly increasing times, e.g. years (default 0, 1, …, n − 1)
 * @returns the growth rate per time unit (0.1 = 10 % a year), or null
 * @throws MeasureError `E_MEASURE_INPUT` for an empty window, negative or infinite values, or
 *   bad times
 * @example
 * cagr([100, 110, 121]); // => 0.10000000000000009
 * cagr([0, 5, 10]); // => null
 */
export function cagr(values: readonly (number | null)[], options: { times?: readonly number[] } = {}): number | null {
  const { values: x, times, present } = checkSeries('cagr', values, { ...options, nonNegative: true });
  if (present.length < 2) return null;
  const first = present[0];
  const last = present[present.length - 1];
  if (x[first] === 0) return null;
  return (x[last] / x[first]) ** (1 / (times[last] - times[first])) - 1;
}
