import { rollup, type Cube } from '../cube/cube.js';

/** Organization counts by year × region × type, and the margins. */
export interface CountsSection {
  years: number[];
  regions: string[];
  types: string[];
  byYear: { year: number; count: number }[];
  byYearType: { year: number; type: string; count: number }[];
  byYearRegion: { year: number; region: string; count: number }[];
  byYearRegionType: { year: number; region: string; type: string; count: number }[];
}

/**
 * Count organizations per year, region and type from the cube.
 *
 * @param cube the cube
 * @returns the counts section of results.json
 * @example
 * countsSection(cube).byYear.at(-1); // => { year: 2024, count: 18012 }
 */
export function countsSection(cube: Cube): CountsSection {
  return {
    years: cube.years,
    regions: cube.regions,
    types: cube.types,
    byYear: rollup(cube, ['year']).map((g) => ({ year: g.key.year as number, count: g.count })),
    byYearType: rollup(cube, ['year', 'type']).map((g) => ({
      year: g.key.year as number,
      type: g.key.type as string,
      count: g.count,
    })),
    byYearRegion: rollup(cube, ['year', 'region']).map((g) => ({
      year: g.key.year as number,
      region: g.key.region as string,
      count: g.count,
    })),
    byYearRegionType: rollup(cube, ['year', 'region', 'type']).map((g) => ({
      year: g.key.year as number,
      region: g.key.region as string,
      type: g.key.type as string,
      count: g.count,
    })),
  };
}
