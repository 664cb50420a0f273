import { FlatCubeCell } from './flat-cube-cell.js';
import { measureRecord } from './measure-record.js';

export { measureRecord };

/** The dimensions a cube cell is keyed by. */
export type CubeDim = 'region' | 'year' | 'type' | 'field';

/** One cell: an organization count plus, for each measured field, its sum and reporting count. */
export interface CubeCell {
  region: string;
  year: number;
  type: string;
  /** Field-of-activity code, '' when the input has no field column. */
  field: string;
  /** Organizations in the cell. */
  count: number;
  /** Per measured field: sum over organizations reporting it. */
  sum: Record<string, number>;
  /** Per measured field: organizations reporting it (non-missing). */
  n: Record<string, number>;
}

/**
 * The region × year × type (× field) table of counts and totals that every cube-level
 * analysis reads. Organization rows are aggregated into it; yearbook tables fill it
 * directly (then `n` equals `count` unless the table gives reporting counts).
 */
export interface Cube {
  source: 'microdata' | 'aggregate';
  /** Measured fields (sums available), canonical and derived. */
  measures: string[];
  regions: string[];
  years: number[];
  types: string[];
  fields: string[];
  cells: CubeCell[];
}

/** A rolled-up group: its key values and the summed count, sums and reporting counts. */
export interface CubeGroup {
  key: Partial<Record<CubeDim, string | number>>;
  count: number;
  sum: Record<string, number>;
  n: Record<string, number>;
}

/**
 * Cells to keep in a rollup: those whose dimensions equal all the values given (e.g.
 * `{ year: 2024 }`, `{ year: 2024, type: 'foundation' }`). Cheaper than a function: cells
 * are found through per-year lists and integer codes, not by reading every cell.
 */
export type CellFilter = Partial<{ region: string; year: number; type: string; field: string }>;

/**
 * Sum cube cells into groups keyed by the given dimensions (an empty list gives one grand
 * total), in a deterministic order (by the dimension values, ascending).
 *
 * @param cube the cube
 * @param by dimensions to keep
 * @param where optional filter on cells: dimension values to match ({@link CellFilter}),
 *   or a function
 * @returns the groups, sorted by key; unfiltered rollups are shared between callers
 *   (computed once per cube and dimension list), so treat them as read-only
 * @example
 * rollup(cube, ['year', 'type']).find((g) => g.key.year === 2024 && g.key.type === 'foundation')?.count;
 * rollup(cube, ['region'], { year: 2024 }); // organizations by region in 2024
 */
export function rollup(cube: Cube, by: CubeDim[], where?: CellFilter | ((c: CubeCell) => boolean)): CubeGroup[] {
  if (where) return computeRollup(cube, by, where);
  let memo = rollupMemo.get(cube);
  if (!memo) rollupMemo.set(cube, (memo = new Map()));
  const k = by.join(',');
  let hit = memo.get(k);
  if (!hit || hit.cells !== cube.cells) {
    hit = { cells: cube.cells, groups: computeRollup(cube, by) };
    memo.set(k, hit);
  }
  return hit.groups;
}

/** Unfiltered rollups, remembered per cube (analyses ask for the same ones many times). */
const rollupMemo = new WeakMap<Cube, Map<string, { cells: CubeCell[]; groups: CubeGroup[] }>>();

const DIMS: readonly CubeDim[] = ['region', 'year', 'type', 'field'];

/** The cells' dimensions as integer codes (in order of first appearance), their counts, and the cells of each year. */
interface CellIndex {
  codes: Record<CubeDim, Int32Array>;
  codeOf: Record<CubeDim, Map<string | number, number>>;
  byYear: Map<number, Int32Array>;
  /** Each cell's organization count. */
  counts: Float64Array;
}

const indexMemo = new WeakMap<CubeCell[], CellIndex>();

function cellIndex(cells: CubeCell[]): CellIndex {
  let ix = indexMemo.get(cells);
  if (ix) return ix;
  const codes = {} as Record<CubeDim, Int32Array>;
  const codeOf = {} as Record<CubeDim, Map<string | number, number>>;
  for (const d of DIMS) {
    const a = new Int32Array(cells.length);
    const m = new Map<string | number, number>();
    for (let i = 0; i < cells.length; i++) {
      const v = cells[i][d];
      let c = m.get(v);
      if (c === undefined) m.set(v, (c = m.size));
      a[i] = c;
    }
    codes[d] = a;
    codeOf[d] = m;
  }
  const lists = new Map<number, number[]>();
  const counts = new Float64Array(cells.length);
  for (let i = 0; i < cells.length; i++) {
    const y = cells[i].year;
    let l = lists.get(y);
    if (!l) lists.set(y, (l = []));
    l.push(i);
    counts[i] = cells[i].count;
  }
  ix = { codes, codeOf, byYear: new Map([...lists].map(([y, l]) => [y, Int32Array.from(l)])), counts };
  indexMemo.set(cells, ix);
  return ix;
}

