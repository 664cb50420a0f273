/**
 * Tension (1 − coupling coordination degree) by region and year, from the tension section
 * of results.json.
 */
import type { Lang } from '../labels.js';
import type { Zone } from '../palette.js';
import type { Results } from '../../../results/results.js';
import { regionName } from '../../results-view.js';

/** One point: a tension's value in a region (or all regions: `zone` 'total') and year. */
export interface TensionPoint {
  tension: string;
  region: string;
  name: string;
  zone: Zone | 'total';
  year: number;
  value: number;
}

/** Per tension: its name and the pooled province line (all regions together, the thick line) in the first and last year. */
export interface TensionMeans {
  name: string;
  fromYear: number;
  from: number;
  toYear: number;
  to: number;
}

/**
 * Every tension's value per region and year, and each tension's pooled value (the province
 * total, drawn as the thick line) in its first and last year.
 *
 * @param results results.json
 * @param lang language of the names
 * @returns points, tension names in order and means, or null without a tension section with values
 */
export function tensionSeries(
  results: Results,
  lang: Lang,
): { points: TensionPoint[]; tensions: string[]; means: TensionMeans[] } | null {
  const s = results.analyses.tension;
  if (!s) return null;
  const zoneOf = new Map(results.regions.map((r) => [r.code, r.zone]));
  const points: TensionPoint[] = [];
  const tensions: string[] = [];
  const means: TensionMeans[] = [];
  for (const t of s.tensions) {
    const name = lang === 'zh' ? t.zh : t.en;
    const mine: TensionPoint[] = [];
    for (const u of t.units) {
      const { year, tension: value } = u;
      if (value === null) continue;
      const total = u.region === 'total';
      mine.push({
        tension: name,
        region: u.region,
        name: total ? '' : regionName(results, u.region, lang),
        zone: total ? 'total' : (zoneOf.get(u.region) ?? 'periphery'),
        year,
        value,
      });
    }
    if (mine.length === 0) continue;
    tensions.push(name);
    points.push(...mine);
    const pooled = mine.filter((p) => p.zone === 'total').sort((a, b) => a.year - b.year);
    if (pooled.length >= 2 && t.informative.ok) {
      const first = pooled[0];
      const last = pooled[pooled.length - 1];
      means.push({ name, fromYear: first.year, from: first.value, toYear: last.year, to: last.value });
    }
  }
  return points.length > 0 ? { points, tensions, means } : null;
}
