/**
 * Map of local Moran (LISA) clusters.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { ChartOptions } from '../chart-options.js';
import type { MapBase } from '../maps/map-base.js';
import { LISA_CLUSTERS, type LisaData } from '../maps/map-data.js';
import { mt } from '../maps/map-labels.js';
import { OKABE_ITO } from '../palette.js';
import { CHART_CONFIG } from '../theme.js';
import { mapPanel, mapSpec, type MapName } from './map-panel.js';
import { titleBlock } from './title-block.js';

/**
 * Fixed colour per LISA cluster (Okabe–Ito): high-high vermillion, low-low blue,
 * high-low orange, low-high sky blue, not significant light grey.
 *
 * @example
 * LISA_COLORS.HH; // => '#D55E00'
 */
export const LISA_COLORS = {
  HH: OKABE_ITO.vermillion,
  LL: OKABE_ITO.blue,
  HL: OKABE_ITO.orange,
  LH: OKABE_ITO.skyBlue,
  ns: '#e3e3e3',
} as const;

/**
 * Vega-Lite spec of a LISA cluster map: each region coloured by its cluster at the
 * section's significance level (legend: every cluster, in the order HH, LL, HL, LH, ns).
 *
 * @param base the map geometry
 * @param data the clusters (see `lisaData`)
 * @param options `lang`, `title`, optional `subtitle`, `names`
 * @returns a Vega-Lite spec
 * @example
 * lisaMapSpec(base, lisaData(results)!, { lang: 'en', title: '…', names: [] });
 */
export function lisaMapSpec(
  base: MapBase,
  data: LisaData,
  options: ChartOptions & { names: readonly MapName[] },
): TopLevelSpec {
  const zh = options.lang === 'zh';
  const name = (c: (typeof LISA_CLUSTERS)[number]) =>
    `${mt(`lisa.${c}`, options.lang)}${c === 'ns' ? '' : zh ? `（${c}）` : ` (${c})`}`;
  const color = {
    field: 'v',
    type: 'nominal',
    title: zh ? `${mt('legend.lisa', 'zh')}（p < ${data.alpha}）` : `${mt('legend.lisa', 'en')} (p < ${data.alpha})`,
    scale: { domain: LISA_CLUSTERS.map(name), range: LISA_CLUSTERS.map((c) => LISA_COLORS[c]) },
    legend: { orient: 'bottom', direction: 'horizontal', symbolType: 'square' },
  };
  const panel = mapPanel(base, {
    values: data.units.map((u) => ({ code: u.code, v: name(u.cluster) })),
    color,
    names: options.names,
  });
  return mapSpec([panel], {
    config: CHART_CONFIG,
    title: titleBlock(options.title, options.subtitle, Math.max(base.width, 420)),
  });
}