/** Indices of the cells a filter keeps, in cell order (always an Int32Array, so that the summing loop sees one type). */
function filteredCells(
  cube: Cube,
  ix: CellIndex,
  where: CellFilter | ((c: CubeCell) => boolean) | undefined,
): Int32Array {
  const cells = cube.cells;
  if (!where) {
    const all = new Int32Array(cells.length);
    for (let i = 0; i < all.length; i++) all[i] = i;
    return all;
  }
  if (typeof where === 'function') {
    const out: number[] = [];
    for (let i = 0; i < cells.length; i++) if (where(cells[i])) out.push(i);
    return Int32Array.from(out);
  }
  const tests: { codes: Int32Array; code: number }[] = [];
  for (const d of DIMS) {
    const v = where[d];
    if (v === undefined || d === 'year') continue;
    const code = ix.codeOf[d].get(v);
    if (code === undefined) return new Int32Array(0);
    tests.push({ codes: ix.codes[d], code });
  }
  let base: Int32Array;
  if (where.year !== undefined) base = ix.byYear.get(where.year) ?? new Int32Array(0);
  else base = filteredCells(cube, ix, undefined);
  if (tests.length === 0) return base;
  const out = new Int32Array(base.length);
  let kept = 0;
  for (let k = 0; k < base.length; k++) {
    const i = base[k];
    let ok = true;
    for (const t of tests) if (t.codes[i] !== t.code) ok = false;
    if (ok) out[kept++] = i;
  }
  return out.subarray(0, kept);
}

/**
 * Number the groups of the listed cells by the dimensions `by`, in order of first appearance.
 *
 * @param ix the cells' index
 * @param by the dimensions to group by
 * @param list the cells (indices)
 * @returns each listed cell's group, and the first cell of each group
 */
function groupCells(ix: CellIndex, by: CubeDim[], list: Int32Array): { group: Int32Array; firstCell: number[] } {
  // a group's integer key combines the codes of its dimensions
  const strides = by.map(() => 1);
  let domain = 1;
  for (let k = by.length - 1; k >= 0; k--) {
    strides[k] = domain;
    domain *= Math.max(1, ix.codeOf[by[k]].size);
  }
  const byCodes = by.map((d) => ix.codes[d]);
  const dense = domain <= 1 << 16 ? new Int32Array(domain).fill(-1) : null;
  const sparse = dense ? null : new Map<number, number>();
  const group = new Int32Array(list.length);
  const firstCell: number[] = [];
  for (let k = 0; k < list.length; k++) {
    const ci = list[k];
    let gk = 0;
    for (let d = 0; d < byCodes.length; d++) gk += byCodes[d][ci] * strides[d];
    let g = dense ? dense[gk] : (sparse!.get(gk) ?? -1);
    if (g < 0) {
      g = firstCell.length;
      if (dense) dense[gk] = g;
      else sparse!.set(gk, g);
      firstCell.push(ci);
    }
    group[k] = g;
  }
  return { group, firstCell };
}

/**
 * Add the listed cells' rows of `from` (m values per cell) into their groups' rows of `to`,
 * in list order (the order of additions the rollup has always had).
 *
 * @example
 * const to = new Float64Array(2);
 * addByGroup(Float64Array.of(1, 2, 4), Int32Array.of(0, 2, 1), Int32Array.of(0, 1, 0), 1, to); // to => [5, 4]
 */
// eslint-disable-next-line max-params -- hot loop over typed arrays, positional arguments
function addByGroup(from: Float64Array, list: Int32Array, group: Int32Array, m: number, to: Float64Array): void {
  for (let k = 0; k < list.length; k++) {
    const gb = group[k] * m;
    const cb = list[k] * m;
    for (let j = 0; j < m; j++) to[gb + j] += from[cb + j];
  }
}

function computeRollup(cube: Cube, by: CubeDim[], where?: CellFilter | ((c: CubeCell) => boolean)): CubeGroup[] {
  const flat = flatCells(cube);
  const ix = cellIndex(cube.cells);
  const m = cube.measures.length;
  const list = filteredCells(cube, ix, where);
  const { group, firstCell } = groupCells(ix, by, list);
  const groups = firstCell.length;
  const counts = new Float64Array(groups);
  addByGroup(ix.counts, list, group, 1, counts);
  const sums = new Float64Array(groups * m);
  const ns = new Float64Array(groups * m);
  addByGroup(flat.sum, list, group, m, sums);
  addByGroup(flat.n, list, group, m, ns);
  const out: CubeGroup[] = firstCell.map((ci, g) => {
    const c = cube.cells[ci];
    const key: CubeGroup['key'] = {};
    for (const d of by) key[d] = c[d];
    return {
      key,
      count: counts[g],
      sum: measureRecord(cube.measures, sums, g * m),
      n: measureRecord(cube.measures, ns, g * m),
    };
  });
  return out.sort((a, b) => {
    for (const d of by) {
      const x = a.key[d]!;
      const y = b.key[d]!;
      if (x < y) return -1;
      if (x > y) return 1;
    }
    return 0;
  });
}

/** Cell sums and reporting counts as flat arrays (cell × measure), built once per cells array. */
const flatMemo = new WeakMap<CubeCell[], { sum: Float64Array; n: Float64Array }>();

function flatCells(cube: Cube): { sum: Float64Array; n: Float64Array } {
  let f = flatMemo.get(cube.cells);
  if (!f) f = FlatCubeCell.gather(cube.cells, cube.measures) ?? undefined;
  if (!f) {
    const m = cube.measures.length;
    f = { sum: new Float64Array(cube.cells.length * m), n: new Float64Array(cube.cells.length * m) };
    cube.cells.forEach((c, ci) => {
      for (let j = 0; j < m; j++) {
        f!.sum[ci * m + j] = c.sum[cube.measures[j]];
        f!.n[ci * m + j] = c.n[cube.measures[j]];
      }
    });
  }
  flatMemo.set(cube.cells, f);
  return f;
}

/**
 * Mean per reporting organization of a measured field in a group: sum / n (NaN when no
 * organization reported it).
 *
 * @example
 * meanOf(group, 'staff_fulltime'); // => 2.4
 */
export function meanOf(g: CubeGroup, field: string): number {
  const n = g.n[field];
  return n > 0 ? g.sum[field] / n : NaN;
}
