import { rollup, type Cube } from '../../cube/cube.js';
import type { RegionsFile } from '../../domain/regions/regions.js';
import { theil } from '../../measures/inequality/theil.js';
import { estimatedTotal } from '../indicators/evaluate-indicator.js';
import type { TheilResourceDef } from './tension-config.js';

/** The core/periphery Theil decomposition of one resource in one year. */
export interface ResourceTheilRow {
  resource: string;
  zh: string;
  en: string;
  year: number;
  /** Regions that entered (a known, non-negative value and a population). */
  regions: number;
  /** Theil T of the resource against population: Σ S_i ln(S_i / P_i). */
  theilT: number | null;
  between: number | null;
  within: number | null;
  /** between / total; null when T = 0. */
  betweenShare: number | null;
  /** The core's share of the resource and of the residents. */
  coreShare: number | null;
  corePopShare: number | null;
  /** Resource per resident in the core / the same in the periphery; null when the periphery has none. */
  corePerResidentRatio: number | null;
}

/** Why a resource got no Theil rows at all. */
export interface ResourceTheilSkip {
  resource: string;
  reason: 'missing-columns' | 'no-core' | 'no-periphery';
  missing: string[];
}

/** Result of {@link resourceTheil}. */
export interface ResourceTheil {
  rows: ResourceTheilRow[];
  skipped: ResourceTheilSkip[];
  /** Region-years left out because their value or population was unknown. */
  partial: { resource: string; year: number; regions: string[] }[];
}

const finite = (x: number): number | null => (Number.isFinite(x) ? x : null);

/**
 * Province-level Theil T of resources per resident (e.g. organizations' revenue) over the
 * regions of each year, against population shares, decomposed into the core/periphery
 * between-group and within-group parts (`theil` with groups). A region's resource is the
 * estimated total Σ_f T_f of the listed fields (organizations that did not report a field
 * are taken to be like those that did). Regions without a known value or a population are
 * left out of that year and listed; a year whose resources sum to 0 gets nulls.
 *
 * @param cube the cube
 * @param regions the regions file (population)
 * @param core core region codes
 * @param resources the resources to decompose
 * @returns rows per resource and year, skipped resources and partial years
 * @example
 * resourceTheil(cube, regions, ['150100', '150200', '150600'], [{ id: 'revenue', label, fields: ['rev_total'] }]).rows[0].betweenShare;
 */
export function resourceTheil(
  cube: Cube,
  regions: RegionsFile,
  core: readonly string[],
  resources: readonly TheilResourceDef[],
): ResourceTheil {
  const out: ResourceTheil = { rows: [], skipped: [], partial: [] };
  if (resources.length === 0) return out;
  const coreSet = new Set(core);
  const pop = new Map(regions.regions.map((r) => [r.code, r.population]));
  const groups = rollup(cube, ['region', 'year']);
  for (const res of resources) {
    const missing = res.fields.filter((f) => !cube.measures.includes(f));
    if (missing.length) {
      out.skipped.push({ resource: res.id, reason: 'missing-columns', missing });
      continue;
    }
    if (!cube.regions.some((r) => coreSet.has(r))) {
      out.skipped.push({ resource: res.id, reason: 'no-core', missing: [] });
      continue;
    }
    if (cube.regions.every((r) => coreSet.has(r))) {
      out.skipped.push({ resource: res.id, reason: 'no-periphery', missing: [] });
      continue;
    }
    for (const year of cube.years) {
      const values: number[] = [];
      const people: number[] = [];
      const zone: string[] = [];
      const left: string[] = [];
      for (const g of groups) {
        if (g.key.year !== year) continue;
        const region = g.key.region as string;
        const v = res.fields.reduce((s, f) => s + estimatedTotal(g, f), 0);
        const p = pop.get(region) ?? 0;
        if (!(v >= 0) || !(p > 0)) {
          left.push(region);
          continue;
        }
        values.push(v);
        people.push(p);
        zone.push(coreSet.has(region) ? 'core' : 'periphery');
      }
      if (left.length) out.partial.push({ resource: res.id, year, regions: left });
      const row: ResourceTheilRow = {
        resource: res.id,
        zh: res.label.zh,
        en: res.label.en,
        year,
        regions: values.length,
        theilT: null,
        between: null,
        within: null,
        betweenShare: null,
        coreShare: null,
        corePopShare: null,
        corePerResidentRatio: null,
      };
      const sum = values.reduce((a, b) => a + b, 0);
      if (sum > 0 && zone.includes('core') && zone.includes('periphery')) {
        const d = theil(values, { population: people, groups: zone });
        const c = d.groups.core;
        const p = d.groups.periphery;
        Object.assign(row, {
          theilT: finite(d.total),
          between: finite(d.between),
          within: finite(d.within),
          betweenShare: finite(d.betweenShare),
          coreShare: c.share,
          corePopShare: c.popShare,
          corePerResidentRatio: p.share > 0 ? c.share / c.popShare / (p.share / p.popShare) : null,
        });
      }
      out.rows.push(row);
    }
  }
  return out;
}
