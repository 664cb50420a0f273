/**
 * The values the maps colour, read from results.json: location quotients, tension
 * classes and LISA clusters by region code (densities come from `regionDensity`).
 */
import type { Lang } from '../labels.js';
import type { Results } from '../../../results/results.js';
import { analysisSection, arr, isObj, num, str } from '../../results-view.js';
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
 * had fields, the fields the section checked for the periphery (seed claim) or, failing
 * those, its top fields (at most two field panels).
 *
 * @param results results.json
 * @param lang language of the panel names
 * @returns the panels, or null without a spatial section with quotients
 * @example
 * lqPanels(results, 'zh')?.panels[0].name; // => '全部社会组织'
 */
export function lqPanels(results: Results, lang: Lang): LqPanels | null {
  const s = analysisSection(results, 'spatial');
  if (!s) return null;
  const years = arr<unknown>(s.byYear).filter(isObj);
  for (let i = years.length - 1; i >= 0; i--) {
    const y = years[i];
    const all = isObj(y.all) ? arr<unknown>(y.all.regions).filter(isObj) : [];
    const lqs = new Map(all.map((r) => [String(r.region), num(r.lq)] as const));
    if (num(y.year) === null || ![...lqs.values()].some((v) => v !== null)) continue;
    const panels: MapPanel[] = [{ name: mt('panel.all', lang), values: lqs }];
    const f = isObj(y.fields) ? y.fields : null;
    if (f) {
      const rows = arr<unknown>(f.rows).filter(isObj);
      const seed = isObj(f.seedClaim) ? arr<unknown>(f.seedClaim.fields) : [];
      const top = arr<unknown>(f.peripheryTop)
        .filter(isObj)
        .map((t) => t.field);
      const wanted = [...new Set([...seed, ...top].map(String))].slice(0, 2);
      for (const id of wanted) {
        const row = rows.find((r) => String(r.field) === id);
        if (!row || !isObj(row.lq)) continue;
        const lq = row.lq;
        panels.push({
          name: str(lang === 'zh' ? row.zh : row.en) ?? id,
          values: new Map(Object.keys(lq).map((c) => [c, num(lq[c])] as const)),
        });
      }
    }
    return { year: num(y.year)!, panels };
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
  const s = analysisSection(results, 'tension');
  if (!s) return null;
  const tensions = arr<unknown>(s.tensions).filter(isObj);
  const years = tensions.flatMap((t) =>
    arr<unknown>(t.units)
      .filter(isObj)
      .map((u) => num(u.year) ?? -Infinity),
  );
  if (years.length === 0) return null;
  const year = Math.max(...years);
  const out: TensionClasses['tensions'] = [];
  for (const [index, t] of tensions.entries()) {
    const cells: ClassCell[] = [];
    for (const u of arr<unknown>(t.units).filter(isObj)) {
      const k = num(u.classIndex);
      const D = num(u.D);
      if (num(u.year) !== year || u.region === 'total' || typeof u.region !== 'string' || k === null || D === null)
        continue;
      cells.push({ code: u.region, classIndex: k, className: str(lang === 'zh' ? u.zh : u.en) ?? String(k), D });
    }
    if (cells.length > 0) out.push({ name: str(lang === 'zh' ? t.zh : t.en) ?? String(t.id), index, cells });
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
  const s = analysisSection(results, 'spatial');
  const l = s && isObj(s.lisa) ? s.lisa : null;
  if (!l) return null;
  const units = arr<unknown>(l.units)
    .filter(isObj)
    .filter((u) => typeof u.code === 'string' && (LISA_CLUSTERS as readonly unknown[]).includes(u.cluster))
    .map((u) => ({ code: String(u.code), cluster: u.cluster as LisaCluster, p: num(u.p) }));
  const year = num(l.year);
  if (units.length === 0 || year === null) return null;
  return {
    year,
    variable: str(l.variable) ?? '',
    permutations: num(l.permutations) ?? 0,
    alpha: num(l.alpha) ?? 0.05,
    units,
  };
}
