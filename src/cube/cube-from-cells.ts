import type { Cube, CubeCell } from './cube.js';

/**
 * Finish a cube from its cells: cells sorted by region, year, type, field, and the sorted
 * distinct values of each dimension. Both ways into the cube (organization rows and
 * aggregated tables) end here, so the same cells give the same cube, in the same order.
 *
 * @param source where the cells came from
 * @param measures measured fields (every cell has a sum and a reporting count for each)
 * @param cells the cells, one per region × year × type × field, in any order
 * @param sorted true when the cells are already in {@link compareCells} order (as the caller sorted them; default false)
 * @returns the cube
 * @example
 * cubeFromCells('aggregate', [], [{ region: '150100', year: 2024, type: 'foundation', field: '', count: 3, sum: {}, n: {} }]).years; // => [2024]
 */
export function cubeFromCells(
  source: Cube['source'],
  measures: string[],
  cells: Iterable<CubeCell>,
  sorted = false,
): Cube {
  const list = sorted ? [...cells] : [...cells].sort(compareCells);
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

/**
 * The order of a cube's cells: by region, then year, then type, then field.
 *
 * @param a a cell's key
 * @param b another cell's key
 * @returns negative, 0 or positive
 * @example
 * compareCells({ region: '1501', year: 2024, type: 'a', field: '' }, { region: '1501', year: 2023, type: 'b', field: '' }); // => 1
 */
export function compareCells(a: CellKey, b: CellKey): number {
  return a.region < b.region
    ? -1
    : a.region > b.region
      ? 1
      : a.year - b.year ||
        (a.type < b.type ? -1 : a.type > b.type ? 1 : a.field < b.field ? -1 : a.field > b.field ? 1 : 0);
}

/** The dimensions of a cell. */
export type CellKey = Pick<CubeCell, 'region' | 'year' | 'type' | 'field'>;
