/**
 * Subsystem scores U1 and U2 of every region in the latest year, per tension, from the
 * tension section of results.json.
 */
import type { Lang } from '../labels.js';
import type { Zone } from '../palette.js';
import type { Results } from '../../../results/results.js';
import type { TensionUnitRow } from '../../../results/section-types.js';
import { regionName } from '../../results-view.js';

/** A unit with both subsystem scores and D. */
type ScoredUnit = TensionUnitRow & { u1: number; u2: number; D: number };

const scored = (u: TensionUnitRow): u is ScoredUnit => u.u1 !== null && u.u2 !== null && u.D !== null;

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
  const s = results.analyses.tension;
  if (!s) return null;
  const zoneOf = new Map(results.regions.map((r) => [r.code, r.zone]));
  const tensions = s.tensions;
  let year: number | null = null;
  for (const t of tensions)
    for (const u of t.units) if (scored(u) && u.region !== 'total' && (year === null || u.year > year)) year = u.year;
  if (year === null) return null;
  const variant = s.method.variant;
  const panels: ScatterPanel[] = [];
  for (const t of tensions) {
    const subName = (key: string): string => {
      const sub = t.subsystems.find((x) => x.key === key);
      return sub ? (lang === 'zh' ? sub.zh : sub.en) : key.toUpperCase();
    };
    const alpha = t.alpha;
    const points: ScatterPoint[] = t.units
      .filter(scored)
      .filter((u) => u.year === year)
      .map((u) => {
        const total = u.region === 'total';
        const code = u.region;
        return {
          region: code,
          name: total ? '' : regionName(results, code, lang),
          zone: total ? 'total' : (zoneOf.get(code) ?? 'periphery'),
          u1: u.u1,
          u2: u.u2,
          D: u.D,
          classIndex: u.classIndex ?? Math.min(9, Math.floor(u.D * 10)),
          className: (lang === 'zh' ? u.zh : u.en) ?? '',
          informative: u.informative,
        };
      });
    if (points.filter((p) => p.zone !== 'total').length === 0 || alpha < 0 || alpha > 1) continue;
    panels.push({
      id: t.id,
      name: lang === 'zh' ? t.zh : t.en,
      u1Name: subName('u1'),
      u2Name: subName('u2'),
      alpha,
      points,
    });
  }
  return panels.length > 0 ? { year, variant, panels } : null;
}
