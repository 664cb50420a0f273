import { checkDirections } from './internal/check-directions.js';
import { checkMatrix } from './internal/check-matrix.js';
import { columnValues } from './internal/column-values.js';
import { measureError } from '../measure-error.js';
import type { NormalizeDirection } from './types.js';

/** Result of a column-wise normalisation. */
export interface NormalizeResult {
  /** normalised matrix, same shape as the input; missing values stay NaN */
  matrix: number[][];
  /** columns with fewer than two distinct available values (no spread to normalise) */
  constantColumns: number[];
  /** columns with no available value at all (every cell NaN) */
  emptyColumns: number[];
}

/** Options of {@link minMaxNormalize}. */
export interface MinMaxOptions {
  /**
   * Map into [ε, 1 − ε] instead of [0, 1] (the Chinese-paper variant that keeps every value
   * positive before the entropy method, e.g. ε = 0.002 in mathmodels). Default 0.
   */
  epsilon?: number;
}

/**
 * Direction-aware min–max normalisation of each column (global over all rows, so a panel of
 * region-years stays comparable across years).
 *
 * Positive column: (x − min)/(max − min); negative: (max − x)/(max − min); with ε > 0 the
 * result r becomes ε + (1 − 2ε)·r. Direction `0` marks a column already on [0, 1] (output of
 * `centredTransform`/`intervalTransform`): its values are kept, and with ε > 0 an exact 0
 * becomes ε and an exact 1 becomes 1 − ε (mathmodels `entropy_weight` convention).
 * Missing values (NaN) stay NaN and are ignored for min and max. A constant column (fewer
 * than two distinct available values) becomes ε everywhere (0 by default), never NaN, and
 * is listed in `constantColumns`; a column with no available value stays NaN and is listed
 * in `emptyColumns`.
 *
 * @param matrix rows = units, columns = indicators; NaN = missing
 * @param directions one per column: 1 positive, −1 negative, 0 already normalised (kept)
 * @param options `epsilon` (default 0), must be in [0, 0.5)
 * @returns the normalised matrix plus the constant and empty column indices
 * @throws MeasureError `E_MEASURE_INPUT` on an empty/ragged matrix, a non-finite value, a bad
 *   direction, ε outside [0, 0.5), or a direction-0 column with a value outside [0, 1]
 * @example
 * minMaxNormalize([[1, 10], [3, 20], [5, 30]], [1, -1]).matrix;
 * // => [[0, 1], [0.5, 0.5], [1, 0]]
 */
export function minMaxNormalize(
  matrix: readonly (readonly number[])[],
  directions: readonly NormalizeDirection[],
  options: MinMaxOptions = {},
): NormalizeResult {
  const name = 'minMaxNormalize';
  const { cols } = checkMatrix(name, matrix);
  checkDirections(name, directions, cols, true);
  const eps = options.epsilon ?? 0;
  if (typeof eps !== 'number' || !(eps >= 0 && eps < 0.5)) {
    throw measureError(name, `epsilon must be a number in [0, 0.5), got ${String(eps)}`);
  }
  const out = matrix.map((row) => row.slice());
  const constantColumns: number[] = [];
  const emptyColumns: number[] = [];
  for (let j = 0; j < cols; j++) {
    const values = columnValues(matrix, j);
    if (values.length === 0) {
      emptyColumns.push(j);
      continue;
    }
    let min = Infinity;
    let max = -Infinity;
    for (const v of values) {
      if (v < min) min = v;
      if (v > max) max = v;
    }
    const constant = max === min;
    if (constant) constantColumns.push(j);
    const dir = directions[j];
    if (dir === 0) {
      if (min < 0 || max > 1) {
        throw measureError(
          name,
          `column ${j} has direction 0 (already normalised) but holds values outside [0, 1] (min ${min}, max ${max})`,
        );
      }
      if (eps > 0) {
        for (const row of out) {
          if (row[j] === 0) row[j] = eps;
          else if (row[j] === 1) row[j] = 1 - eps;
        }
      }
      continue;
    }
    const range = max - min;
    for (const row of out) {
      const x = row[j];
      if (Number.isNaN(x)) continue;
      if (constant) {
        row[j] = eps;
        continue;
      }
      const r = dir === 1 ? (x - min) / range : (max - x) / range;
      row[j] = eps > 0 ? eps + (1 - 2 * eps) * r : r;
    }
  }
  return { matrix: out, constantColumns, emptyColumns };
}
