import { rollup, type Cube } from '../../cube/cube.js';
import type { ComputeSpec, IndicatorDef } from '../../domain/framework/framework.js';
import type { Region, RegionsFile } from '../../domain/regions/regions.js';
import { buildPanel, TOTAL, type PanelUnit } from '../indicators/build-panel.js';
import { missingColumns } from '../indicators/missing-columns.js';
import { evaluateTensionOnly, pooledFigures, type RegionFigures } from './evaluate-tension-only.js';
import { isTensionOnlyKind } from './resolve-tensions.js';
import type { RegionAttributeSpec, ResolvedIndicator, TypeShareSpec } from './tension-config.js';

/** An indicator the tension analysis could not compute. */
export interface TensionSkipped {
  id: string;
  /** `missing-columns`: input columns absent; `missing-region-data`: the regions file lacks a figure; `no-data`: no value in any region-year. */
  reason: 'missing-columns' | 'missing-region-data' | 'no-data';
  /** What is missing: column names (a derived field as `name (from a, b)`), or `gdp`, `area`, `urbanRate`, `schoolingYears`, `core regions`. */
  missing: string[];
  /** For `missing-region-data`: true when no region of the input has the figure (else some lack it). */
  noRegionHas?: boolean;
}

/** Raw values of every tension indicator on the units of the indicators analysis. */
export interface TensionPanel {
  /** Region-years sorted by year, then region, the province total (`total`) last in its year. */
  units: PanelUnit[];
  /** Indicator id → raw value per unit (NaN = not available); only computable indicators. */
  columns: Map<string, number[]>;
  skipped: TensionSkipped[];
  /** Regions of the input without a population (per-resident indicators are missing there). */
  populationMissing: string[];
}

/** Standard indicators as the indicators analysis defines them (layer is not used here). */
function asIndicatorDef(ind: ResolvedIndicator): IndicatorDef {
  return {
    id: ind.id,
    label: ind.label,
    layer: ind.layer ?? 'composition',
    direction: ind.direction,
    unit: ind.unit,
    rationale: ind.rationale,
    compute: ind.compute as ComputeSpec,
  };
}

/** The regions-file field each attribute reads (besides population). */
const FIELD_OF: Partial<Record<RegionAttributeSpec['attribute'], { field: string; has: (r: Region) => boolean }>> = {
  area: { field: 'area', has: (r) => typeof r.area === 'number' && r.area > 0 },
  density: { field: 'area', has: (r) => typeof r.area === 'number' && r.area > 0 },
  gdp: { field: 'gdp', has: (r) => r.gdp !== undefined },
  gdp_per_capita: { field: 'gdp', has: (r) => r.gdp !== undefined },
  urban_rate: { field: 'urbanRate', has: (r) => typeof r.urbanRate === 'number' },
  schooling_years: { field: 'schoolingYears', has: (r) => typeof r.schoolingYears === 'number' },
};

/** Why a region attribute cannot be computed for this input (`missing` empty when it can). */
function regionDataMissing(
  spec: RegionAttributeSpec,
  inCube: readonly (Region | undefined)[],
  core: readonly Region[],
): { missing: string[]; noRegionHas: boolean } {
  const missing: string[] = [];
  let noRegionHas = false;
  const f = FIELD_OF[spec.attribute];
  if (f && inCube.some((r) => !r || !f.has(r))) {
    missing.push(f.field);
    noRegionHas = !inCube.some((r) => r && f.has(r));
  }
  if (spec.relativeTo === 'core' && core.length === 0) missing.push('core regions');
  return { missing, noRegionHas };
}

/**
 * Build the raw matrix of the tension indicators on the units of the indicators analysis
 * (region × year plus the province total of each year): indicator kinds through
 * `buildPanel` / `evaluateIndicator` (same numbers as the indicators analysis), the
 * tension-only kinds (`type_share`, `region_attribute`) here. An indicator whose columns are
 * absent, whose regions-file figure (area, gdp) is absent for a region of the input, or that
 * has no value in any region-year is skipped and listed.
 *
 * @param cube the cube
 * @param regions the regions file
 * @param indicators the distinct indicators of all tensions (one per id)
 * @param coreCodes the core region codes (for `relativeTo: 'core'`)
 * @returns units, columns by indicator id, skipped indicators, regions without population
 * @example
 * buildTensionPanel(cube, regions, inds, ['150100', '150200', '150600']).columns.get('social_group_share');
 */
