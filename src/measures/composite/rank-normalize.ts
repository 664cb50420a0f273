import { checkDirections } from './internal/check-directions.js';
import { checkMatrix } from './internal/check-matrix.js';
import { columnValues } from './internal/column-values.js';
import type { NormalizeResult } from './min-max-normalize.js';
import { ranks } from './ranks.js';
import type { Direction } from './types.js';

/** Options of {@link rankNormalize}. */
export interface RankNormalizeOptions {
  /** rescale ranks r to (r − 1)/(k − 1) on [0, 1], k = available values (default false) */
  scale?: boolean;
}

/**
 * Rank normalisation of each column (COINr `n_rank`): the lowest value of a positive column
 * gets rank 1 and the highest rank k (k = available values); a negative column is ranked the
 * other way round. Ties get the average rank.
 *
 * Missing values (NaN) stay NaN and are not ranked. A constant column (fewer than two
 * distinct available values) gets the average rank (k + 1)/2 everywhere, or 0 with
 * `scale`, and is listed in `constantColumns`; an all-NaN column is listed in `emptyColumns`.
 *
 * @param matrix rows = units, columns = indicators; NaN = missing
 * @param directions one per column: 1 positive, −1 negative
 * @param options `scale` (default false)
 * @returns the rank matrix plus the constant and empty column indices
 * @throws MeasureError `E_MEASURE_INPUT` on an empty/ragged matrix, a non-finite value or a bad direction
 * @example
 * rankNormalize([[5, 1], [7, 1], [5, 3]], [1, -1]).matrix;
 * // => [[1.5, 2.5], [3, 2.5], [1.5, 1]]
 */
export function rankNormalize(
  matrix: readonly (readonly number[])[],
  directions: readonly Direction[],
  options: RankNormalizeOptions = {},
): NormalizeResult {
  const name = 'rankNormalize';
  const { cols } = checkMatrix(name, matrix);
  checkDirections(name, directions, cols);
  const scale = options.scale ?? false;
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
    const r = ranks(
      matrix.map((row) => row[j]),
      { descending: directions[j] === -1, ties: 'average' },
    );
    const k = values.length;
    out.forEach((row, i) => {
      if (Number.isNaN(row[j])) return;
      if (!scale) row[j] = r[i];
      else row[j] = constant ? 0 : (r[i] - 1) / (k - 1);
    });
  }
  return { matrix: out, constantColumns, emptyColumns };
}
