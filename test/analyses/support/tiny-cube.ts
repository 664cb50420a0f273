import { inputRows } from '../../../src/ingest/rows/memory-org-rows.js';
import type { AnalysisContext } from '../../../src/analyses/analysis-context.js';
import { createLogger } from '../../../src/core/logger.js';
import type { Cube, CubeCell } from '../../../src/cube/cube.js';
import type { Dataset } from '../../../src/dataset/dataset.js';
import { loadFieldsOfActivity } from '../../../src/ingest/load-fields-of-activity.js';
import type { Region, RegionsFile } from '../../../src/domain/regions/regions.js';
import { analysisConfig } from '../../../src/cli/pipeline/analysis-config.js';
import { loadChinaGazetteer } from '../../../src/ingest/regions/load-china-gazetteer.js';

/** A cell given by hand: count, and optional sums (n defaults to the count for each sum). */
export interface TinyCell {
  region: string;
  year: number;
  type: string;
  field?: string;
  count: number;
  sum?: Record<string, number>;
  n?: Record<string, number>;
}

const uniq = <T>(xs: T[]): T[] => [...new Set(xs)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

/**
 * A cube built from hand-written cells (as a yearbook table would fill it).
 *
 * @param cells the cells
 * @param measures measured fields (default: every key of any `sum`)
 * @returns the cube, cells sorted like `cubeFromDataset`'s
 */
export function tinyCube(cells: TinyCell[], measures?: string[]): Cube {
  const ms = measures ?? uniq(cells.flatMap((c) => Object.keys(c.sum ?? {})));
  const list: CubeCell[] = cells.map((c) => ({
    region: c.region,
    year: c.year,
    type: c.type,
    field: c.field ?? '',
    count: c.count,
    sum: Object.fromEntries(ms.map((m) => [m, c.sum?.[m] ?? 0])),
    n: Object.fromEntries(ms.map((m) => [m, c.n?.[m] ?? (c.sum && m in c.sum ? c.count : 0)])),
  }));
  return {
    source: 'aggregate',
    measures: ms,
    regions: uniq(list.map((c) => c.region)),
    years: uniq(list.map((c) => c.year)),
    types: uniq(list.map((c) => c.type)),
    fields: uniq(list.map((c) => c.field)),
    cells: list,
  };
}

/**
 * A regions file from a short list (zh/en names default to the code).
 *
 * @param regions code, population, zone and neighbours of each region
 * @returns the regions file
 */
export function tinyRegions(regions: (Pick<Region, 'code' | 'population' | 'zone'> & Partial<Region>)[]): RegionsFile {
  return { id: 'tiny', regions: regions.map((r) => ({ zh: r.code, en: r.code, ...r })) };
}

/**
 * An analysis context around a hand-built cube.
 *
 * @param cube the cube
 * @param regions the regions file
 * @param options seed, core, extra options and the dataset (default: none, i.e. aggregate input)
 * @returns the context
 */
export function tinyContext(
  cube: Cube,
  regions: RegionsFile,
  options: {
    seed?: number;
    core?: string[];
    extra?: Record<string, Record<string, unknown>>;
    dataset?: Dataset | null;
  } = {},
): AnalysisContext {
  return {
    cube,
    rows: inputRows(options.dataset ?? null),
    regions,
    fieldsOfActivity: loadFieldsOfActivity(),
    gazetteer: loadChinaGazetteer,
    options: { seed: options.seed ?? 1, core: options.core, config: analysisConfig(), extra: options.extra ?? {} },
    log: createLogger(),
  };
}

/**
 * Paths of every NaN or ±Infinity number inside a value (they must never reach JSON).
 *
 * @param value any JSON-like value
 * @returns the paths, empty when every number is finite
 */
export function nonFinitePaths(value: unknown, path = '$'): string[] {
  if (typeof value === 'number') return Number.isFinite(value) ? [] : [path];
  if (Array.isArray(value)) return value.flatMap((v, i) => nonFinitePaths(v, `${path}[${i}]`));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => nonFinitePaths(v, `${path}.${k}`));
  return [];
}