export function buildTensionPanel(
  cube: Cube,
  regions: RegionsFile,
  indicators: readonly ResolvedIndicator[],
  coreCodes: readonly string[],
): TensionPanel {
  const standard = indicators.filter((i) => !isTensionOnlyKind(i.compute));
  const panel = buildPanel(cube, regions, standard.map(asIndicatorDef));
  const { units } = panel;
  const columns = new Map<string, number[]>();
  const skipped: TensionSkipped[] = [];
  for (const s of panel.skipped) {
    if (s.reason === 'not-per-type') continue;
    const ind = standard.find((i) => i.id === s.id)!;
    const missing =
      s.reason === 'no-data'
        ? []
        : missingColumns(asIndicatorDef(ind), cube.measures).map((m) =>
            m.from ? `${m.field} (derived from ${m.from.join(', ')})` : m.field,
          );
    skipped.push({ id: s.id, reason: s.reason === 'no-data' ? 'no-data' : 'missing-columns', missing });
  }
  panel.indicators.forEach((ind, j) =>
    columns.set(
      ind.id,
      panel.raw.map((row) => row[j]),
    ),
  );

  const byCode = new Map(regions.regions.map((r) => [r.code, r]));
  const inCube = cube.regions.map((c) => byCode.get(c));
  const core = coreCodes.map((c) => byCode.get(c)).filter((r): r is Region => r !== undefined);
  const populationMissing = cube.regions.filter((c) => !((byCode.get(c)?.population ?? 0) > 0));

  const only = indicators.filter((i) => isTensionOnlyKind(i.compute));
  if (only.length) {
    const typeCounts = typeCountsByUnit(cube);
    const figures = figuresMemo();
    for (const ind of only) {
      const spec = ind.compute as TypeShareSpec | RegionAttributeSpec;
      if (spec.kind === 'region_attribute') {
        const { missing, noRegionHas } = regionDataMissing(spec, inCube, core);
        if (missing.length) {
          skipped.push({ id: ind.id, reason: 'missing-region-data', missing, noRegionHas });
          continue;
        }
      }
      const col = units.map((u) =>
        evaluateTensionOnly(spec, {
          typeCounts: typeCounts.get(`${u.region}|${u.year}`) ?? new Map(),
          figures: u.total ? figures(TOTAL, inCube, u.year) : figures(u.region, [byCode.get(u.region)], u.year),
          core: figures('core', core, u.year),
          total: figures(TOTAL, inCube, u.year),
        }),
      );
      if (!units.some((u, i) => !u.total && !Number.isNaN(col[i])))
        skipped.push({ id: ind.id, reason: 'no-data', missing: [] });
      else columns.set(ind.id, col);
    }
  }
  const order = new Map(indicators.map((ind, k) => [ind.id, k]));
  skipped.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
  return { units, columns, skipped, populationMissing };
}

/** Organizations by type per `region|year`, the province total under `TOTAL|year`. */
function typeCountsByUnit(cube: Cube): Map<string, Map<string, number>> {
  const typeCounts = new Map<string, Map<string, number>>();
  const add = (key: string, type: string, n: number) => {
    let m = typeCounts.get(key);
    if (!m) typeCounts.set(key, (m = new Map()));
    m.set(type, (m.get(type) ?? 0) + n);
  };
  for (const g of rollup(cube, ['region', 'year', 'type'])) {
    add(`${g.key.region}|${g.key.year}`, g.key.type as string, g.count);
    add(`${TOTAL}|${g.key.year}`, g.key.type as string, g.count);
  }
  return typeCounts;
}

/** Pooled figures of a list of regions in a year, computed once per key and year (NaN when a region is not in the file). */
function figuresMemo(): (key: string, list: readonly (Region | undefined)[], year: number) => RegionFigures {
  const figuresCache = new Map<string, RegionFigures>();
  return (key, list, year) => {
    const k = `${key}|${year}`;
    let f = figuresCache.get(k);
    if (!f) {
      f = list.some((r) => r === undefined)
        ? { population: NaN, area: NaN, gdp: NaN, urban: NaN, schooling: NaN, regions: list.length }
        : pooledFigures(list as Region[], year);
      figuresCache.set(k, f);
    }
    return f;
  };
}
