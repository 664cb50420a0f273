import type { Cube, CubeCell } from './cube.js';

/**
 * Finish a cube from its cells: cells sorted by region, year, type, field, and the sorted
 * distinct values of each dimension. Both ways into the cube (organization rows and
 * aggregated tables) end here, so the same cells give the same cube, in the same order.
 *
 * @param source where the cells came from
 * @param measures measured fields (every cell has a sum and a reporting count for each)
 * @param cells the cells, one per region × year × type × field, in any order
 * @returns the cube
 * @example
 * cubeFromCells('aggregate', [], [{ region: '150100', year: 2024, type: 'foundation', field: '', count: 3, sum: {}, n: {} }]).years; // => [2024]
 */
export function cubeFromCells(source: Cube['source'], measures: string[], cells: Iterable<CubeCell>): Cube {
  const list = [...cells].sort((a, b) =>
    a.region < b.region
      ? -1
      : a.region > b.region
        ? 1
        : a.year - b.year ||
          (a.type < b.type ? -1 : a.type > b.type ? 1 : a.field < b.field ? -1 : a.field > b.field ? 1 : 0),
  );
  const uniq = <T>(xs: T[]) => [...new Set(xs)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return {
    source,
    measures,
    regions: uniq(list.map((c) => c.region)),
    years: uniq(list.map((c) => c.year)),
    types: uniq(list.map((c) => c.type)),
    fields: uniq(list.map((c) => c.field)),
    cells: list,
  };
}
