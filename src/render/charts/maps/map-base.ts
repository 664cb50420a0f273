/**
 * The geometry part of a map: the boundary units of the regions in results.json (a
 * pruned topology), the projection that suits them and the plot height it needs.
 */
import * as vega from 'vega';
import type { Results } from '../../../results/results.js';
import {
  boundaryFor,
  loadBoundary,
  unitCodes,
  type BoundaryId,
  type TopoGeometry,
  type Topology,
} from './boundaries.js';

/** Vega-Lite projection parameters of a map. */
export interface MapProjection {
  type: 'conicEqualArea' | 'albersUsa';
  parallels?: [number, number];
  rotate?: [number, number, number];
  /** What the projection is fitted to when not all units: the extreme points of the units in the frame (GeoJSON MultiPoint). */
  fit?: {
    type: 'Feature';
    properties: Record<string, never>;
    geometry: { type: 'MultiPoint'; coordinates: number[][] };
  };
}

/**
 * Southern edge (°N) of the frame of a national China map: the mainland and Hainan island
 * (from 18.2°N) are inside; 三沙市, whose boundary in the source lies at 7–11°N in the South
 * China Sea (also part of Hainan province), is outside.
 */
const NATIONAL_FRAME_SOUTH = 15;

/** A map's geometry, ready to embed in a spec. */
export interface MapBase {
  boundary: BoundaryId;
  /** Topology with object `units` (id = results.json region code), optional `context` and `provinces`, unused arcs dropped. */
  topology: Topology;
  projection: MapProjection;
  /** Plot height (px) for the given width: the units' projected aspect. */
  height: number;
  width: number;
  /** Label point [lon, lat] per region code. */
  labels: Map<string, [number, number]>;
  /** Region codes of results.json without a boundary unit. */
  missing: string[];
  /** [lon, lat] → [x, y] px on the plot at `width` × `height` (as Vega-Lite fits it), and back. */
  project: (p: [number, number]) => [number, number] | null;
  invert: (p: [number, number]) => [number, number] | null;
}

/** Keep the arcs the given geometries use, renumbered; arc index i < 0 means arc ~i reversed. */
function pruneArcs(topology: Topology, objects: Topology['objects']): Topology {
  const used = new Map<number, number>();
  const walk = (x: unknown): unknown => {
    if (typeof x === 'number') {
      const i = x < 0 ? ~x : x;
      if (!used.has(i)) used.set(i, used.size);
      const j = used.get(i)!;
      return x < 0 ? ~j : j;
    }
    return Array.isArray(x) ? x.map(walk) : x;
  };
  const out: Topology['objects'] = {};
  for (const [name, o] of Object.entries(objects))
    out[name] = { type: o.type, geometries: o.geometries.map((g) => ({ ...g, arcs: walk(g.arcs) })) };
  const arcs: number[][][] = [];
  for (const [i, j] of used) arcs[j] = topology.arcs[i];
  return { type: 'Topology', transform: topology.transform, objects: out, arcs };
}

/** The vertices of the features that are leftmost, rightmost, topmost and lowest once projected. */
function extremePoints(
  p: MapProjection,
  features: readonly { geometry: { coordinates: unknown } }[],
  south: number,
): number[][] {
  const proj = d3Projection(p);
  const best: { xy: number; pt: number[] }[] = [
    { xy: Infinity, pt: [] },
    { xy: -Infinity, pt: [] },
    { xy: Infinity, pt: [] },
    { xy: -Infinity, pt: [] },
  ];
  const walk = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === 'number') {
      const xy = (c[1] as number) >= south ? proj(c) : null;
      if (!xy) return;
      if (xy[0] < best[0].xy) best[0] = { xy: xy[0], pt: c as number[] };
      if (xy[0] > best[1].xy) best[1] = { xy: xy[0], pt: c as number[] };
      if (xy[1] < best[2].xy) best[2] = { xy: xy[1], pt: c as number[] };
      if (xy[1] > best[3].xy) best[3] = { xy: xy[1], pt: c as number[] };
    } else if (Array.isArray(c)) c.forEach(walk);
  };
  for (const f of features) walk(f.geometry.coordinates);
  const r = (x: number) => Math.round(x * 1e4) / 1e4;
  return best.map((b) => [r(b.pt[0]), r(b.pt[1])]);
}

/** Longitude/latitude extent of GeoJSON features. */
function extent(features: readonly { geometry: { coordinates: unknown } }[]): [number, number, number, number] {
  const e: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  const walk = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === 'number') {
      e[0] = Math.min(e[0], c[0] as number);
      e[1] = Math.min(e[1], c[1] as number);
      e[2] = Math.max(e[2], c[0] as number);
      e[3] = Math.max(e[3], c[1] as number);
    } else if (Array.isArray(c)) c.forEach(walk);
  };
  for (const f of features) walk(f.geometry.coordinates);
  return e;
}

/** Conic equal-area for China: parallels 25°/47° centred on 105°E nationally; else fitted to the extent. */
function projectionFor(boundary: BoundaryId, e: [number, number, number, number]): MapProjection {
  if (boundary === 'us-states') return { type: 'albersUsa' };
  const r = (x: number) => Math.round(x * 10) / 10;
  if (e[2] - e[0] > 40) return { type: 'conicEqualArea', parallels: [25, 47], rotate: [-105, 0, 0] };
  const span = e[3] - e[1];
  return {
    type: 'conicEqualArea',
    parallels: [r(e[1] + span / 6), r(e[3] - span / 6)],
    rotate: [-r((e[0] + e[2]) / 2), 0, 0],
  };
}

