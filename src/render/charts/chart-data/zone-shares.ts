/**
 * Core and periphery shares of organizations and of residents over years, from the counts
 * and the regions of results.json.
 */
import type { Results } from '../../../results/results.js';
import type { Zone } from '../palette.js';

/** One year's shares of the two zones. */
export interface ZoneShareYear {
  year: number;
  /** Organizations in the regions of the regions file. */
  total: number;
  organizations: Record<Zone, number>;
  /** Share of organizations (of those in the regions file's regions). */
  orgShare: Record<Zone, number>;
  /** Share of residents (regions file population; the same every year). */
  popShare: Record<Zone, number>;
}

/**
 * Per year, the share of organizations in the core and in the periphery against their
 * share of residents. Only regions listed in the regions file count (as in the spatial
 * analysis); the population is the regions file's (one census year), so the population
 * shares are the same in every year.
 *
 * @param results results.json
 * @returns one entry per year with organizations, ascending; null when the regions file
 *   has no core or no periphery, no population, or the counts have no rows
 * @example
 * zoneShares(results)?.at(-1)?.orgShare.core; // => 0.464
 */
export function zoneShares(results: Results): ZoneShareYear[] | null {
  const zone = new Map<string, Zone>();
  const pop: Record<Zone, number> = { core: 0, periphery: 0 };
  for (const r of results.regions) {
    zone.set(r.code, r.zone);
    pop[r.zone] += Math.max(0, r.population);
  }
  const residents = pop.core + pop.periphery;
  if (pop.core <= 0 || pop.periphery <= 0 || residents <= 0) return null;
  const byYear = new Map<number, Record<Zone, number>>();
  for (const { year, region, count } of results.counts.byYearRegion) {
    const z = zone.get(region);
    if (z === undefined) continue;
    const cell = byYear.get(year) ?? { core: 0, periphery: 0 };
    cell[z] += count;
    byYear.set(year, cell);
  }
  const out: ZoneShareYear[] = [];
  for (const year of [...byYear.keys()].sort((a, b) => a - b)) {
    const o = byYear.get(year)!;
    const total = o.core + o.periphery;
    if (total <= 0) continue;
    out.push({
      year,
      total,
      organizations: { ...o },
      orgShare: { core: o.core / total, periphery: o.periphery / total },
      popShare: { core: pop.core / residents, periphery: pop.periphery / residents },
    });
  }
  return out.length > 0 ? out : null;
}
