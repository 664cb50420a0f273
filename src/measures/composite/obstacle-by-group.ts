import { measureError } from '../measure-error.js';

/** Result of {@link obstacleByGroup}. */
export interface ObstacleByGroupResult {
  /** group names in order of first appearance among the columns */
  groups: string[];
  /** units × groups: the sum of each unit's obstacle degrees over the group's columns */
  values: number[][];
}

/**
 * Sum obstacle degrees by layer or group of indicators (e.g. the three layers composition /
 * function / output), giving the obstacle degree of each layer per unit.
 *
 * Missing cells (NaN) are left out of the sum; a group whose cells are all NaN for a unit
 * gets NaN.
 *
 * @param obstacle units × indicators matrix from `obstacleDegree`
 * @param groups the group of each indicator column, same length as a row
 * @returns the group names and a units × groups matrix of sums
 * @throws MeasureError `E_MEASURE_INPUT` when `groups` does not have one entry per column or a row is ragged
 * @example
 * obstacleByGroup([[0.5, 0.25, 0.25]], ['A', 'B', 'A']);
 * // => { groups: ['A', 'B'], values: [[0.75, 0.25]] }
 */
export function obstacleByGroup(
  obstacle: readonly (readonly number[])[],
  groups: readonly string[],
): ObstacleByGroupResult {
  const name = 'obstacleByGroup';
  if (!Array.isArray(obstacle) || obstacle.length === 0) throw measureError(name, 'matrix has no rows');
  if (!Array.isArray(groups) || groups.length === 0)
    throw measureError(name, 'groups is empty; give one group name per indicator column');
  const names: string[] = [];
  const slot = groups.map((g) => {
    let k = names.indexOf(g);
    if (k < 0) k = names.push(g) - 1;
    return k;
  });
  const values = obstacle.map((row, i) => {
    if (!Array.isArray(row) || row.length !== groups.length) {
      throw measureError(
        name,
        `row ${i} has ${Array.isArray(row) ? row.length : 0} values but ${groups.length} groups were given`,
      );
    }
    const sums = names.map(() => NaN);
    row.forEach((o, j) => {
      if (Number.isNaN(o)) return;
      const k = slot[j];
      sums[k] = Number.isNaN(sums[k]) ? o : sums[k] + o;
    });
    return sums;
  });
  return { groups: names, values };
}
