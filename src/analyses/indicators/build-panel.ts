import { rollup, type Cube, type CubeGroup } from '../../cube/cube.js';
import * as msg from '../../core/messages/index.js';
import type { IndicatorDef } from '../../domain/framework/framework.js';
import type { RegionsFile } from '../../domain/regions/regions.js';
import { evaluateIndicator } from './evaluate-indicator.js';
import type { IndicatorNote, SkippedIndicator } from './indicator-notes.js';
import { missingColumns } from './missing-columns.js';

/** Region code of the province-total unit. */
export const TOTAL = 'total';

/** One unit of the panel: a region-year, or the province total of a year. */
export interface PanelUnit {
  region: string;
  year: number;
  /** True for the province total (region `total`). */
  total: boolean;
}

/** The raw indicator matrix of a panel and what was left out on the way. */
export interface Panel {
  /** Units sorted by year, then region (the total last in its year). */
  units: PanelUnit[];
  /** Indicators kept, in framework order. */
  indicators: IndicatorDef[];
  /** units × indicators raw values; NaN = not available. */
  raw: number[][];
  skipped: SkippedIndicator[];
  notes: IndicatorNote[];
}

/** Options of {@link buildPanel}. */
export interface BuildPanelOptions {
  /** Restrict the panel to one organization type (the per-type panels). */
  type?: string;
}

/**
 * Build the raw indicator matrix for units = region × year plus the province total of each
 * year. Indicators whose columns the cube lacks are skipped with a note naming the columns;
 * indicators with no value in any region-year are skipped too; `type_diversity` is skipped
 * within one type.
 *
 * @param cube the cube
 * @param regions the regions file (populations for per-resident indicators)
 * @param indicators the framework's indicators
 * @param options `type` to restrict to one organization type
 * @returns units, kept indicators, raw matrix, skipped indicators and notes
 * @example
 * buildPanel(cube, regions, framework.indicators).raw.length; // => (12 regions + total) × 17 years
 */
export function buildPanel(
  cube: Cube,
  regions: RegionsFile,
  indicators: readonly IndicatorDef[],
  options: BuildPanelOptions = {},
): Panel {
  const { notes, skipped, kept: computable } = computableIndicators(cube, indicators, options);
  let kept = computable;

  const where = options.type === undefined ? undefined : { type: options.type };
  const typeCounts = typeCountsOf(cube, where);

  const population = new Map<string, number>();
  for (const r of regions.regions) if (r.population > 0) population.set(r.code, r.population);
  const noPopulation = cube.regions.filter((r) => !population.has(r));
  const totalPopulation = noPopulation.length ? NaN : cube.regions.reduce((s, r) => s + population.get(r)!, 0);
  if (noPopulation.length && kept.some((i) => i.compute.kind === 'per_population')) {
    notes.push({ code: 'W_POPULATION_MISSING', subject: '', message: msg.populationMissing(noPopulation) });
  }

  const groups = new Map<string, CubeGroup>();
  const units: PanelUnit[] = [];
  for (const g of rollup(cube, ['region', 'year'], where)) {
    const region = g.key.region as string;
    const year = g.key.year as number;
    groups.set(`${region}|${year}`, g);
    units.push({ region, year, total: false });
  }
  for (const g of rollup(cube, ['year'], where)) {
    groups.set(`${TOTAL}|${g.key.year}`, g);
    units.push({ region: TOTAL, year: g.key.year as number, total: true });
  }
  units.sort((a, b) => a.year - b.year || (a.region < b.region ? -1 : a.region > b.region ? 1 : 0));

  let raw = units.map((u) => {
    const inputs = {
      group: groups.get(`${u.region}|${u.year}`)!,
      prev: groups.get(`${u.region}|${u.year - 1}`) ?? null,
      typeCounts: typeCounts.get(`${u.region}|${u.year}`) ?? [],
      population: u.total ? totalPopulation : (population.get(u.region) ?? NaN),
    };
    return kept.map((ind) => evaluateIndicator(ind.compute, inputs));
  });

  const hasData = kept.map((_, j) => units.some((u, i) => !u.total && !Number.isNaN(raw[i][j])));
  if (hasData.some((h) => !h)) {
    kept.forEach((ind, j) => {
      if (hasData[j]) return;
      skipped.push({ id: ind.id, layer: ind.layer, reason: 'no-data', missing: [] });
      notes.push({ code: 'W_INDICATOR_NO_DATA', subject: ind.id, message: msg.indicatorNoData(ind.id) });
    });
    kept = kept.filter((_, j) => hasData[j]);
    raw = raw.map((row) => row.filter((_, j) => hasData[j]));
  }
  const order = new Map(indicators.map((ind, k) => [ind.id, k]));
  skipped.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
  return { units, indicators: kept, raw, skipped, notes };
}

/** The indicators the cube has the columns for (and, for one type, that are not about the mix of types); the rest skipped with a note. */
function computableIndicators(
  cube: Cube,
  indicators: readonly IndicatorDef[],
  options: BuildPanelOptions,
): { notes: IndicatorNote[]; skipped: SkippedIndicator[]; kept: IndicatorDef[] } {
  const notes: IndicatorNote[] = [];
  const skipped: SkippedIndicator[] = [];
  const kept: IndicatorDef[] = [];
  for (const ind of indicators) {
    const missing = missingColumns(ind, cube.measures);
    if (missing.length) {
      skipped.push({ id: ind.id, layer: ind.layer, reason: 'missing-columns', missing: missing.map((m) => m.field) });
      notes.push({
        code: 'W_INDICATOR_MISSING_COLUMNS',
        subject: ind.id,
        message: msg.indicatorMissingColumns(ind.id, missing),
      });
    } else if (options.type !== undefined && ind.compute.kind === 'type_diversity') {
      skipped.push({ id: ind.id, layer: ind.layer, reason: 'not-per-type', missing: [] });
      notes.push({
        code: 'I_INDICATOR_NOT_PER_TYPE',
        subject: ind.id,
        message: msg.indicatorNotPerType(ind.id, ind.compute.kind),
      });
    } else kept.push(ind);
  }

  return { notes, skipped, kept };
}

/** Organizations by type (in cube.types order) per `region|year`, the province total under `TOTAL|year`. */
function typeCountsOf(cube: Cube, where: { type: string } | undefined): Map<string, number[]> {
  const typeIndex = new Map(cube.types.map((t, k) => [t, k]));
  const typeCounts = new Map<string, number[]>();
  const counts = (key: string) => {
    let a = typeCounts.get(key);
    if (!a) typeCounts.set(key, (a = cube.types.map(() => 0)));
    return a;
  };
  for (const g of rollup(cube, ['region', 'year', 'type'], where)) {
    counts(`${g.key.region}|${g.key.year}`)[typeIndex.get(g.key.type as string)!] += g.count;
    counts(`${TOTAL}|${g.key.year}`)[typeIndex.get(g.key.type as string)!] += g.count;
  }

  return typeCounts;
}
