import { measureError } from '../measure-error.js';

/**
 * Block (regime) neighbour lists: units sharing a group label are all neighbours of each
 * other (PySAL `libpysal.weights.block_weights`). Useful for {@link spatialGini} and
 * {@link moransI} with administrative groupings instead of contiguity.
 *
 * @param groups group label of each unit
 * @returns for each unit, the indices of the other units in its group, ascending
 * @throws MeasureError `E_MEASURE_INPUT` for an empty array
 * @example
 * blockNeighbours(['a', 'b', 'a', 'a']); // => [[2, 3], [], [0, 3], [0, 2]]
 */
export function blockNeighbours(groups: readonly (string | number)[]): number[][] {
  if (!Array.isArray(groups as unknown) || groups.length === 0) {
    throw measureError('blockNeighbours', 'groups must be a non-empty array of labels');
  }
  const members = new Map<string, number[]>();
  groups.forEach((g, i) => {
    const key = String(g);
    const list = members.get(key);
    if (list) list.push(i);
    else members.set(key, [i]);
  });
  return groups.map((g, i) => (members.get(String(g)) ?? []).filter((j) => j !== i));
}
