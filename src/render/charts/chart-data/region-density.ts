/**
 * Organizations per 10,000 residents by region in one year, from the counts and the regions
 * of results.json.
 */
import type { Lang } from '../labels.js';
import type { Zone } from '../palette.js';
import type { Results } from '../../../results/results.js';
import { countYears, regionName } from '../../results-view.js';

/** One region's density. */
export interface RegionDensity {
  region: string;
  name: string;
  zone: Zone;
  count: number;
  population: number;
  /** Organizations per 10,000 residents. */
  per10k: number;
}

/** Densities of one year, sorted from the densest region down, with the all-region average. */
export interface RegionDensityYear {
  year: number;
  regions: RegionDensity[];
  /** Organizations per 10,000 residents over all regions with residents. */
  average: number;
}

/**
 * Organizations per 10,000 residents for every region of the regions file that has a
 * population, in the last year of the counts (or `year`), sorted by density (descending;
 * ties by regions-file order).
 *
 * @param results results.json
 * @param lang language of the region names
 * @param year the year (default: the last year of the counts)
 * @returns the densities, or null when no region has residents or the year has no counts
 * @example
 * regionDensity(results, 'zh')?.regions[0]; // => { region: '150100', name: '呼和浩特市', per10k: 1.65, … }
 */
export function regionDensity(results: Results, lang: Lang, year?: number): RegionDensityYear | null {
  const y = year ?? countYears(results).at(-1);
  if (y === undefined) return null;
  const counts = new Map<string, number>();
  for (const c of results.counts.byYearRegion) {
    if (c.year === y) counts.set(c.region, (counts.get(c.region) ?? 0) + c.count);
  }
  if (counts.size === 0) return null;
  const rows: RegionDensity[] = [];
  for (const r of results.regions) {
    const population = r.population;
    if (population <= 0) continue;
    const count = counts.get(r.code) ?? 0;
    rows.push({
      region: r.code,
      name: regionName(results, r.code, lang),
      zone: r.zone,
      count,
      population,
      per10k: (count / population) * 10000,
    });
  }
  if (rows.length === 0) return null;
  const order = new Map(rows.map((r, i) => [r.region, i]));
  rows.sort((a, b) => b.per10k - a.per10k || order.get(a.region)! - order.get(b.region)!);
  const totalCount = rows.reduce((s, r) => s + r.count, 0);
  const totalPop = rows.reduce((s, r) => s + r.population, 0);
  return { year: y, regions: rows, average: (totalCount / totalPop) * 10000 };
}
