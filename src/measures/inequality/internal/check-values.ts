import { measureError } from '../../measure-error.js';

/** What {@link checkValues} requires of an array. */
export interface CheckValuesOptions {
  /** Name used in messages (default `'values'`). */
  name?: string;
  /** Reject negative numbers (default true). */
  nonNegative?: boolean;
  /** Reject an array whose sum is 0 (default false). */
  positiveSum?: boolean;
  /** Required length, e.g. the length of a companion array (default: any length ≥ 1). */
  length?: number;
}

/**
 * Check that `values` is a non-empty array of finite numbers (internal helper shared by the
 * measures, not re-exported from the barrel).
 *
 * @param measure name of the calling measure, used in the message
 * @param values the numbers to check
 * @param options see {@link CheckValuesOptions}; defaults: name `'values'`, non-negative
 * @returns the sum of `values`
 * @throws MeasureError `E_MEASURE_INPUT` when empty, of the wrong length, not finite, negative
 *   (unless allowed) or summing to 0 (when `positiveSum`)
 * @example
 * checkValues('gini', [1, 2, 3]); // => 6
 */
export function checkValues(measure: string, values: readonly number[], options: CheckValuesOptions = {}): number {
  const { name = 'values', nonNegative = true, positiveSum = false, length } = options;
  if (!Array.isArray(values as unknown) || values.length === 0) {
    throw measureError(measure, `${name} must be a non-empty array of numbers`);
  }
  if (length !== undefined && values.length !== length) {
    throw measureError(measure, `${name} must have ${length} entries (one per unit), got ${values.length}`);
  }
  let total = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      throw measureError(measure, `${name} must be finite numbers, got ${String(v)} at index ${i}`);
    }
    if (nonNegative && v < 0) {
      throw measureError(measure, `${name} must be non-negative, got ${v} at index ${i}`);
    }
    total += v;
  }
  if (positiveSum && !(total > 0)) {
    throw measureError(measure, `${name} must not all be 0 (their sum is the denominator)`);
  }
  return total;
}
