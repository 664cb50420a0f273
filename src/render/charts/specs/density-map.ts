/**
 * Choropleth of organizations per 10,000 residents by region in one year.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { ChartOptions } from '../chart-options.js';
import type { MapBase } from '../maps/map-base.js';
import { mt } from '../maps/map-labels.js';
import { CHART_CONFIG } from '../theme.js';
import { mapPanel, mapSpec, type MapName } from './map-panel.js';
import { titleBlock } from './title-block.js';

/**
 * The sequential colour channel of densities: ColorBrewer "blues" (colour-blind safe),
 * from the lowest to the highest value, legend at the bottom with the unit in its title.
 *
 * @param lang legend language
 * @param domain [min, max] of all panels
 * @returns the Vega-Lite colour channel over field `v`
 */
export function densityColor(lang: ChartOptions['lang'], domain: [number, number]): Record<string, unknown> {
  return {
    field: 'v',
    type: 'quantitative',
    title: mt('legend.per10k', lang),
    scale: { scheme: 'blues', domain, nice: true },
    legend: { orient: 'bottom', direction: 'horizontal', gradientLength: 220, titleLimit: 400 },
  };
}

/**
 * Vega-Lite spec of a choropleth: each region coloured by its organizations per 10,000
 * residents, regions without a value grey, core regions (or every region of a small map)
 * named at their label points.
 *
 * @param base the map geometry (see `mapBase`)
 * @param rows density per region code
 * @param options `lang`, `title`, optional `subtitle`; `names`: regions to name
 * @returns a Vega-Lite spec
 * @example
 * densityMapSpec(base, [{ code: '150100', per10k: 9.98 }], { lang: 'zh', title: '…', names: [] });
 */
export function densityMapSpec(
  base: MapBase,
  rows: readonly { code: string; per10k: number }[],
  options: ChartOptions & { names: readonly MapName[] },
): TopLevelSpec {
  const values = rows.map((r) => ({ code: r.code, v: r.per10k }));
  const vs = rows.map((r) => r.per10k);
  const domain: [number, number] = [Math.min(...vs), Math.max(...vs)];
  const panel = mapPanel(base, { values, color: densityColor(options.lang, domain), names: options.names });
  return mapSpec([panel], {
    config: CHART_CONFIG,
    title: titleBlock(options.title, options.subtitle, Math.max(base.width, 420)),
  });
}
