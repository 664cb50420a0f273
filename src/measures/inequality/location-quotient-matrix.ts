import { checkValues } from './internal/check-values.js';
import { measureError } from '../measure-error.js';

/**
 * Location quotients of a field × region table of counts:
 * LQ_fr = (x_fr / X_·r) / (X_f· / X_··), the field's share among the region's organizations
 * over its share nationally (equivalently the region's share of the field over its share of
 * all organizations).
 *
 * @param matrix counts with one row per field and one column per region; rectangular,
 *   non-negative, not all 0
 * @returns a matrix of the same shape; NaN where the field or the region has no
 *   organizations at all (0/0)
 * @throws MeasureError `E_MEASURE_INPUT` for an empty or ragged matrix, negative or non-finite
 *   counts, or an all-zero matrix
 * @example
 * locationQuotientMatrix([[10, 30], [40, 20]]); // => [[0.5, 1.5], [1.3333333333333333, 0.6666666666666666]]
 */
export function locationQuotientMatrix(matrix: readonly (readonly number[])[]): number[][] {
  if (!Array.isArray(matrix as unknown) || matrix.length === 0) {
    throw measureError('locationQuotientMatrix', 'matrix must be a non-empty array of rows (one row per field)');
  }
  const regions = Array.isArray(matrix[0] as unknown) ? matrix[0].length : 0;
  const rowTotals = matrix.map((row, f) =>
    checkValues('locationQuotientMatrix', row, { name: `row ${f}`, length: regions }),
  );
  const colTotals = new Array<number>(regions).fill(0);
  for (const row of matrix) row.forEach((x, r) => (colTotals[r] += x));
  const grand = rowTotals.reduce((a, b) => a + b, 0);
  if (!(grand > 0)) {
    throw measureError('locationQuotientMatrix', 'matrix must not be all 0');
  }
  return matrix.map((row, f) =>
    row.map((x, r) =>
      rowTotals[f] === 0 || colTotals[r] === 0 ? Number.NaN : (x * grand) / (colTotals[r] * rowTotals[f]),
    ),
  );
}
