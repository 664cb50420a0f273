import { measureError } from '../../measure-error.js';

/** Shape of a checked matrix. */
export interface MatrixShape {
  /** number of rows (units) */
  rows: number;
  /** number of columns (indicators) */
  cols: number;
}

/**
 * Check that a units × indicators matrix is usable: at least one row and one column, all rows
 * the same length, every cell a finite number or (when allowed) NaN for "missing".
 * Internal helper, not part of the barrel.
 *
 * @param measure name of the public function, used in the message
 * @param matrix rows = units, columns = indicators
 * @param options `allowNaN` (default true): NaN marks a missing value; `nonNegative`
 *   (default false): negative values are rejected
 * @returns the matrix shape
 * @throws MeasureError `E_MEASURE_INPUT` when the matrix is empty, ragged or holds a bad value
 * @example
 * checkMatrix('f', [[1, 2], [3, NaN]]); // => { rows: 2, cols: 2 }
 */
export function checkMatrix(
  measure: string,
  matrix: readonly (readonly number[])[],
  options: { allowNaN?: boolean; nonNegative?: boolean } = {},
): MatrixShape {
  const { allowNaN = true, nonNegative = false } = options;
  if (!Array.isArray(matrix) || matrix.length === 0) throw measureError(measure, 'matrix has no rows');
  const first = matrix[0];
  if (!Array.isArray(first) || first.length === 0) throw measureError(measure, 'matrix has no columns');
  const cols = first.length;
  matrix.forEach((row, i) => {
    if (!Array.isArray(row) || row.length !== cols) {
      throw measureError(
        measure,
        `row ${i} has ${Array.isArray(row) ? row.length : 0} values, expected ${cols} (every row must have one value per indicator)`,
      );
    }
    row.forEach((v, j) => {
      if (typeof v !== 'number') throw measureError(measure, `value at row ${i}, column ${j} is not a number`);
      if (Number.isNaN(v)) {
        if (!allowNaN)
          throw measureError(
            measure,
            `value at row ${i}, column ${j} is missing (NaN); impute it or drop the unit first`,
          );
        return;
      }
      if (!Number.isFinite(v)) throw measureError(measure, `value at row ${i}, column ${j} is not finite (${v})`);
      if (nonNegative && v < 0)
        throw measureError(measure, `value at row ${i}, column ${j} is negative (${v}); normalise the matrix first`);
    });
  });
  return { rows: matrix.length, cols };
}
