#!/usr/bin/env node
/**
 * Build soqa's map boundaries (data/boundaries/*.topo.json) from public sources:
 *
 * - China: the WKT boundaries (lon/lat) of the 2020 census prefecture table,
 *   sources/china-census-2020/prefectures-2010-2020.csv (MIT, Lei Dong and co-contributors;
 *   see sources/china-census-2020/README.md). Neighbouring units share exact vertices, so
 *   topojson-server finds their common borders and every simplification keeps them common.
 * - United States: us-atlas states-10m (U.S. Census Bureau cartographic boundaries, public
 *   domain; packaged under ISC), re-keyed to the two-letter codes of data/regions/us-states.json.
 *
 * Steps: WKT → GeoJSON (@terraformer/wkt) → rings wound as d3-geo expects → one topology
 * (topojson-server, quantised) → spherical-area weights (topojson-simplify presimplify) →
 * keep the given share of points (quantile + simplify) → provinces merged from the
 * prefectures (topojson-client merge) → label point per unit (polylabel on its largest
 * polygon, from the unsimplified boundary).
 *
 * Usage: node scripts/build-boundaries.mjs   (writes data/boundaries/, prints the sizes)
 * Same sources → byte-identical files.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { wktToGeoJSON } from '@terraformer/wkt';
import { topology } from 'topojson-server';
import { presimplify, simplify, quantile, sphericalTriangleArea } from 'topojson-simplify';
import { feature, merge, mergeArcs, quantize } from 'topojson-client';
import polylabel from 'polylabel';
import { geoArea } from 'd3-geo';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SOURCE = resolve(root, 'sources/china-census-2020/prefectures-2010-2020.csv');
const OUT = resolve(root, 'data/boundaries');

/** Hong Kong and Macao: in the source, not in soqa's mainland regions files; drawn as context. */
const CONTEXT = new Set(['810000', '820000']);

/** The four municipalities: one prefecture-level row each (xx0100) in the source. */
const MUNICIPALITIES = new Set(['110000', '120000', '310000', '500000']);

/**
 * Per output: quantisation (grid cells per side of the bounding box) and the share of
 * the interior points simplification keeps (by spherical triangle area, Visvalingam).
 */
const LEVELS = {
  prefectures: { quantization: 1e5, keep: 0.025, islandKm2: 100 },
  prefecturesDetail: { quantization: 1e5, keep: 0.1, islandKm2: 10 },
  provinces: { quantization: 1e5, keep: 0.03, islandKm2: 100 },
  innerMongolia: { quantization: 1e5, keep: 0.12 },
  usStates: { quantization: 1e5, keep: 0.5 },
};

const round = (x, d) => Math.round(x * 10 ** d) / 10 ** d;

/** Wind every ring as d3-geo wants (exterior clockwise on the sphere): an area > 2π sr is the complement. */
function rewind(geometry) {
  const polys = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  for (const rings of polys) {
    for (let i = 0; i < rings.length; i++) {
      const area = geoArea({ type: 'Polygon', coordinates: [rings[i]] });
      const exteriorOk = area <= 2 * Math.PI;
      // exterior rings: small area; holes: the complement (large area)
      if ((i === 0) !== exteriorOk) rings[i] = [...rings[i]].reverse();
    }
  }
  return geometry;
}

/** Earth's mean radius in km (steradians × R² = km²). */
const R_KM = 6371.0088;

/**
 * Drop the polygons of a MultiPolygon smaller than `minKm2` (small islands, under a pixel
 * on a national map), always keeping the unit's largest polygon (so an island unit such
 * as 三沙市 keeps its largest island).
 */
function dropSmallIslands(geometry, minKm2) {
  if (geometry.type !== 'MultiPolygon') return geometry;
  const areas = geometry.coordinates.map((rings) => geoArea({ type: 'Polygon', coordinates: rings }) * R_KM ** 2);
  const largest = areas.indexOf(Math.max(...areas));
  const kept = geometry.coordinates.filter((_, i) => i === largest || areas[i] >= minKm2);
  return kept.length === 1 ? { type: 'Polygon', coordinates: kept[0] } : { type: 'MultiPolygon', coordinates: kept };
}

/** The features with small islands dropped (see {@link dropSmallIslands}). */
const withoutIslands = (features, minKm2) =>
  features.map((f) => ({ ...f, geometry: dropSmallIslands(f.geometry, minKm2) }));

/** A point inside the unit's largest polygon, far from its edges (lon, lat; 3 decimals). */
function labelPoint(geometry) {
  const polys = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  let best = polys[0];
  let bestArea = -1;
  for (const rings of polys) {
    const a = geoArea({ type: 'Polygon', coordinates: rings });
    if (a > bestArea) {
      bestArea = a;
      best = rings;
    }
  }
  const p = polylabel(best, 0.01);
  return [round(p[0], 3), round(p[1], 3)];
}

