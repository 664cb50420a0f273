import type { Dataset } from '../dataset/dataset.js';
import type { Region, RegionsFile } from '../domain/regions/regions.js';

/** `--each` values: one report per region (a league, prefecture or province). */
export const EACH_CHOICES = ['region'] as const;
/** An `--each` value. */
export type EachChoice = (typeof EACH_CHOICES)[number];

/** One unit reported on by `--each region`: its rows, and the regions its spatial sections compare. */
export interface ReportUnit {
  code: string;
  zh: string;
  en: string;
  /**
   * `region`: the unit is a region of the run's regions file (its report has that one region,
   * so the spatial sections have nothing to compare and say so); `parent`: the run's regions
   * are one level down (counties) and the unit is the prefecture or league they belong to
   * (its report compares its counties).
   */
  level: 'region' | 'parent';
  /** The regions file of the unit's report: the unit alone, or its counties. */
  regions: RegionsFile;
  /** Indices of the unit's rows in the run's dataset, in input order. */
  rows: Uint32Array;
}

/**
 * Split the rows of a run into the units `--each region` reports on. When the run's regions
 * carry a `parent` and belong to several (a county-level file such as china-counties, placed
 * by `--regions` or detected by `"regions": "auto"`), a unit is a parent (prefecture or
 * league) with its counties as regions; otherwise (e.g. the leagues of Inner Mongolia, all of
 * one province) a unit is one region of the file. Units are in the order of
 * the regions file (parents: in order of their first county); a unit without rows is left out.
 *
 * @param ds the run's dataset
 * @param regions the run's regions file
 * @param parentNames names of the parent units by code (e.g. from china-prefectures), for level `parent`
 * @returns the units
 * @example
 * reportUnits(ds, innerMongolia).map((u) => u.code); // => ['150100', '150200', …]
 */
export function reportUnits(
  ds: Dataset,
  regions: RegionsFile,
  parentNames: ReadonlyMap<string, { zh: string; en: string }> = new Map(),
): ReportUnit[] {
  const parents = new Set(regions.regions.map((r) => r.parent));
  // one parent for all (the leagues of Inner Mongolia): the regions themselves are the units
  const byParent = !parents.has(undefined) && parents.size > 1;
  const unitOf = (r: Region) => (byParent ? r.parent! : r.code);
  const col = ds.cat.region;
  const unitOfCode = new Map(regions.regions.map((r) => [r.code, unitOf(r)]));
  const rowsOf = new Map<string, number[]>();
  for (let i = 0; i < ds.length; i++) {
    const c = col.codes[i];
    const unit = c < 0 ? undefined : unitOfCode.get(col.dict[c]);
    if (unit === undefined) continue;
    let list = rowsOf.get(unit);
    if (!list) rowsOf.set(unit, (list = []));
    list.push(i);
  }
  const order = [...new Set(regions.regions.map(unitOf))].filter((u) => rowsOf.has(u));
  return order.map((code) => {
    const members = regions.regions.filter((r) => unitOf(r) === code);
    const keep = new Set(members.map((r) => r.code));
    const self = byParent ? undefined : members[0];
    const names = self ?? parentNames.get(code) ?? { zh: code, en: code };
    return {
      code,
      zh: names.zh,
      en: names.en,
      level: byParent ? 'parent' : 'region',
      regions: {
        ...regions,
        regions: members.map((r) => (r.neighbours ? { ...r, neighbours: r.neighbours.filter((n) => keep.has(n)) } : r)),
      },
      rows: Uint32Array.from(rowsOf.get(code)!),
    };
  });
}
