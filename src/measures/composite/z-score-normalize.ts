import { mean, sampleStandardDeviation } from 'simple-statistics';
import { checkDirections } from './internal/check-directions.js';
import { checkMatrix } from './internal/check-matrix.js';
import { columnValues } from './internal/column-values.js';
import type { NormalizeResult } from './min-max-normalize.js';
import type { Direction } from './types.js';

/**
 * Direction-aware z-score standardisation of each column: d·(x − mean)/s, where d is the
 * direction (1 or −1) and s the sample standard deviation (n − 1 denominator, as R
 * `scale()` and COINr `n_zscore`).
 *
 * Missing values (NaN) stay NaN and are left out of the mean and s. A constant column (fewer
 * than two distinct available values, including a single available value) becomes 0
 * everywhere, never NaN, and is listed in `constantColumns`; an all-NaN column is listed in
 * `emptyColumns`.
 *
 * @param matrix rows = units, columns = indicators; NaN = missing
 * @param directions one per column: 1 positive, −1 negative
 * @returns the standardised matrix plus the constant and empty column indices
 * @throws MeasureError `E_MEASURE_INPUT` on an empty/ragged matrix, a non-finite value or a bad direction
 * @example
 * zScoreNormalize([[1, 10], [2, 20], [3, 30]], [1, -1]).matrix;
 * // => [[-1, 1], [0, 0], [1, -1]]
 */
export function zScoreNormalize(
  matrix: readonly (readonly number[])[],
  directions: readonly Direction[],
): NormalizeResult {
  const name = 'zScoreNormalize';
  const { cols } = checkMatrix(name, matrix);
  checkDirections(name, directions, cols);
  const out = matrix.map((row) => row.slice());
  const constantColumns: number[] = [];
  const emptyColumns: number[] = [];
  for (let j = 0; j < cols; j++) {
    const values = columnValues(matrix, j);
    if (values.length === 0) {
      emptyColumns.push(j);
      continue;
    }
    const constant = values.every((v) => v === values[0]);
    if (constant) constantColumns.push(j);
    const m = mean(values);
    const s = constant ? 0 : sampleStandardDeviation(values);
    for (const row of out) {
      if (Number.isNaN(row[j])) continue;
      row[j] = constant ? 0 : directions[j] === 1 ? (row[j] - m) / s : (m - row[j]) / s;
    }
  }
  return { matrix: out, constantColumns, emptyColumns };
}
