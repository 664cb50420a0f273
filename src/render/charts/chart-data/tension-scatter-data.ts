/**
 * Subsystem scores U1 and U2 of every region in the latest year, per tension, from the
 * tension section of results.json.
 */
import type { Lang } from '../labels.js';
import type { Zone } from '../palette.js';
import type { Results } from '../../../results/results.js';
import { analysisSection, arr, isObj, num, regionName, str } from '../../results-view.js';

/** One region (or all regions: `zone` 'total') in the U1–U2 plane. */
export interface ScatterPoint {
  region: string;
  name: string;
  zone: Zone | 'total';
  u1: number;
  u2: number;
  D: number;
  classIndex: number;
  className: string;
  /** False when the tension, or this region's tension, is not informative (results `informative`). */
  informative: boolean;
}

/** One tension's panel: its name, the names of its two subsystems, α and the points. */
export interface ScatterPanel {
  id: string;
  name: string;
  u1Name: string;
  u2Name: string;
  alpha: number;
  points: ScatterPoint[];
}

/**
 * The latest year with subsystem scores, and per tension the regions' U1, U2, D and class in
 * that year (the province total with `zone` 'total').
 *
 * @param results results.json
 * @param lang language of the names
 * @returns year, coupling variant and one panel per tension with points, or null without a
 *   tension section holding scores
 * @example
 * tensionScatter(results, 'zh')?.panels[0].u1Name; // => '治理效能'
 */
export function tensionScatter(
  results: Results,
  lang: Lang,
): { year: number; variant: 'standard' | 'modified'; panels: ScatterPanel[] } | null {
  const s = analysisSection(results, 'tension');
  if (!s) return null;
  const zoneOf = new Map(
    arr<unknown>(results.regions)
      .filter(isObj)
      .map((r) => [String(r.code), r.zone === 'core' ? 'core' : 'periphery'] as const),
  );
  const tensions = arr<unknown>(s.tensions).filter(isObj);
  const valid = (u: Record<string, unknown>) =>
    num(u.u1) !== null &&
    num(u.u2) !== null &&
    num(u.D) !== null &&
    num(u.year) !== null &&
    typeof u.region === 'string';
  let year: number | null = null;
  for (const t of tensions)
    for (const u of arr<unknown>(t.units).filter(isObj))
      if (valid(u) && u.region !== 'total' && (year === null || (num(u.year) as number) > year)) year = num(u.year);
  if (year === null) return null;
  const variant = isObj(s.method) && s.method.variant === 'modified' ? 'modified' : 'standard';
  const panels: ScatterPanel[] = [];
  for (const t of tensions) {
    const subs = arr<unknown>(t.subsystems).filter(isObj);
    const subName = (key: string): string => {
      const sub = subs.find((x) => x.key === key);
      return sub ? (str(lang === 'zh' ? sub.zh : sub.en) ?? key.toUpperCase()) : key.toUpperCase();
    };
    const alpha = num(t.alpha);
    const points: ScatterPoint[] = arr<unknown>(t.units)
      .filter(isObj)
      .filter((u) => valid(u) && num(u.year) === year)
      .map((u) => {
        const total = u.region === 'total';
        const code = u.region as string;
        return {
          region: code,
          name: total ? '' : regionName(results, code, lang),
          zone: total ? 'total' : (zoneOf.get(code) ?? 'periphery'),
          u1: num(u.u1) as number,
          u2: num(u.u2) as number,
          D: num(u.D) as number,
          classIndex: num(u.classIndex) ?? Math.min(9, Math.floor((num(u.D) as number) * 10)),
          className: str(lang === 'zh' ? u.zh : u.en) ?? '',
          informative: u.informative !== false,
        };
      });
    if (points.filter((p) => p.zone !== 'total').length === 0 || alpha === null || alpha < 0 || alpha > 1) continue;
    panels.push({
      id: String(t.id),
      name: str(lang === 'zh' ? t.zh : t.en) ?? String(t.id),
      u1Name: subName('u1'),
      u2Name: subName('u2'),
      alpha,
      points,
    });
  }
  return panels.length > 0 ? { year, variant, panels } : null;
}
