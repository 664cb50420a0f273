/**
 * Lorenz curve and field × region location quotients from the spatial section of
 * results.json (`results.analyses.spatial`).
 */
import type { Lang } from '../labels.js';
import type { Zone } from '../palette.js';
import type { Results } from '../../../results/results.js';
import { analysisSection, arr, coreFirstOrder, isObj, num, regionName, str } from '../../results-view.js';

/** The last year of the spatial section whose `all` profile passes `ok`, with that profile. */
function lastSpatialYear(
  results: Results,
  ok: (year: Record<string, unknown>) => boolean,
): Record<string, unknown> | null {
  const s = analysisSection(results, 'spatial');
  if (!s) return null;
  const years = arr<unknown>(s.byYear).filter(isObj);
  for (let i = years.length - 1; i >= 0; i--) if (num(years[i].year) !== null && ok(years[i])) return years[i];
  return null;
}

/** Lorenz curve of one year. */
export interface LorenzData {
  year: number;
  /** Cumulative shares, from (0, 0) to (1, 1); `name` of the region each step adds. */
  points: { x: number; y: number; name: string | null }[];
  /** Population-weighted Gini of density (= 1 − 2 × area under the curve). */
  gini: number;
}

/**
 * The population-weighted Lorenz curve of the last year that has one, with its Gini.
 *
 * @param results results.json
 * @param lang language of the region names
 * @returns the curve, or null when the spatial section is absent or has no curve
 * @example
 * lorenzData(results, 'en')?.gini; // => 0.134
 */
export function lorenzData(results: Results, lang: Lang): LorenzData | null {
  const hasCurve = (y: Record<string, unknown>): boolean => {
    const all = y.all;
    return (
      isObj(all) && arr(all.lorenz).length >= 2 && isObj(all.gini) && num(all.gini.densityPopulationWeighted) !== null
    );
  };
  const y = lastSpatialYear(results, hasCurve);
  if (!y) return null;
  const all = y.all as Record<string, unknown>;
  const points = arr<unknown>(all.lorenz)
    .filter(isObj)
    .map((p) => ({ x: num(p.x), y: num(p.y), region: str(p.region) }))
    .filter((p): p is { x: number; y: number; region: string | null } => p.x !== null && p.y !== null)
    .map((p) => ({ x: p.x, y: p.y, name: p.region === null ? null : regionName(results, p.region, lang) }));
  if (points.length < 2) return null;
  return { year: num(y.year)!, points, gini: num((all.gini as Record<string, unknown>).densityPopulationWeighted)! };
}

/** One cell of the field × region location-quotient matrix. */
export interface LqCell {
  field: string;
  fieldName: string;
  region: string;
  regionName: string;
  zone: Zone;
  /** null where the region has no organizations with a field. */
  lq: number | null;
}

/** Field × region location quotients of one year. */
export interface LqMatrix {
  year: number;
  /** Field names in row order. */
  fields: string[];
  /** Region names in column order: the core first, each zone in regions-file order. */
  regions: string[];
  cells: LqCell[];
  /** Periphery LQ of Fu (2025)'s fields (ecology, charity) when the section checked them. */
  claimedFields: { name: string; lq: number }[];
  /** Fields with the highest periphery LQ (up to 3). */
  peripheryTop: { name: string; lq: number }[];
}

/**
 * The field × region location quotients of the last year that has them.
 *
 * @param results results.json
 * @param lang language of the field and region names
 * @returns the matrix, or null when the spatial section is absent or the input had no field column
 * @example
 * lqMatrix(results, 'zh')?.cells.filter((c) => c.lq !== null && c.lq > 1);
 */
export function lqMatrix(results: Results, lang: Lang): LqMatrix | null {
  const y = lastSpatialYear(results, (yy) => isObj(yy.fields) && arr(yy.fields.rows).length > 0);
  if (!y) return null;
  const f = y.fields as Record<string, unknown>;
  const zoneOf = new Map(
    arr<unknown>(results.regions)
      .filter(isObj)
      .map((r) => [String(r.code), r.zone === 'core' ? 'core' : 'periphery'] as const),
  );
  const order = coreFirstOrder(results);
  const rank = (c: string): number => order.indexOf(c) + 1 || order.length + 1;
  const regionCodes = arr<unknown>(f.regions)
    .filter((c): c is string => typeof c === 'string')
    .map((c, i) => ({ c, i }))
    .sort((a, b) => rank(a.c) - rank(b.c) || a.i - b.i)
    .map(({ c }) => c);
  const rows = arr<unknown>(f.rows).filter(isObj);
  const label = (row: Record<string, unknown>): string => str(lang === 'zh' ? row.zh : row.en) ?? String(row.field);
  const cells: LqCell[] = [];
  for (const row of rows) {
    const lq = isObj(row.lq) ? row.lq : {};
    for (const code of regionCodes) {
      cells.push({
        field: String(row.field),
        fieldName: label(row),
        region: code,
        regionName: regionName(results, code, lang),
        zone: zoneOf.get(code) ?? 'periphery',
        lq: num(lq[code]),
      });
    }
  }
  if (cells.length === 0) return null;
  const byField = new Map(rows.map((r) => [String(r.field), r]));
  const claim = isObj(f.literatureClaim) ? f.literatureClaim : {};
  const claimLq = isObj(claim.peripheryLq) ? claim.peripheryLq : {};
  const claimedFields = arr<unknown>(claim.fields)
    .filter((c): c is string => typeof c === 'string')
    .map((c) => ({ name: byField.has(c) ? label(byField.get(c)!) : c, lq: num(claimLq[c]) }))
    .filter((x): x is { name: string; lq: number } => x.lq !== null);
  const peripheryTop = arr<unknown>(f.peripheryTop)
    .filter(isObj)
    .map((t) => ({
      name: byField.has(String(t.field)) ? label(byField.get(String(t.field))!) : String(t.field),
      lq: num(t.lq),
    }))
    .filter((x): x is { name: string; lq: number } => x.lq !== null);
  return {
    year: num(y.year)!,
    fields: rows.map(label),
    regions: regionCodes.map((c) => regionName(results, c, lang)),
    cells,
    claimedFields,
    peripheryTop,
  };
}
