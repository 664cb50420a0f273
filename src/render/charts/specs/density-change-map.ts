/**
 * Small multiples of organizations per 10,000 residents: the first and the latest year
 * side by side on one colour scale.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { ChartOptions } from '../chart-options.js';
import type { MapBase } from '../maps/map-base.js';
import { CHART_CONFIG } from '../theme.js';
import { densityColor } from './density-map.js';
import { MULTIPLE_WIDTH, mapPanel, mapSpec, type MapName } from './map-panel.js';
import { titleBlock } from './title-block.js';

/** One year's densities by region code. */
export interface DensityYear {
  year: number;
  label: string;
  rows: { code: string; per10k: number }[];
}

/**
 * Vega-Lite spec of two (or more) density maps side by side, one per year, sharing one
 * sequential colour scale and legend, so that a change shows as a change of colour.
 *
 * @param base the map geometry
 * @param years the years to show, in order (each with its panel label)
 * @param options `lang`, `title`, optional `subtitle`, `names`; `width`: width of each panel
 * @returns a Vega-Lite spec
 * @example
 * densityChangeMapSpec(base, [{ year: 2008, label: '2008年', rows }, { year: 2024, label: '2024年', rows: rows2 }], { lang: 'zh', title: '…', names: [] });
 */
export function densityChangeMapSpec(
  base: MapBase,
  years: readonly DensityYear[],
  options: ChartOptions & { names: readonly MapName[] },
): TopLevelSpec {
  const width = options.width ?? MULTIPLE_WIDTH;
  const vs = years.flatMap((y) => y.rows.map((r) => r.per10k));
  const domain: [number, number] = [Math.min(...vs), Math.max(...vs)];
  const panels = years.map((y) =>
    mapPanel(base, {
      values: y.rows.map((r) => ({ code: r.code, v: r.per10k })),
      color: densityColor(options.lang, domain),
      names: options.names,
      title: y.label,
      width,
    }),
  );
  return mapSpec(panels, {
    config: CHART_CONFIG,
    title: titleBlock(options.title, options.subtitle, Math.max(2 * width, 420)),
    columns: 2,
  });
}
