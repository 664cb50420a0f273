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
 * @returns the groups, sorted by key
 * @example
 * rollup(cube, ['year', 'type']).find((g) => g.key.year === 2024 && g.key.type === 'foundation')?.count;
 */
export function rollup(cube: Cube, by: CubeDim[], where?: (c: CubeCell) => boolean): CubeGroup[] {
  const groups = new Map<string, CubeGroup>();
  for (const c of cube.cells) {
    if (where && !where(c)) continue;
    const k = by.map((d) => c[d]).join('\u0001');
    let g = groups.get(k);
    if (!g) {
      const key: CubeGroup['key'] = {};
      for (const d of by) key[d] = c[d];
      g = { key, count: 0, sum: {}, n: {} };
      for (const m of cube.measures) {
        g.sum[m] = 0;
        g.n[m] = 0;
      }
      groups.set(k, g);
    }
    g.count += c.count;
    for (const m of cube.measures) {
      g.sum[m] += c.sum[m];
      g.n[m] += c.n[m];
    }
  }
  return [...groups.values()].sort((a, b) => {
    for (const d of by) {
      const x = a.key[d]!;
      const y = b.key[d]!;
      if (x < y) return -1;
      if (x > y) return 1;
    }
    return 0;
  });
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
