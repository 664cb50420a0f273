/**
 * Maps of the coupling-coordination class of each region, one per tension.
 */
import * as vega from 'vega';
import type { TopLevelSpec } from 'vega-lite';
import type { ChartOptions } from '../chart-options.js';
import type { MapBase } from '../maps/map-base.js';
import type { TensionClasses } from '../maps/map-data.js';
import { mt } from '../maps/map-labels.js';
import { CHART_CONFIG } from '../theme.js';
import { MULTIPLE_WIDTH, mapPanel, mapSpec, type MapName } from './map-panel.js';
import { titleBlock } from './title-block.js';

/** Hex colour of a CSS rgb() string. */
const hex = (rgb: string): string =>
  '#' +
  (rgb.match(/\d+/g) ?? [])
    .slice(0, 3)
    .map((d) => Number(d).toString(16).padStart(2, '0'))
    .join('');

/**
 * Colours of the classes present, lowest class first: viridis (colour-blind safe, ordered
 * in lightness), spread over the classes present so neighbouring classes stay apart; dark
 * purple is the least coordinated (highest tension), yellow the best coordinated.
 *
 * @param n number of classes present
 * @returns n hex colours
 * @example
 * classColors(2); // => ['#440154', '#fde725']
 */
export function classColors(n: number): string[] {
  const f = vega.scheme('viridis') as (t: number) => string;
  return Array.from({ length: n }, (_, i) => hex(f(n === 1 ? 0.5 : i / (n - 1))));
}

/**
 * Vega-Lite spec of one map per tension (two per row): each region coloured by its
 * coordination class in the year, legend entries "class (D range)" for the classes drawn.
 *
 * @param base the map geometry
 * @param data classes per tension (see `tensionClasses`)
 * @param options `lang`, `title`, optional `subtitle`, `names`; `width`: width of each panel;
 *   `paletteFrom` (default: `data.tensions`): the tensions whose classes share the colours, so
 *   that one tension's map, drawn alone, colours a class as the other tensions' maps do
 * @returns a Vega-Lite spec
 * @example
 * tensionClassMapSpec(base, tensionClasses(results, 'zh')!, { lang: 'zh', title: '…', names: [] });
 */
export function tensionClassMapSpec(
  base: MapBase,
  data: TensionClasses,
  options: ChartOptions & { names: readonly MapName[]; paletteFrom?: TensionClasses['tensions'] },
): TopLevelSpec {
  const n = data.tensions.length;
  const width = options.width ?? (n === 1 ? base.width : MULTIPLE_WIDTH);
  const present = new Map<number, string>();
  for (const t of options.paletteFrom ?? data.tensions) for (const c of t.cells) present.set(c.classIndex, c.className);
  const ks = [...present.keys()].sort((a, b) => b - a);
  const colors = new Map(ks.map((k, i) => [k, classColors(ks.length).reverse()[i]]));
  const drawn = new Set(data.tensions.flatMap((t) => t.cells.map((c) => c.classIndex)));
  const shown = ks.filter((k) => drawn.has(k));
  const label = (k: number) => `${present.get(k)} (${(k / 10).toFixed(1)}–${((k + 1) / 10).toFixed(1)})`;
  const color = {
    field: 'v',
    type: 'nominal',
    title: mt('legend.class', options.lang),
    scale: { domain: shown.map(label), range: shown.map((k) => colors.get(k)!) },
    legend: { orient: 'bottom', direction: 'horizontal', columns: 3, symbolType: 'square' },
  };
  const panels = data.tensions.map((t) =>
    mapPanel(base, {
      values: t.cells.map((c) => ({ code: c.code, v: label(c.classIndex) })),
      color,
      names: options.names,
      title: n > 1 ? t.name : undefined,
      width,
    }),
  );
  return mapSpec(panels, {
    config: CHART_CONFIG,
    title: titleBlock(options.title, options.subtitle, Math.max(Math.min(n, 2) * width, 420)),
    columns: 2,
  });
}
