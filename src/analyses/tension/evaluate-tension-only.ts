import type { Region } from '../../domain/regions/regions.js';
import type { RegionAttribute, RegionAttributeSpec, TypeShareSpec } from './tension-config.js';

/** Population, area and GDP of a region, or summed over several (NaN when unknown). */
export interface RegionFigures {
  population: number;
  area: number;
  gdp: number;
  /** Urban residents (urbanRate × population summed; NaN or absent when a region lacks urbanRate). */
  urban?: number;
  /** Resident-years of schooling (schoolingYears × population summed; NaN or absent when a region lacks it). */
  schooling?: number;
  /** How many regions the sums cover (1 for one region). */
  regions: number;
}

/**
 * The GDP of a region in a year: the single number, or the year's entry when the regions file
 * gives GDP by year.
 *
 * @param region a region of the regions file
 * @param year the year
 * @returns the GDP, NaN when the file has none for that year
 * @example
 * gdpOf({ ...r, gdp: { '2023': 5 } }, 2023); // => 5
 */
export function gdpOf(region: Region, year: number): number {
  const g = region.gdp;
  if (typeof g === 'number') return g;
  if (g && typeof g === 'object') return g[String(year)] ?? NaN;
  return NaN;
}

/**
 * Population, area and GDP pooled over regions (sums); a figure is NaN when any region
 * lacks it (population: when any has none or 0), so that a pooled figure never silently
 * covers fewer regions than it names.
 *
 * @param regions the regions to pool (at least one; none gives NaN everywhere)
 * @param year the year (for GDP given by year)
 * @returns the pooled figures (urban residents and resident-years of schooling from urbanRate
 *   and schoolingYears)
 * @example
 * pooledFigures([{ population: 10, area: 2, ... }, { population: 30, area: 8, ... }], 2024); // => { population: 40, area: 10, gdp: NaN, regions: 2 }
 */
export function pooledFigures(regions: readonly Region[], year: number): RegionFigures {
  if (regions.length === 0) return { population: NaN, area: NaN, gdp: NaN, urban: NaN, schooling: NaN, regions: 0 };
  let population = 0;
  let area = 0;
  let gdp = 0;
  let urban = 0;
  let schooling = 0;
  for (const r of regions) {
    const pop = r.population > 0 ? r.population : NaN;
    population += pop;
    area += typeof r.area === 'number' && r.area > 0 ? r.area : NaN;
    gdp += gdpOf(r, year);
    urban += typeof r.urbanRate === 'number' ? r.urbanRate * pop : NaN;
    schooling += typeof r.schoolingYears === 'number' ? r.schoolingYears * pop : NaN;
  }
  return { population, area, gdp, urban, schooling, regions: regions.length };
}

/**
 * One attribute of a region, or of pooled regions: the size attributes (population, area,
 * GDP) as the mean per region, so that pooled figures (the province total, the core) stay on
 * the scale of one region and never set the panel's maximum; the intensive ones as ratios of
 * the sums: density (population / area), GDP per resident, the urban share (urban residents /
 * residents) and the mean years of schooling (weighted by residents). For one region the two
 * readings coincide.
 *
 * @param attribute the attribute
 * @param f the figures
 * @returns the value (NaN when a needed figure is unknown or a denominator is 0)
 * @example
 * attributeValue('density', { population: 40, area: 10, gdp: NaN, regions: 2 }); // => 4
 * attributeValue('population', { population: 40, area: 10, gdp: NaN, regions: 2 }); // => 20
 */
export function attributeValue(attribute: RegionAttribute, f: RegionFigures): number {
  const perRegion = (x: number) => (f.regions > 0 ? x / f.regions : NaN);
  switch (attribute) {
    case 'population':
      return perRegion(f.population);
    case 'area':
      return perRegion(f.area);
    case 'density':
      return f.area > 0 ? f.population / f.area : NaN;
    case 'gdp':
      return perRegion(f.gdp);
    case 'gdp_per_capita':
      return f.population > 0 ? f.gdp / f.population : NaN;
    case 'urban_rate':
      return f.population > 0 ? (f.urban ?? NaN) / f.population : NaN;
    case 'schooling_years':
      return f.population > 0 ? (f.schooling ?? NaN) / f.population : NaN;
  }
}

/** What a unit offers to the tension-only kinds. */
export interface TensionOnlyInputs {
  /** Organizations of the unit by type. */
  typeCounts: ReadonlyMap<string, number>;
  /** Figures of the unit (pooled over the input's regions for the province total). */
  figures: RegionFigures;
  /** Figures pooled over the core regions (for `relativeTo: 'core'`). */
  core: RegionFigures;
  /** Figures pooled over every region of the input (for `relativeTo: 'total'`). */
  total: RegionFigures;
}

/**
 * Evaluate a tension-only compute spec on one unit:
 *
 * - `type_share`: organizations of the listed types / all organizations of the unit;
 * - `region_attribute`: the attribute of the unit's region (for the province total: pooled
 *   over the input's regions, size attributes as the mean per region, see
 *   {@link attributeValue}), divided by the same attribute pooled over the core regions or
 *   over every region when `relativeTo` is set.
 *
 * @param spec the spec
 * @param u the unit's type counts and figures
 * @returns the raw value; NaN when undefined (no organizations, unknown figure, zero denominator)
 * @example
 * evaluateTensionOnly({ kind: 'type_share', types: ['social_group'] }, { typeCounts: new Map([['social_group', 3], ['foundation', 1]]), ... }); // => 0.75
 */
export function evaluateTensionOnly(spec: TypeShareSpec | RegionAttributeSpec, u: TensionOnlyInputs): number {
  if (spec.kind === 'type_share') {
    let all = 0;
    let some = 0;
    for (const [type, n] of u.typeCounts) {
      all += n;
      if (spec.types.includes(type)) some += n;
    }
    return all > 0 ? some / all : NaN;
  }
  const value = attributeValue(spec.attribute, u.figures);
  if (spec.relativeTo === undefined) return value;
  const base = attributeValue(spec.attribute, spec.relativeTo === 'core' ? u.core : u.total);
  return base > 0 ? value / base : NaN;
}
