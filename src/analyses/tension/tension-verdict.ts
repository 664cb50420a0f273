import type { RegionsFile } from '../../domain/regions/regions.js';
import { TOTAL } from '../indicators/build-panel.js';
import type { TensionResult } from './tension-section.js';
import type { ResolvedTension } from './tension-config.js';
import { type TensionVerdictNumbers, tensionVerdictText } from './tension-verdict-text.js';

/** How many regions the verdict names. */
export const VERDICT_TOP = 3;

/**
 * The numbers of one tension's verdict for a year: the regions with the highest tension
 * (ties: region code) with their class and lagging subsystem, the largest obstacle inside the
 * lagging subsystem of the first of them, how many regions lag on each side, the mean
 * tension across regions in the first and the given year (regions with a value in both),
 * the regions whose class is not robust, and for tensions with a Theil decomposition the
 * between-group share of the first resource.
 *
 * @param r the tension's result (units, obstacles, theil)
 * @param t the resolved tension (labels)
 * @param regions the regions file (names)
 * @param at.year the year of the verdict
 * @param at.monteCarlo whether the Monte Carlo ran (robustness is reported only then)
 * @returns the numbers for `tensionVerdict`
 * @example
 * tensionVerdictNumbers(result, tension, regions, { year: 2024, monteCarlo: true }).top[0].tension; // => 0.71
 */
export function tensionVerdictNumbers(
  r: TensionResult,
  t: ResolvedTension,
  regions: RegionsFile,
  { year, monteCarlo }: { year: number; monteCarlo: boolean },
): TensionVerdictNumbers {
  const names = new Map(regions.regions.map((x) => [x.code, { zh: x.zh, en: x.en }]));
  const name = (code: string) => names.get(code) ?? { zh: code, en: code };
  const [u1, u2] = t.subsystems.map((s) => s.label);
  const subLabel = (k: 'u1' | 'u2') => (k === 'u1' ? u1 : u2);
  const inYear = r.units.filter(
    (u) => u.year === year && u.region !== TOTAL && u.tension !== null && u.informative !== false,
  );
  const ranked = [...inYear].sort(
    (a, b) => b.tension! - a.tension! || (a.region < b.region ? -1 : a.region > b.region ? 1 : 0),
  );
  const top = ranked.slice(0, VERDICT_TOP).map((u) => ({
    name: name(u.region),
    tension: u.tension!,
    class: { zh: u.zh!, en: u.en! },
    lagging: u.lagging ? subLabel(u.lagging) : null,
    gap: u.lagging ? u.gap : null,
  }));
  let driver: TensionVerdictNumbers['driver'] = null;
  const first = ranked[0];
  if (first?.lagging) {
    const o = r.obstacles.find((x) => x.region === first.region && x.year === year && x.order === 1);
    const sub = t.subsystems.find((s) => s.key === first.lagging)!;
    const ind = o ? sub.indicators.find((i) => i.id === o.indicator) : undefined;
    if (o && ind) driver = { region: name(first.region), subsystem: sub.label, indicator: ind.label, degree: o.degree };
  }
  const lagCounts = {
    u1: inYear.filter((u) => u.lagging === 'u1').length,
    u2: inYear.filter((u) => u.lagging === 'u2').length,
    regions: inYear.length,
  };

  const mean = meanChange(r, year);
  const notRobust = monteCarlo ? inYear.filter((u) => u.robust === false).map((u) => name(u.region)) : null;
  const th = r.theil.find((x) => x.year === year && x.betweenShare !== null);
  const theilPart = th
    ? { resource: { zh: th.zh, en: th.en }, betweenShare: th.betweenShare!, ratio: th.corePerResidentRatio }
    : null;
  const first1 = r.informative.reasons[0];
  const labelOf = (k: 'u1' | 'u2', id: string | null) => {
    const ind = id ? t.subsystems.find((s) => s.key === k)!.indicators.find((i) => i.id === id) : undefined;
    return ind ? ind.label : null;
  };
  const notInformative =
    !r.informative.ok && first1?.kind === 'single-indicator'
      ? { subsystem: subLabel(first1.subsystem), indicator: labelOf(first1.subsystem, first1.indicator) }
      : null;
  const atBound = r.informative.reasons.flatMap((x) =>
    x.kind === 'at-bound' ? [{ subsystem: subLabel(x.subsystem), bound: x.bound, regions: x.regions.map(name) }] : [],
  );
  return {
    tension: t.label,
    u1,
    u2,
    year,
    top,
    driver,
    lagCounts,
    mean,
    notRobust,
    theil: theilPart,
    notInformative,
    atBound,
  };
}

/**
 * One tension's verdict for a year in English and Chinese, built from its numbers
 * ({@link tensionVerdictNumbers}, `tensionVerdict`).
 *
 * @param r the tension's result
 * @param t the resolved tension
 * @param regions the regions file
 * @param at.year the year
 * @param at.monteCarlo whether the Monte Carlo ran
 * @returns `{ en, zh }`
 * @example
 * tensionVerdict(result, tension, regions, { year: 2024, monteCarlo: true }).en;
 * // => 'structural tension (governance efficacy vs organizational development), 2024: highest tension in …'
 */
export function tensionVerdict(
  r: TensionResult,
  t: ResolvedTension,
  regions: RegionsFile,
  at: { year: number; monteCarlo: boolean },
): { en: string; zh: string } {
  const v = tensionVerdictNumbers(r, t, regions, at);
  return { en: tensionVerdictText('en', v), zh: tensionVerdictText('zh', v) };
}

/**
 * The mean tension of the regions with a value in both the first year and `year` (null
 * when there is no earlier year, or no region in both).
 */
function meanChange(r: TensionResult, year: number): TensionVerdictNumbers['mean'] {
  let mean: TensionVerdictNumbers['mean'] = null;
  const withValue = r.units.filter(
    (u) => u.region !== TOTAL && u.tension !== null && u.year <= year && u.informative !== false,
  );
  const fromYear = withValue.length ? Math.min(...withValue.map((u) => u.year)) : undefined;
  if (fromYear !== undefined && fromYear < year) {
    const at = (y: number) => new Map(withValue.filter((u) => u.year === y).map((u) => [u.region, u.tension!]));
    const a = at(fromYear);
    const b = at(year);
    const both = [...b.keys()].filter((k) => a.has(k));
    if (both.length) {
      const avg = (m: Map<string, number>) => both.reduce((s, k) => s + m.get(k)!, 0) / both.length;
      mean = { fromYear, from: avg(a), toYear: year, to: avg(b) };
    }
  }
  return mean;
}
