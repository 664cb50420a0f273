/**
 * The values the maps colour, read from results.json: location quotients, tension
 * classes and LISA clusters by region code (densities come from `regionDensity`).
 */
import type { Lang } from '../labels.js';
import type { Results } from '../../../results/results.js';
import { ranSection } from '../../results-view.js';
import { mt } from './map-labels.js';

/** One panel of a small-multiple map: a name and a value per region code (null: none). */
export interface MapPanel {
  name: string;
  values: Map<string, number | null>;
}

/** Location quotients of the last spatial year: all organizations, then up to two fields. */
export interface LqPanels {
  year: number;
  panels: MapPanel[];
}

/**
 * Location quotients by region in the last year of the spatial section that has them: the
 * quotient of all organizations against residents (`all.regions[].lq`) and, when the input
 * had fields, the fields with the highest periphery quotient (`fields.peripheryTop`, at most
 * two field panels).
 *
 * @param results results.json
 * @param lang language of the panel names
 * @returns the panels, or null without a spatial section with quotients
 * @example
 * lqPanels(results, 'zh')?.panels[0].name; // => '全部社会组织'
 */
export function lqPanels(results: Results, lang: Lang): LqPanels | null {
  const years = ranSection(results, 'spatial')?.byYear ?? [];
  for (let i = years.length - 1; i >= 0; i--) {
    const y = years[i];
    const lqs = new Map(y.all.regions.map((r) => [r.region, r.lq] as const));
    if (![...lqs.values()].some((v) => v !== null)) continue;
    const panels: MapPanel[] = [{ name: mt('panel.all', lang), values: lqs }];
    const f = y.fields;
    if (f) {
      const wanted = [...new Set(f.peripheryTop.map((t) => t.field))].slice(0, 2);
      for (const id of wanted) {
        const row = f.rows.find((r) => r.field === id);
        if (!row) continue;
        panels.push({
          name: lang === 'zh' ? row.zh : row.en,
          values: new Map(Object.keys(row.lq).map((c) => [c, row.lq[c]] as const)),
        });
      }
    }
    return { year: y.year, panels };
  }
  return null;
}

/** A region's coordination class in one tension. */
export interface ClassCell {
  code: string;
  classIndex: number;
  className: string;
  D: number;
}

/** Coordination classes of the regions in the last year of each tension. */
export interface TensionClasses {
  year: number;
  /** `index`: the tension's position in `analyses.tension.tensions` */
  tensions: { name: string; index: number; cells: ClassCell[] }[];
}

/**
 * The coupling-coordination class (0–9) of every region in the last year of the tension
 * section, one panel per tension (the province total left out).
 *
 * @param results results.json
 * @param lang language of names
 * @returns the classes, or null without a tension section with region units
 * @example
 * tensionClasses(results, 'zh')?.tensions[0].cells[0]; // => { code: '150100', classIndex: 7, className: '中级协调', D: 0.74 }
 */
export function tensionClasses(results: Results, lang: Lang): TensionClasses | null {
  const tensions = results.analyses.tension?.tensions ?? [];
  const years = tensions.flatMap((t) => t.units.map((u) => u.year));
  if (years.length === 0) return null;
  const year = Math.max(...years);
  const out: TensionClasses['tensions'] = [];
  for (const [index, t] of tensions.entries()) {
    const cells: ClassCell[] = [];
    for (const u of t.units) {
      const { classIndex: k, D } = u;
      if (u.year !== year || u.region === 'total' || k === null || D === null) continue;
      cells.push({ code: u.region, classIndex: k, className: (lang === 'zh' ? u.zh : u.en) ?? String(k), D });
    }
    if (cells.length > 0) out.push({ name: lang === 'zh' ? t.zh : t.en, index, cells });
  }
  return out.length > 0 ? { year, tensions: out } : null;
}

/** LISA cluster codes. */
export const LISA_CLUSTERS = ['HH', 'LL', 'HL', 'LH', 'ns'] as const;

/** One of {@link LISA_CLUSTERS}. */
export type LisaCluster = (typeof LISA_CLUSTERS)[number];

/** Local Moran results of the spatial section. */
export interface LisaData {
  year: number;
  variable: string;
  permutations: number;
  alpha: number;
  units: { code: string; cluster: LisaCluster; p: number | null }[];
}

/**
 * The local Moran (LISA) clusters of `analyses.spatial.lisa`
 * (`{ year, variable, permutations, alpha, seed, units: [{ code, cluster, p, … }] }`).
 *
 * @param results results.json
 * @returns the clusters, or null without a LISA section with units
 * @example
 * lisaData(results)?.units.filter((u) => u.cluster === 'HH').length;
 */
export function lisaData(results: Results): LisaData | null {
  const l = ranSection(results, 'spatial')?.lisa;
  if (!l || l.units.length === 0) return null;
  const units = l.units.map((u) => ({ code: u.code, cluster: u.cluster, p: u.p }));
  return { year: l.year, variable: l.variable, permutations: l.permutations, alpha: l.alpha, units };
}
