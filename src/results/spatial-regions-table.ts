import type { Results } from './results.js';

/** Columns of `tables/spatial-regions.csv`. */
export const SPATIAL_REGIONS_COLUMNS = [
  'year',
  'region',
  'zh',
  'en',
  'zone',
  'population',
  'count',
  'share',
  'pop_share',
  'per_10k',
  'lq',
  'lisa_lag',
  'lisa_i',
  'lisa_p',
  'lisa_cluster',
] as const;

/**
 * Every region's line of the spatial section for its latest year (all organizations), with
 * the LISA columns when LISA ran: the full table behind the report's top and bottom 10
 * (`tables/spatial-regions.csv`). Pure.
 *
 * @param results the results
 * @returns rows keyed by {@link SPATIAL_REGIONS_COLUMNS}, ordered by density (highest first, then code); empty without a spatial section
 * @example
 * spatialRegionsTable(results)[0].region; // => '150100'
 */
export function spatialRegionsTable(results: Results): Record<string, unknown>[] {
  const spatial = results.analyses.spatial as
    | {
        byYear?: { year: number; all: { regions: Record<string, unknown>[] } }[];
        lisa?: { units: { code: string; lag: number | null; I: number; p: number | null; cluster: string }[] } | null;
      }
    | undefined;
  const last = spatial?.byYear?.at(-1);
  if (!last) return [];
  const lisa = new Map((spatial?.lisa?.units ?? []).map((u) => [u.code, u]));
  const rows = last.all.regions.map((r) => {
    const l = lisa.get(String(r.region));
    return {
      year: last.year,
      region: r.region,
      zh: r.zh,
      en: r.en,
      zone: r.zone,
      population: r.population,
      count: r.count,
      share: r.share,
      pop_share: r.popShare,
      per_10k: r.per10k,
      lq: r.lq,
      lisa_lag: l?.lag ?? null,
      lisa_i: l?.I ?? null,
      lisa_p: l?.p ?? null,
      lisa_cluster: l?.cluster ?? null,
    };
  });
  const d = (x: unknown) => (typeof x === 'number' ? x : -1);
  return rows.sort((a, b) => d(b.per_10k) - d(a.per_10k) || String(a.region).localeCompare(String(b.region)));
}
