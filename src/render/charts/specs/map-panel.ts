/**
 * One map panel as a layered Vega-Lite spec: grey context, the units coloured by a value
 * (grey where there is none), provincial borders, and names at the units' label points.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { MapBase } from '../maps/map-base.js';
import { ZONE_COLORS } from '../palette.js';
import { FONT_SIZES } from '../theme.js';
import type { Topology } from '../maps/boundaries.js';
import { placeNames } from '../maps/place-names.js';

/** One unit's value (`v`: number, category or null) for the lookup by region code. */
export interface MapValue {
  code: string;
  v: number | string | null;
}

/** A name printed on the map at the unit's label point. */
export interface MapName {
  code: string;
  name: string;
  core: boolean;
}

/** Options of {@link mapPanel}. */
export interface MapPanelOptions {
  /** Values by region code (units without one are grey). */
  values: readonly MapValue[];
  /** The Vega-Lite colour channel over field `v` (scale and legend). */
  color: Record<string, unknown>;
  /** Names to print (core regions, or every region of a small map). */
  names: readonly MapName[];
  /** Panel title (small multiples). */
  title?: string;
  /** Width in px (default the base's width; the height scales with it). */
  width?: number;
}

/** Width (px) of each panel of small multiples (two per row). */
export const MULTIPLE_WIDTH = 340;

const NO_DATA = '#bdbdbd';
const CONTEXT_FILL = '#eeeeee';

/** The topology with only the objects named (their arcs all kept). */
const only = (t: Topology, name: string): Topology => ({ ...t, objects: { [name]: t.objects[name] } });

/**
 * Names with the lon/lat where they are printed: core names first, each at its label point
 * or moved clear of the names placed before it (at the panel's width and font size).
 */
function placedNames(base: MapBase, names: readonly MapName[], width: number, size: number) {
  const scale = width / base.width;
  const todo = [...names.filter((n) => n.core), ...names.filter((n) => !n.core)]
    .filter((n) => base.labels.has(n.code))
    .map((n) => ({ n, xy: base.project(base.labels.get(n.code)!) }))
    .filter((x): x is { n: MapName; xy: [number, number] } => x.xy !== null);
  const at = placeNames(
    todo.map(({ n, xy }) => ({ text: n.name, x: xy[0] * scale, y: xy[1] * scale })),
    size,
  );
  return todo.map(({ n }, i) => {
    const ll = base.invert([at[i][0] / scale, at[i][1] / scale]) ?? base.labels.get(n.code)!;
    const r = (x: number) => Math.round(x * 1000) / 1000;
    return { name: n.name, core: n.core, lon: r(ll[0]), lat: r(ll[1]) };
  });
}

/**
 * A layered map panel over the base's TopoJSON (`format: { type: 'topojson', feature: 'units' }`),
 * joined to `values` by the unit id (the region code) with a lookup.
 *
 * @param base the map geometry (see `mapBase`)
 * @param options values, colour channel, names, optional title and width
 * @returns a Vega-Lite unit-of-layers spec (no `$schema`/`config`: the caller's top level has them)
 * @example
 * mapPanel(base, { values: [{ code: '150100', v: 1.2 }], color: { field: 'v', type: 'quantitative' }, names: [] });
 */
export function mapPanel(base: MapBase, options: MapPanelOptions): Record<string, unknown> {
  const width = options.width ?? base.width;
  const height = Math.round((base.height * width) / base.width);
  const many = base.topology.objects.units.geometries.length > 60;
  const units = only(base.topology, 'units');
  const layer: Record<string, unknown>[] = [];
  if (base.topology.objects.context) {
    layer.push({
      data: { values: only(base.topology, 'context'), format: { type: 'topojson', feature: 'context' } },
      mark: { type: 'geoshape', aria: false, fill: CONTEXT_FILL, stroke: '#bbbbbb', strokeWidth: 0.4, clip: true },
    });
  }
  layer.push({
    data: { values: units, format: { type: 'topojson', feature: 'units' } },
    transform: [
      { lookup: 'id', from: { data: { values: options.values }, key: 'code', fields: ['v'] }, default: null },
    ],
    mark: { type: 'geoshape', aria: false, stroke: '#ffffff', strokeWidth: many ? 0.25 : 0.8, clip: true },
    encoding: { color: { ...options.color, condition: { test: 'datum.v === null', value: NO_DATA } } },
  });
  if (base.topology.objects.provinces) {
    layer.push({
      data: { values: only(base.topology, 'provinces'), format: { type: 'topojson', mesh: 'provinces' } },
      mark: { type: 'geoshape', aria: false, filled: false, stroke: '#444444', strokeWidth: 0.6, clip: true },
    });
  }
  if (options.names.length > 0) {
    const size = many || options.names.length > 12 || width < 400 ? 9 : FONT_SIZES.axisLabel - 1;
    const names = placedNames(base, options.names, width, size);
    const text = {
      longitude: { field: 'lon', type: 'quantitative' },
      latitude: { field: 'lat', type: 'quantitative' },
      text: { field: 'name', type: 'nominal' },
    };
    for (const core of [false, true]) {
      const group = names.filter((n) => n.core === core);
      if (group.length === 0) continue;
      const font = { type: 'text', aria: false, fontSize: size, fontWeight: core ? 'bold' : 'normal' };
      layer.push(
        {
          data: { values: group },
          mark: { ...font, stroke: '#ffffff', strokeWidth: 3, strokeOpacity: 0.9, fill: '#ffffff' },
          encoding: text,
        },
        { data: { values: group }, mark: { ...font, color: core ? ZONE_COLORS.core : '#222222' }, encoding: text },
      );
    }
  }
  return {
    ...(options.title ? { title: { text: options.title, fontSize: FONT_SIZES.axisTitle, fontWeight: 'normal' } } : {}),
    width,
    height,
    projection: base.projection,
    layer,
  };
}

/**
 * The top-level spec of one map or of small multiples side by side (shared colour scale
 * and legend).
 *
 * @param panels the panels from {@link mapPanel}
 * @param top `$schema`, `config` and `title` of the spec
 * @returns a layered spec for one panel, else a `concat` (wrapped in rows of `columns`)
 * @example
 * mapSpec([mapPanel(base, options)], { config: CHART_CONFIG, title: { text: ['…'] } });
 */
export function mapSpec(
  panels: Record<string, unknown>[],
  top: { config: unknown; title: unknown; columns?: number },
): TopLevelSpec {
  const head = { $schema: 'https://vega.github.io/schema/vega-lite/v6.json', config: top.config, title: top.title };
  if (panels.length === 1) return { ...head, ...panels[0] } as unknown as TopLevelSpec;
  return {
    ...head,
    columns: top.columns ?? panels.length,
    concat: panels,
    spacing: 16,
    resolve: { scale: { color: 'shared' }, legend: { color: 'shared' } },
  } as unknown as TopLevelSpec;
}
