import type { Results } from '../results/results.js';
import type { ReportUnit } from './report-units.js';
import type { UnitComparison } from '../analyses/unit-section.js';

export type { UnitComparison } from '../analyses/unit-section.js';

/**
 * Compare every unit with the whole input, from the whole run's results.
 *
 * @param whole the results of the whole input
 * @param units the units
 * @param year the year compared
 * @returns one comparison per unit, in the units' order
 * @example
 * compareUnits(results, units, 2024)[0].share; // => 0.221…
 */
export function compareUnits(whole: Results, units: readonly ReportUnit[], year: number): UnitComparison[] {
  const byRegion = new Map(
    whole.counts.byYearRegion.filter((c) => c.year === year).map((c) => [c.region, c.count] as const),
  );
  const total = whole.counts.byYear.find((c) => c.year === year)?.count ?? 0;
  const scores = (whole.analyses.indicators as { scores?: ScoreRow[] } | undefined)?.scores ?? [];
  const score = new Map(scores.filter((s) => s.year === year).map((s) => [s.region, s]));
  const rows = units.map((u) => {
    const count = u.regions.regions.reduce((s, r) => s + (byRegion.get(r.code) ?? 0), 0);
    const population = u.regions.regions.reduce((s, r) => s + (r.population ?? 0), 0) || null;
    const own = u.level === 'region' ? score.get(u.code) : undefined;
    return {
      code: u.code,
      zh: u.zh,
      en: u.en,
      level: u.level,
      regions: u.regions.regions.length,
      year,
      count,
      total,
      share: total ? count / total : null,
      rank: 0,
      of: units.length,
      population,
      per10k: population ? (10_000 * count) / population : null,
      per10kRank: null as number | null,
      composite: own?.composite ?? null,
      compositeRank: own?.rank ?? null,
      spatialNote:
        u.level === 'region'
          ? {
              en: `The rows name ${u.en} as a whole, not its counties: the spatial sections (concentration, location quotients, Moran's I, maps) compare regions and have only this one. Data placed at county level (a county code or name, read with --regions china-counties or detected) gives each report its counties.`,
              zh: `数据只到${u.zh}一级，未细分到旗县区：空间部分（集中度、区位商、莫兰指数、地图）比较的是地区，本报告只有这一个地区，故不作比较。数据细分到县级（县级代码或名称，用 --regions china-counties 或自动识别）时，每份报告比较其所辖旗县区。`,
            }
          : null,
    };
  });
  for (const r of rows) r.rank = 1 + rows.filter((o) => o.count > r.count).length;
  for (const r of rows)
    if (r.per10k !== null) r.per10kRank = 1 + rows.filter((o) => o.per10k !== null && o.per10k > r.per10k!).length;
  return rows;
}

/** One row of `analyses.indicators.scores`. */
interface ScoreRow {
  region: string;
  year: number;
  composite: number;
  rank: number;
}
