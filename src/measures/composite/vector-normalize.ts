import { checkMatrix } from './internal/check-matrix.js';
import { columnValues } from './internal/column-values.js';

/** Result of {@link vectorNormalize}. */
export interface VectorNormalizeResult {
  /** normalised matrix, same shape as the input; missing values stay NaN */
  matrix: number[][];
  /** columns whose available values are all 0 (left as 0, never NaN) */
  zeroColumns: number[];
  /** columns with no available value at all (every cell NaN) */
  emptyColumns: number[];
}

/**
 * Vector (L2) normalisation of each column, x / sqrt(Σ x²), as used by classic TOPSIS
 * (Hwang & Yoon). Directions are not applied here: TOPSIS handles cost columns when it picks
 * the ideal and anti-ideal points.
 *
 * Missing values (NaN) stay NaN and are left out of the sum. An all-zero column stays 0
 * (never NaN) and is listed in `zeroColumns`; an all-NaN column is listed in `emptyColumns`.
 *
 * @param matrix rows = units, columns = indicators; NaN = missing
 * @returns the normalised matrix plus the zero and empty column indices
 * @throws MeasureError `E_MEASURE_INPUT` on an empty/ragged matrix or a non-finite value
 * @example
 * vectorNormalize([[3, 0], [4, 0]]).matrix; // => [[0.6, 0], [0.8, 0]]
 */
export function vectorNormalize(matrix: readonly (readonly number[])[]): VectorNormalizeResult {
  const { cols } = checkMatrix('vectorNormalize', matrix);
  const out = matrix.map((row) => row.slice());
  const zeroColumns: number[] = [];
  const emptyColumns: number[] = [];
  for (let j = 0; j < cols; j++) {
    const values = columnValues(matrix, j);
    if (values.length === 0) {
      emptyColumns.push(j);
      continue;
    }
    const norm = Math.sqrt(values.reduce((s, v) => s + v * v, 0));
    if (norm === 0) {
      zeroColumns.push(j);
      continue;
    }
    for (const row of out) if (!Number.isNaN(row[j])) row[j] = row[j] / norm;
  }
  return { matrix: out, zeroColumns, emptyColumns };
}
