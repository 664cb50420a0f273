import { rollup, type Cube } from '../../cube/cube.js';
import { orderTypes } from '../order-types.js';

/** Stock of organizations per year: total and by type, on a gap-free year axis. */
export interface TypeStockSeries {
  /** Every year from `from` to `to`, including years the data do not cover. */
  years: number[];
  /** Years inside the span with no data at all (their values are null). */
  missingYears: number[];
  types: string[];
  /** Organizations per year (null for a missing year). */
  total: (number | null)[];
  /** Per type: organizations per year (0 when the year has data but none of the type; null for a missing year). */
  counts: Record<string, (number | null)[]>;
  /** Per type: count / total (null for a missing year). */
  shares: Record<string, (number | null)[]>;
}

/**
 * The stock of organizations per year by type, from the cube (for registry lists the cube
 * already counts an organization from its registration year until the year before its
 * deregistration). Years inside the span that have no cell at all are kept as null, not 0.
 *
 * @param cube the cube
 * @param window optional first and last year (clipped to the data by the caller)
 * @returns the series
 * @example
 * typeStockSeries(cube).shares.social_group.at(-1); // => 0.48
 */
export function typeStockSeries(cube: Cube, window?: readonly [number, number]): TypeStockSeries {
  const present = new Set(cube.years);
  const from = window ? window[0] : (cube.years[0] ?? 0);
  const to = window ? window[1] : (cube.years.at(-1) ?? -1);
  const years: number[] = [];
  for (let y = from; y <= to; y++) years.push(y);
  const types = orderTypes(cube.types);
  const cells = new Map(rollup(cube, ['year', 'type']).map((g) => [`${g.key.year}|${g.key.type}`, g.count]));
  const counts = Object.fromEntries(
    types.map((t) => [t, years.map((y) => (present.has(y) ? (cells.get(`${y}|${t}`) ?? 0) : null))]),
  );
  const total = years.map((y, k) => (present.has(y) ? types.reduce((a, t) => a + (counts[t][k] as number), 0) : null));
  const shares = Object.fromEntries(
    types.map((t) => [t, counts[t].map((c, k) => (c === null || !total[k] ? null : c / (total[k] as number)))]),
  );
  return { years, missingYears: years.filter((y) => !present.has(y)), types, total, counts, shares };
}