/** The part of a d3-geo projection used here. */
interface D3Projection {
  (point: unknown): [number, number] | null;
  invert?: (point: [number, number]) => [number, number] | null;
  fitSize: (size: [number, number], object: unknown) => D3Projection;
  parallels?: (p: [number, number]) => D3Projection;
  rotate?: (r: [number, number, number]) => D3Projection;
  fitWidth: (width: number, object: unknown) => D3Projection;
}

/** A d3 projection with the map's parameters (not yet fitted). */
function d3Projection(p: MapProjection): D3Projection {
  const make = (vega as unknown as { projection: (type: string) => () => D3Projection }).projection(p.type);
  const proj = make();
  if (p.parallels) proj.parallels!(p.parallels);
  if (p.rotate) proj.rotate!(p.rotate);
  return proj;
}

/** Plot height that holds the projected features (or the fit object) at `width` (between 0.4 and 1.6 × width). */
function fittedHeight(p: MapProjection, features: unknown[], width: number): number {
  const proj = d3Projection(p);
  if (p.fit) features = [p.fit];
  const fc = { type: 'FeatureCollection', features };
  proj.fitWidth(width, fc);
  let maxY = 0;
  const walk = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === 'number') {
      const xy = proj(c) as [number, number] | null;
      if (xy) maxY = Math.max(maxY, xy[1]);
    } else if (Array.isArray(c)) c.forEach(walk);
  };
  for (const f of features) walk((f as { geometry: { coordinates: unknown } }).geometry.coordinates);
  return Math.round(Math.min(1.6 * width, Math.max(0.4 * width, maxY)));
}

/** The units of a boundary file for the region codes (re-keyed to the codes; municipalities by alias), and the codes without one. */
function matchUnits(boundary: BoundaryId, codes: readonly string[]) {
  const topo = loadBoundary(boundary);
  const byCode = new Map<string, TopoGeometry>();
  for (const g of topo.objects.units.geometries) for (const c of unitCodes(g)) if (!byCode.has(c)) byCode.set(c, g);
  const units: TopoGeometry[] = [];
  const missing: string[] = [];
  for (const code of codes) {
    const g = byCode.get(code);
    if (g) units.push({ ...g, id: code });
    else missing.push(code);
  }
  return { topo, units, missing };
}

/**
 * The map geometry for the regions of results.json: the boundary file that fits the
 * regions file (see `boundaryFor`), its units restricted to the regions (re-keyed to the
 * regions' codes, municipalities by alias), the provinces' outline and the grey context
 * (Hong Kong, Macao) when the file has them, and the projection with the height it needs.
 *
 * @param results results.json
 * @param width plot width in px
 * @returns the map base, or null when no built-in boundaries fit or no region has a unit
 * @example
 * mapBase(results, 560)?.topology.objects.units.geometries.length; // => 12 for Inner Mongolia
 */
export function mapBase(results: Results, width: number): MapBase | null {
  const codes = results.regions.map((r) => r.code);
  const chosen = boundaryFor(results.provenance.regions.id, codes);
  if (!chosen) return null;
  let boundary: BoundaryId = chosen;
  let { topo, units, missing } = matchUnits(boundary, codes);
  if (boundary === 'china-prefectures' && new Set(units.map((g) => g.properties?.province)).size === 1) {
    // one province's prefectures: the finer boundaries a provincial map can show
    boundary = 'china-prefectures-detail';
    ({ topo, units, missing } = matchUnits(boundary, codes));
  }
  if (units.length === 0) return null;
  const objects: Topology['objects'] = { units: { type: 'GeometryCollection', geometries: units } };
  const provinces = new Set(units.map((g) => g.properties?.province));
  const national = units.length === topo.objects.units.geometries.length;
  if (topo.objects.provinces && provinces.size > 1)
    objects.provinces = {
      type: 'GeometryCollection',
      geometries: topo.objects.provinces.geometries.filter((g) => provinces.has(String(g.id))),
    };
  if (topo.objects.context && national) objects.context = topo.objects.context;
  const topology = pruneArcs(topo, objects);
  const read = (
    vega as unknown as {
      read: (data: unknown, format: object) => { id?: unknown; geometry: { coordinates: unknown } }[];
    }
  ).read;
  const features = read(topology, { type: 'topojson', feature: 'units' });
  const projection = projectionFor(boundary, extent(features));
  if (objects.context) {
    // a national China map: frame the mainland, Hainan and the context; 三沙市 lies outside
    projection.fit = {
      type: 'Feature',
      properties: {},
      geometry: { type: 'MultiPoint', coordinates: extremePoints(projection, features, NATIONAL_FRAME_SOUTH) },
    };
  }
  const labels = new Map<string, [number, number]>();
  for (const g of units) if (g.properties?.label) labels.set(String(g.id), g.properties.label);
  const height = fittedHeight(projection, features, width);
  const all = projection.fit
    ? [projection.fit]
    : [...features, ...(topology.objects.context ? read(topology, { type: 'topojson', feature: 'context' }) : [])];
  const fitted = d3Projection(projection).fitSize([width, height], { type: 'FeatureCollection', features: all });
  return {
    boundary,
    topology,
    projection,
    height,
    width,
    labels,
    missing,
    project: (p) => fitted(p),
    invert: (p) => fitted.invert?.(p) ?? null,
  };
}
