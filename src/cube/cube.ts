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
 * Sum cube cells into groups keyed by the given dimensions (an empty list gives one grand
 * total), in a deterministic order (by the dimension values, ascending).
 *
 * @param cube the cube
 * @param by dimensions to keep
 * @param where optional filter on cells
 * @returns the groups, sorted by key; unfiltered rollups are shared between callers
 *   (computed once per cube and dimension list), so treat them as read-only
 * @example
 * rollup(cube, ['year', 'type']).find((g) => g.key.year === 2024 && g.key.type === 'foundation')?.count;
 */
export function rollup(cube: Cube, by: CubeDim[], where?: (c: CubeCell) => boolean): CubeGroup[] {
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

function computeRollup(cube: Cube, by: CubeDim[], where?: (c: CubeCell) => boolean): CubeGroup[] {
  const flat = flatCells(cube);
  const m = cube.measures.length;
  const index = new Map<string, number>();
  const keys: CubeGroup['key'][] = [];
  const counts: number[] = [];
  let sums = new Float64Array(64 * m);
  let ns = new Float64Array(64 * m);
  const cells = cube.cells;
  for (let ci = 0; ci < cells.length; ci++) {
    const c = cells[ci];
    if (where && !where(c)) continue;
    const k = by.length === 1 ? String(c[by[0]]) : by.map((d) => c[d]).join('\u0001');
    let g = index.get(k);
    if (g === undefined) {
      g = keys.length;
      index.set(k, g);
      const key: CubeGroup['key'] = {};
      for (const d of by) key[d] = c[d];
      keys.push(key);
      counts.push(0);
      if ((g + 1) * m > sums.length) {
        const s2 = new Float64Array(sums.length * 2);
        s2.set(sums);
        sums = s2;
        const n2 = new Float64Array(ns.length * 2);
        n2.set(ns);
        ns = n2;
      }
    }
    counts[g] += c.count;
    const gb = g * m;
    const cb = ci * m;
    for (let j = 0; j < m; j++) {
      sums[gb + j] += flat.sum[cb + j];
      ns[gb + j] += flat.n[cb + j];
    }
  }
  const groups: CubeGroup[] = keys.map((key, g) => {
    const sum: Record<string, number> = {};
    const n: Record<string, number> = {};
    for (let j = 0; j < m; j++) {
      sum[cube.measures[j]] = sums[g * m + j];
      n[cube.measures[j]] = ns[g * m + j];
    }
    return { key, count: counts[g], sum, n };
  });
  return groups.sort((a, b) => {
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
  if (!f) {
    const m = cube.measures.length;
    f = { sum: new Float64Array(cube.cells.length * m), n: new Float64Array(cube.cells.length * m) };
    cube.cells.forEach((c, ci) => {
      for (let j = 0; j < m; j++) {
        f!.sum[ci * m + j] = c.sum[cube.measures[j]];
        f!.n[ci * m + j] = c.n[cube.measures[j]];
      }
    });
    flatMemo.set(cube.cells, f);
  }
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
