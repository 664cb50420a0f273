/**
 * Lorenz curve and field × region location quotients from the spatial section of
 * results.json (`results.analyses.spatial`).
 */
import type { Lang } from '../labels.js';
import type { Zone } from '../palette.js';
import type { Results } from '../../../results/results.js';
import type { FieldRow, SpatialYear } from '../../../results/section-types.js';
import { coreFirstOrder, ranSection, regionName } from '../../results-view.js';

/**
 * The last year of the spatial section for which `pick` finds something, with what it found
 * (null when the section is absent, skipped or no year has it).
 */
function lastSpatialYear<T>(
  results: Results,
  pick: (year: SpatialYear) => T | null,
): { year: number; value: T } | null {
  const years = ranSection(results, 'spatial')?.byYear ?? [];
  for (let i = years.length - 1; i >= 0; i--) {
    const value = pick(years[i]);
    if (value !== null) return { year: years[i].year, value };
  }
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
  const found = lastSpatialYear(results, ({ all }) => {
    const gini = all.gini?.densityPopulationWeighted ?? null;
    return all.lorenz !== null && all.lorenz.length >= 2 && gini !== null ? { lorenz: all.lorenz, gini } : null;
  });
  if (!found) return null;
  const { lorenz, gini } = found.value;
  const points = lorenz.map((p) => ({
    x: p.x,
    y: p.y,
    name: p.region === null ? null : regionName(results, p.region, lang),
  }));
  return { year: found.year, points, gini };
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
  const found = lastSpatialYear(results, (y) => (y.fields !== null && y.fields.rows.length > 0 ? y.fields : null));
  if (!found) return null;
  const f = found.value;
  const zoneOf = new Map(results.regions.map((r) => [r.code, r.zone]));
  const order = coreFirstOrder(results);
  const rank = (c: string): number => order.indexOf(c) + 1 || order.length + 1;
  const regionCodes = f.regions
    .map((c, i) => ({ c, i }))
    .sort((a, b) => rank(a.c) - rank(b.c) || a.i - b.i)
    .map(({ c }) => c);
  const rows = f.rows;
  const label = (row: FieldRow): string => (lang === 'zh' ? row.zh : row.en);
  const cells: LqCell[] = [];
  for (const row of rows) {
    for (const code of regionCodes) {
      cells.push({
        field: row.field,
        fieldName: label(row),
        region: code,
        regionName: regionName(results, code, lang),
        zone: zoneOf.get(code) ?? 'periphery',
        lq: row.lq[code] ?? null,
      });
    }
  }
  if (cells.length === 0) return null;
  const byField = new Map(rows.map((r) => [r.field, r]));
  const nameOf = (field: string): string => {
    const row = byField.get(field);
    return row ? label(row) : field;
  };
  const claim = f.literatureClaim;
  const claimedFields = claim.fields
    .map((c) => ({ name: nameOf(c), lq: claim.peripheryLq[c] ?? null }))
    .filter((x): x is { name: string; lq: number } => x.lq !== null);
  const peripheryTop = f.peripheryTop.map((t) => ({ name: nameOf(t.field), lq: t.lq }));
  return {
    year: found.year,
    fields: rows.map(label),
    regions: regionCodes.map((c) => regionName(results, c, lang)),
    cells,
    claimedFields,
    peripheryTop,
  };
}
