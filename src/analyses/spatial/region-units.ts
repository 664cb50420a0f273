import type { RegionsFile } from '../../domain/regions/regions.js';

/** One region as the spatial analysis sees it: names, residents, zone and neighbours. */
export interface RegionUnit {
  code: string;
  zh: string;
  en: string;
  /** Residents from the regions file (0 when the file gives 0). */
  population: number;
  zone: 'core' | 'periphery';
  /** Codes of neighbouring regions (from the regions file). */
  neighbours: string[];
}

/**
 * The regions of a run in regions-file order, with the zone taken from the core list
 * (`--core` or the file's own zones, see `coreRegions`).
 *
 * @param regions the regions file
 * @param core core region codes (codes not in the file are ignored by the caller's note)
 * @returns one unit per region of the file
 * @example
 * regionUnits(im, ['150100', '150200', '150600']).filter((u) => u.zone === 'core').length; // => 3
 */
export function regionUnits(regions: RegionsFile, core: readonly string[]): RegionUnit[] {
  const coreSet = new Set(core);
  return regions.regions.map((r) => ({
    code: r.code,
    zh: r.zh,
    en: r.en,
    population: r.population,
    zone: coreSet.has(r.code) ? 'core' : 'periphery',
    neighbours: [...(r.neighbours ?? [])],
  }));
}
