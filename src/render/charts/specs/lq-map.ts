/**
 * Maps of location quotients: all organizations against residents, and the specialisation
 * of chosen fields, on one diverging scale centred on 1.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { ChartOptions } from '../chart-options.js';
import type { MapBase } from '../maps/map-base.js';
import type { MapPanel } from '../maps/map-data.js';
import { mt } from '../maps/map-labels.js';
import { CHART_CONFIG } from '../theme.js';
import { MULTIPLE_WIDTH, mapPanel, mapSpec, type MapName } from './map-panel.js';
import { titleBlock } from './title-block.js';

/**
 * Vega-Lite spec of one map per panel (side by side, two per row), each region coloured
 * by its location quotient on the blue–orange diverging scale of the LQ heatmap (centred
 * on 1, capped at 0 and 2), regions without a quotient grey.
 *
 * @param base the map geometry
 * @param panels the quotients per panel (e.g. all organizations, ecology, charity)
 * @param options `lang`, `title`, optional `subtitle`, `names`; `width`: width of each panel
 * @returns a Vega-Lite spec
 * @example
 * lqMapSpec(base, [{ name: '全部社会组织', values: new Map([['150100', 1.33]]) }], { lang: 'zh', title: '…', names: [] });
 */
export function lqMapSpec(
  base: MapBase,
  panels: readonly MapPanel[],
  options: ChartOptions & { names: readonly MapName[] },
): TopLevelSpec {
  const width = options.width ?? (panels.length === 1 ? base.width : MULTIPLE_WIDTH);
  const color = {
    field: 'v',
    type: 'quantitative',
    title: mt('legend.lq', options.lang),
    scale: { scheme: 'blueorange', domain: [0, 2], domainMid: 1, clamp: true },
    legend: {
      orient: 'bottom',
      direction: 'horizontal',
      gradientLength: 220,
      values: [0, 0.5, 1, 1.5, 2],
      labelExpr: "datum.value === 2 ? '≥2' : format(datum.value, '.1f')",
    },
  };
  const specs = panels.map((p) =>
    mapPanel(base, {
      values: [...p.values].map(([code, v]) => ({ code, v })),
      color,
      names: options.names,
      title: panels.length > 1 ? p.name : undefined,
      width,
    }),
  );
  return mapSpec(specs, {
    config: CHART_CONFIG,
    title: titleBlock(options.title, options.subtitle, Math.max(Math.min(panels.length, 2) * width, 420)),
    columns: 2,
  });
}
