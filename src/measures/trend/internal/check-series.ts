import { measureError } from '../../measure-error.js';

/** A series checked by {@link checkSeries}: missing values are NaN, times are filled in. */
export interface CheckedSeries {
  /** The values with null/undefined turned into NaN. */
  values: number[];
  /** The time of each slot: the given times, or 0, 1, …, n − 1. */
  times: number[];
  /** Indices of the non-missing values, ascending. */
  present: number[];
}

/**
 * Check a time series for the trend measures (internal helper, not re-exported from the
 * barrel). Missing values (null, undefined, NaN) keep their slot; ±Infinity is rejected.
 *
 * @param measure name of the calling measure, used in the message
 * @param values the series; missing values as null or NaN
 * @param options `{ times, nonNegative = false }`: times must be finite and strictly
 *   increasing, one per value
 * @returns see {@link CheckedSeries}
 * @throws MeasureError `E_MEASURE_INPUT` for an empty series, an infinite or negative (when
 *   `nonNegative`) value, or bad times
 * @example
 * checkSeries('mannKendall', [1, null, 3]).present; // => [0, 2]
 */
export function checkSeries(
  measure: string,
  values: readonly (number | null | undefined)[],
  options: { times?: readonly number[]; nonNegative?: boolean } = {},
): CheckedSeries {
  if (!Array.isArray(values as unknown) || values.length === 0) {
    throw measureError(measure, 'values must be a non-empty array of numbers (null or NaN for missing)');
  }
  const out = values.map((v, i) => {
    if (v === null || v === undefined || Number.isNaN(v)) return Number.NaN;
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      throw measureError(
        measure,
        `values must be finite numbers or missing (null/NaN), got ${String(v)} at index ${i}`,
      );
    }
    if (options.nonNegative && v < 0) {
      throw measureError(measure, `values must be non-negative, got ${v} at index ${i}`);
    }
    return v;
  });
  const { times } = options;
  if (times !== undefined) {
    if (!Array.isArray(times as unknown) || times.length !== values.length) {
      throw measureError(
        measure,
        `times must have ${values.length} entries (one per value), got ${String((times as { length?: number }).length)}`,
      );
    }
    times.forEach((t, i) => {
      if (typeof t !== 'number' || !Number.isFinite(t)) {
        throw measureError(measure, `times must be finite numbers, got ${String(t)} at index ${i}`);
      }
      if (i > 0 && !(t > times[i - 1])) {
        throw measureError(measure, `times must be strictly increasing, got ${times[i - 1]} then ${t} at index ${i}`);
      }
    });
  }
  const present: number[] = [];
  out.forEach((v, i) => {
    if (!Number.isNaN(v)) present.push(i);
  });
  return { values: out, times: times ? [...times] : out.map((_, i) => i), present };
}
