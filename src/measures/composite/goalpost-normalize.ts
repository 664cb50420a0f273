import { measureError } from '../measure-error.js';
import type { Direction } from './types.js';

/** Options of {@link goalpostNormalize}. */
export interface GoalpostOptions {
  /** lower goalpost l (required) */
  lower: number;
  /** upper goalpost u (required, > lower) */
  upper: number;
  /** 1 positive (default), −1 negative */
  direction?: Direction;
  /** multiply the result by this, e.g. 100 (default 1) */
  scale?: number;
  /** clip results to [0, 1] before scaling, for values beyond the goalposts (default true) */
  truncate?: boolean;
}

/**
 * Goalpost normalisation of one indicator (COINr `n_goalposts`): fixed bounds instead of
 * the observed min and max, so that scores stay comparable when new years or regions are
 * added. Positive: (x − l)/(u − l); negative: (u − x)/(u − l); clipped to [0, 1] unless
 * `truncate` is false; times `scale`. Missing values (NaN) stay NaN.
 *
 * @param values one indicator, one value per unit; NaN = missing
 * @param options `lower`, `upper` (required), `direction` (default 1), `scale` (default 1), `truncate` (default true)
 * @returns the normalised values, same length and order
 * @throws MeasureError `E_MEASURE_INPUT` when a value is ±Infinity or not a number, the goalposts are not finite with lower < upper, the direction is not ±1 or the scale is not finite
 * @example
 * goalpostNormalize([1, 11, -1], { lower: 0, upper: 10 }); // => [0.1, 1, 0]
 */
export function goalpostNormalize(values: readonly number[], options: GoalpostOptions): number[] {
  const name = 'goalpostNormalize';
  const { lower, upper, direction = 1, scale = 1, truncate = true } = options ?? ({} as GoalpostOptions);
  if (
    typeof lower !== 'number' ||
    typeof upper !== 'number' ||
    !Number.isFinite(lower) ||
    !Number.isFinite(upper) ||
    !(lower < upper)
  ) {
    throw measureError(
      name,
      `lower and upper must be finite numbers with lower < upper, got ${String(lower)} and ${String(upper)}`,
    );
  }
  if (direction !== 1 && direction !== -1)
    throw measureError(name, `direction must be 1 or -1, got ${String(direction)}`);
  if (typeof scale !== 'number' || !Number.isFinite(scale))
    throw measureError(name, `scale must be a finite number, got ${String(scale)}`);
  if (!Array.isArray(values)) throw measureError(name, 'values must be an array of numbers');
  return values.map((x, i) => {
    if (typeof x !== 'number' || (!Number.isNaN(x) && !Number.isFinite(x))) {
      throw measureError(name, `value ${i} must be a finite number or NaN, got ${String(x)}`);
    }
    if (Number.isNaN(x)) return NaN;
    let y = direction === 1 ? (x - lower) / (upper - lower) : (upper - x) / (upper - lower);
    if (truncate) y = Math.min(1, Math.max(0, y));
    return y * scale;
  });
}