/** Read the census table: one feature per prefecture-level unit, in code order. */
function readPrefectures() {
  const text = readFileSync(SOURCE, 'utf8').replace(/^\uFEFF/, '');
  const { data, errors } = Papa.parse(text, { header: true, skipEmptyLines: true });
  if (errors.length > 0) throw new Error(`${SOURCE}: ${errors[0].message} (row ${errors[0].row})`);
  const features = data.map((row, i) => {
    if (!/^\d{6}$/.test(row.city_code ?? ''))
      throw new Error(`${SOURCE}: row ${i + 2}: bad city_code ${row.city_code}`);
    const geometry = rewind(wktToGeoJSON(row.coord));
    if (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon')
      throw new Error(`${SOURCE}: row ${i + 2} (${row.city}): coord is ${geometry.type}, not a polygon`);
    return {
      type: 'Feature',
      id: row.city_code,
      properties: {
        name: row.city,
        province: row.province_code,
        provinceName: row.province,
        label: labelPoint(geometry),
      },
      geometry,
    };
  });
  return features.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Quantise, weight by spherical area and keep the share `keep` of the points. */
function simplified(objects, { quantization, keep }) {
  // presimplify returns absolute lon/lat arcs with weights; simplify drops the weights and
  // quantize puts the kept points back on the grid with delta-encoded arcs
  const topo = presimplify(topology(objects, quantization), sphericalTriangleArea);
  return quantize(simplify(topo, quantile(topo, keep)), quantization);
}

function write(name, topo, note) {
  const text = JSON.stringify(topo);
  writeFileSync(resolve(OUT, name), text + '\n');
  const units = topo.objects.units.geometries.length;
  console.log(
    `${name}: ${units} units, ${topo.arcs.length} arcs, ${(text.length / 1024).toFixed(0)} KB${note ? ` (${note})` : ''}`,
  );
}

/** GeoJSON FeatureCollection. */
const fc = (features) => ({ type: 'FeatureCollection', features });

function buildChina(all) {
  const units = all.filter((f) => !CONTEXT.has(f.properties.province));
  const context = all.filter((f) => CONTEXT.has(f.properties.province));
  for (const f of units) {
    if (MUNICIPALITIES.has(f.properties.province)) f.properties.aliases = [f.properties.province];
  }

  // prefectures, with the provinces as merged geometries on the same arcs (for thicker borders)
  const L = LEVELS.prefectures;
  const pref = simplified(
    { units: fc(withoutIslands(units, L.islandKm2)), context: fc(withoutIslands(context, L.islandKm2)) },
    L,
  );
  const byProvince = new Map();
  for (const g of pref.objects.units.geometries) {
    const p = g.properties.province;
    if (!byProvince.has(p)) byProvince.set(p, []);
    byProvince.get(p).push(g);
  }
  pref.objects.provinces = {
    type: 'GeometryCollection',
    geometries: [...byProvince.entries()].map(([code, gs]) => ({ ...mergeArcs(pref, gs), id: code })),
  };
  write('china-prefectures.topo.json', pref, 'object units: prefecture-level units; provinces: merged from them');

  // the same units at the detail a map of one province shows (maps of a part of the country use it)
  const D = LEVELS.prefecturesDetail;
  write('china-prefectures-detail.topo.json', simplified({ units: fc(withoutIslands(units, D.islandKm2)) }, D));

  // provinces: merge the unsimplified prefectures by province, then simplify at national scale
  const full = topology({ units: fc(units), context: fc(context) }, LEVELS.provinces.quantization);
  const provinces = [...new Set(units.map((f) => f.properties.province))].sort().map((code) => {
    const members = full.objects.units.geometries.filter((g) => g.properties.province === code);
    const geometry = merge(full, members);
    return {
      type: 'Feature',
      id: code,
      properties: { name: members[0].properties.provinceName, label: labelPoint(geometry) },
      geometry: dropSmallIslands(geometry, LEVELS.provinces.islandKm2),
    };
  });
  const hkmo = withoutIslands(context, LEVELS.provinces.islandKm2).map((f) => ({
    ...f,
    id: f.properties.province,
    properties: { name: f.properties.provinceName },
  }));
  write('china-provinces.topo.json', simplified({ units: fc(provinces), context: fc(hkmo) }, LEVELS.provinces));

  // Inner Mongolia's 12 leagues, at the finer level a province map can show
  const im = units.filter((f) => f.properties.province === '150000');
  write('inner-mongolia.topo.json', simplified({ units: fc(im) }, LEVELS.innerMongolia));
  return { provinces: provinces.length, prefectures: units.length, leagues: im.length };
}

function buildUsStates() {
  const atlas = JSON.parse(readFileSync(resolve(root, 'node_modules/us-atlas/states-10m.json'), 'utf8'));
  const regions = JSON.parse(readFileSync(resolve(root, 'data/regions/us-states.json'), 'utf8')).regions;
  const byFips = new Map();
  for (const r of regions) for (const a of r.aliases ?? []) if (/^\d{2}$/.test(a)) byFips.set(a, r);
  const states = feature(atlas, atlas.objects.states).features.filter((f) => byFips.has(String(f.id)));
  const features = states
    .map((f) => {
      const r = byFips.get(String(f.id));
      return {
        type: 'Feature',
        id: r.code,
        properties: { name: r.en, fips: String(f.id), label: labelPoint(f.geometry) },
        geometry: f.geometry,
      };
    })
    .sort((a, b) => (a.id < b.id ? -1 : 1));
  if (features.length !== regions.length)
    throw new Error(`us-atlas has ${features.length} of the ${regions.length} states of data/regions/us-states.json`);
  write('us-states.topo.json', simplified({ units: fc(features) }, LEVELS.usStates));
}

mkdirSync(OUT, { recursive: true });
const counts = buildChina(readPrefectures());
buildUsStates();
console.log(JSON.stringify(counts));
