import { measureError } from '../measure-error.js';
import type { Direction } from './types.js';

/** Options of {@link distanceToTarget}. */
export interface DistanceToTargetOptions {
  /** the target value (required) */
  target: number;
  /** 1 positive (default): target above the minimum; −1 negative: target below the maximum */
  direction?: Direction;
  /** cap results at 1, so that units beyond the target score 1 (default false) */
  capMax?: boolean;
}

/**
 * Distance-to-target normalisation of one indicator (COINr `n_dist2targ`): how far each unit
 * has come from the worst observed value towards a target. Positive: (x − min)/(target − min);
 * negative: (max − x)/(max − target). A unit beyond the target scores above 1 unless
 * `capMax` is set. Missing values (NaN) stay NaN and are ignored for min and max.
 *
 * @param values one indicator, one value per unit; NaN = missing
 * @param options `target` (required), `direction` (default 1), `capMax` (default false)
 * @returns the normalised values, same length and order
 * @throws MeasureError `E_MEASURE_INPUT` when a value is ±Infinity or not a number, no value is
 *   available, the target is not finite, or it does not lie strictly above the minimum
 *   (direction 1) or strictly below the maximum (direction −1)
 * @example
 * distanceToTarget([0, 5, 11], { target: 10 }); // => [0, 0.5, 1.1]
 */
export function distanceToTarget(values: readonly number[], options: DistanceToTargetOptions): number[] {
  const name = 'distanceToTarget';
  const { target, direction = 1, capMax = false } = options ?? ({} as DistanceToTargetOptions);
  if (typeof target !== 'number' || !Number.isFinite(target))
    throw measureError(name, `target must be a finite number, got ${String(target)}`);
  if (direction !== 1 && direction !== -1)
    throw measureError(name, `direction must be 1 or -1, got ${String(direction)}`);
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
  if (min === Infinity) throw measureError(name, 'no value is available (all are missing)');
  const denom = direction === 1 ? target - min : max - target;
  if (!(denom > 0)) {
    throw measureError(
      name,
      direction === 1
        ? `target ${target} must be above the minimum ${min} for a positive indicator`
        : `target ${target} must be below the maximum ${max} for a negative indicator`,
    );
  }
  return values.map((x) => {
    if (Number.isNaN(x)) return NaN;
    const y = direction === 1 ? (x - min) / denom : (max - x) / denom;
    return capMax ? Math.min(1, y) : y;
  });
}
