/**
 * Year × type organization counts from results.json, as the type charts need them.
 */
import { ORG_TYPES } from '../../../dataset/fields.js';
import type { Results } from '../../../results/results.js';
import type { TypeYearCount } from '../specs/type-year-grid.js';

/**
 * Complete year × type grid of counts from `results.counts.byYearType`: every known type
 * seen in any year gets a row in every year (0 where the counts have none, which is what a
 * missing cube cell means). Rows with unknown types or bad numbers are left out.
 *
 * @param results results.json
 * @returns the rows sorted by year and type, or null when there are none
 * @example
 * typeYearCounts(results)?.filter((r) => r.year === 2024);
 */
export function typeYearCounts(results: Results): TypeYearCount[] | null {
  const cells = new Map<string, number>();
  const years = new Set<number>();
  const types = new Set<string>();
  for (const { year, count, type } of results.counts.byYearType) {
    if (count < 0 || !Number.isInteger(year) || !(ORG_TYPES as readonly string[]).includes(type)) continue;
    years.add(year);
    types.add(type);
    cells.set(`${year}|${type}`, (cells.get(`${year}|${type}`) ?? 0) + count);
  }
  if (cells.size === 0) return null;
  const out: TypeYearCount[] = [];
  for (const year of [...years].sort((a, b) => a - b)) {
    for (const type of ORG_TYPES.filter((t) => types.has(t)))
      out.push({ year, type, count: cells.get(`${year}|${type}`) ?? 0 });
  }
  return out;
}
