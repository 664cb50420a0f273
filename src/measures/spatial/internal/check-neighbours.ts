import { measureError } from '../../measure-error.js';

/**
 * Check neighbour lists for `n` units (internal helper, not re-exported from the barrel):
 * one array per unit of distinct integer indices in [0, n), not containing the unit itself.
 * Lists need not be symmetric.
 *
 * @param measure name of the calling measure, used in the message
 * @param neighbours neighbour indices of each unit
 * @param n number of units (length of the values)
 * @returns the indices of units without neighbours (islands), ascending
 * @throws MeasureError `E_MEASURE_INPUT` for a wrong length, a non-array entry, an index out
 *   of range or not an integer, a unit listing itself, or a repeated neighbour
 * @example
 * checkNeighbours('moransI', [[1], [0], []], 3); // => [2]
 */
export function checkNeighbours(measure: string, neighbours: readonly (readonly number[])[], n: number): number[] {
  if (!Array.isArray(neighbours as unknown) || neighbours.length !== n) {
    throw measureError(
      measure,
      `neighbours must be an array of ${n} neighbour lists (one per value), got ${Array.isArray(neighbours as unknown) ? neighbours.length : String(neighbours)}`,
    );
  }
  const islands: number[] = [];
  neighbours.forEach((list, i) => {
    if (!Array.isArray(list as unknown)) {
      throw measureError(measure, `neighbours[${i}] must be an array of unit indices, got ${String(list)}`);
    }
    if (list.length === 0) islands.push(i);
    const seen = new Set<number>();
    for (const j of list) {
      if (!Number.isInteger(j) || j < 0 || j >= n) {
        throw measureError(measure, `neighbours[${i}] contains ${String(j)}, which is not a unit index in 0..${n - 1}`);
      }
      if (j === i) throw measureError(measure, `neighbours[${i}] lists unit ${i} itself`);
      if (seen.has(j)) throw measureError(measure, `neighbours[${i}] lists unit ${j} twice`);
      seen.add(j);
    }
  });
  return islands;
}
