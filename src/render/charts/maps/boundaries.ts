/**
 * The built-in map boundaries (data/boundaries/*.topo.json) and which one a regions file uses.
 */
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { packageRoot } from '../../../core/package-root.js';

/** A TopoJSON geometry as soqa's boundary files store it. */
export interface TopoGeometry {
  type: string;
  id?: string;
  arcs?: unknown;
  properties?: { name?: string; label?: [number, number]; province?: string; aliases?: string[]; [k: string]: unknown };
}

/** A TopoJSON topology with soqa's objects: `units` (keyed by code), optional `context` and `provinces`. */
export interface Topology {
  type: 'Topology';
  bbox?: number[];
  transform?: { scale: [number, number]; translate: [number, number] };
  objects: Record<string, { type: 'GeometryCollection'; geometries: TopoGeometry[] }>;
  arcs: number[][][];
}

/**
 * Boundary files by id (file `data/boundaries/<id>.topo.json`); `china-prefectures-detail`
 * holds the prefectures at the detail of a provincial map.
 *
 * @example
 * BOUNDARY_FILES.includes('us-states'); // => true
 */
export const BOUNDARY_FILES = [
  'inner-mongolia',
  'china-provinces',
  'china-prefectures',
  'china-prefectures-detail',
  'us-states',
] as const;

/** Regions files (data/regions/) whose id names their boundary file. */
const REGIONS_WITH_BOUNDARIES = ['inner-mongolia', 'china-provinces', 'china-prefectures', 'us-states'] as const;

/** One of {@link BOUNDARY_FILES}. */
export type BoundaryId = (typeof BOUNDARY_FILES)[number];

const cache = new Map<BoundaryId, Topology>();

/**
 * The topology of a built-in boundary file, read once per process through the module
 * loader (like the Vega-Lite schema; the files ship with the package under `data/`).
 *
 * @param id boundary file id
 * @returns the topology (shared: do not change it)
 * @throws Error when the file is missing from the installation
 * @example
 * loadBoundary('inner-mongolia').objects.units.geometries.length; // => 12
 */
export function loadBoundary(id: BoundaryId): Topology {
  let t = cache.get(id);
  if (!t) {
    t = createRequire(import.meta.url)(resolve(packageRoot(), 'data', 'boundaries', `${id}.topo.json`)) as Topology;
    cache.set(id, t);
  }
  return t;
}

/**
 * Codes a unit of a boundary file answers to: its id and its aliases (a municipality's province code).
 *
 * @example
 * unitCodes({ type: 'Polygon', id: '110100', properties: { aliases: ['110000'] } }); // => ['110100', '110000']
 */
export function unitCodes(g: TopoGeometry): string[] {
  return [String(g.id), ...(g.properties?.aliases ?? [])];
}

/**
 * The boundary file a regions file's map uses: by the regions file id (`inner-mongolia`,
 * `china-provinces`, `china-prefectures`, `us-states`), else the first China file in which
 * every region code has a unit (a regions file of one province's prefectures, say), else none.
 *
 * @param regionsId id of the regions file (results.json `provenance.regions.id`)
 * @param codes the region codes of results.json
 * @returns the boundary id, or null when no built-in boundaries fit (e.g. the one-unit `china` file)
 * @example
 * boundaryFor('inner-mongolia', ['150100']); // => 'inner-mongolia'
 * boundaryFor('china', ['CN']); // => null
 */
export function boundaryFor(regionsId: string, codes: readonly string[]): BoundaryId | null {
  if ((REGIONS_WITH_BOUNDARIES as readonly string[]).includes(regionsId)) return regionsId as BoundaryId;
  if (codes.length < 2) return null;
  for (const id of ['china-provinces', 'china-prefectures'] as const) {
    const known = new Set(loadBoundary(id).objects.units.geometries.flatMap(unitCodes));
    if (codes.every((c) => known.has(c))) return id;
  }
  return null;
}
