/**
 * The available (non-NaN) values of one column of a matrix. Internal helper.
 *
 * @param matrix rows = units, columns = indicators
 * @param j column index
 * @returns the column's values with NaN dropped, in row order
 * @throws never
 * @example
 * columnValues([[1, 2], [NaN, 4]], 0); // => [1]
 */
export function columnValues(matrix: readonly (readonly number[])[], j: number): number[] {
  const out: number[] = [];
  for (const row of matrix) if (!Number.isNaN(row[j])) out.push(row[j]);
  return out;
}
