/**
 * The largest obstacles of each region: indicators (rows) × regions (columns).
 */
import type { TopLevelSpec } from 'vega-lite';
import { chartBadValue, chartNoRows, chartUnknownCategory } from '../../../core/messages/index.js';
import { SoqaError } from '../../../core/soqa-error.js';
import type { ChartOptions } from '../chart-options.js';
import { textWidth } from '../text-width.js';
import { CHART_CONFIG, FONT_SIZES } from '../theme.js';
import { highlightLabels } from './lq-heatmap.js';
import { textOn } from './share-bars.js';
import { titleBlock } from './title-block.js';

/** One cell: an indicator that is one of a region's largest obstacles. */
export interface ObstacleCell {
  indicator: string;
  region: string;
  /** Layer label (one of `options.categories`). */
  layer: string;
  /** 1 = the region's largest obstacle. */
  order: number;
  /** Obstacle degree, 0–1. */
  degree: number;
}

const CELL = { width: 34, height: 24 };

/** Widest row label in px; longer indicator names are shortened with an ellipsis. */
const LABEL_WIDTH = 220;

/**
 * `text` cut to `max` px at the axis-label size, with an ellipsis (Vega truncates labels
 * itself, but lays the chart out with the untruncated width).
 */
function fitLabel(text: string, max = LABEL_WIDTH): string {
  if (textWidth(text, FONT_SIZES.axisLabel) <= max) return text;
  const chars = [...text];
  while (chars.length > 1 && textWidth(`${chars.join('').trimEnd()}…`, FONT_SIZES.axisLabel) > max) chars.pop();
  return `${chars.join('').trimEnd()}…`;
}

/** Refuse a chart without cells, with a cell of an unknown layer, or with a degree outside 0–1. */
function checkCells(cells: readonly ObstacleCell[], categories: readonly { label: string }[]): void {
  if (cells.length === 0) throw new SoqaError('E_CHART_INPUT', chartNoRows('obstacle-heatmap'));
  const labels = categories.map((c) => c.label);
  for (const c of cells) {
    if (!labels.includes(c.layer))
      throw new SoqaError('E_CHART_INPUT', chartUnknownCategory('obstacle-heatmap', 'layer', c.layer, labels));
    if (!(Number.isFinite(c.degree) && c.degree >= 0 && c.degree <= 1 + 1e-9))
      throw new SoqaError(
        'E_CHART_INPUT',
        chartBadValue('obstacle-heatmap', 'degree', c.degree, 'a share from 0 to 1'),
      );
  }
}

/** Indicator names shortened to the label width; two names that shorten alike keep their full text. */
function shortNames(fullNames: readonly string[]): Map<string, string> {
  const short = new Map(fullNames.map((n) => [n, fitLabel(n)]));
  for (const n of fullNames) if ([...short.values()].filter((v) => v === short.get(n)).length > 1) short.set(n, n);
  return short;
}

/** The degrees as text on the cells, in a colour readable on the layer's colour; the first obstacle in bold. */
function textLayers(
  enc: { x: object; y: object },
  values: readonly object[],
  used: readonly { label: string; color: string }[],
): object[] {
  const { x, y } = enc;
  return [true, false].map((first) => ({
    data: { values },
    transform: [{ filter: first ? 'datum.first' : '!datum.first' }],
    mark: { type: 'text', fontSize: 10, fontWeight: first ? 'bold' : 'normal' },
    encoding: {
      x,
      y,
      text: { field: 'label', type: 'nominal' },
      color: {
        field: 'layer',
        type: 'nominal',
        scale: { domain: used.map((c) => c.label), range: used.map((c) => textOn(c.color)) },
        legend: null,
      },
    },
  }));
}

/**
 * Vega-Lite spec of a grid with one row per indicator and one column per region: the cells
 * of each region's largest obstacles are filled in the colour of the indicator's layer and
 * show the obstacle degree as a percentage (the largest in bold), other cells stay light
 * grey.
 *
 * @param cells one per region × top obstacle
 * @param options `lang`, `title`, optional `subtitle`; `categories`: the layers with their
 *   colours; `indicators` and `regions`: row and column order (default: first appearance);
 *   `highlight`: region names to label in the core colour; `legendTitle`
 * @returns a Vega-Lite spec sized by the number of indicators and regions
 * @throws SoqaError `E_CHART_INPUT` on no cells, an unknown layer or a degree outside 0–1
 * @example
 * obstacleHeatmapSpec([{ indicator: '孵化', region: '包头市', layer: '功能', order: 1, degree: 0.25 }], { lang: 'zh', title: '…', categories: [{ label: '功能', color: '#E69F00' }], legendTitle: '层面' });
 */
export function obstacleHeatmapSpec(
  cells: readonly ObstacleCell[],
  options: ChartOptions & {
    categories: readonly { label: string; color: string }[];
    indicators?: string[];
    regions?: string[];
    highlight?: string[];
    legendTitle: string;
  },
): TopLevelSpec {
  const { title, subtitle, categories, legendTitle } = options;
  checkCells(cells, categories);
  const fullNames = options.indicators ?? [...new Set(cells.map((c) => c.indicator))];
  const short = shortNames(fullNames);
  const indicators = fullNames.map((n) => short.get(n) as string);
  const regions = options.regions ?? [...new Set(cells.map((c) => c.region))];
  const used = categories.filter((c) => cells.some((x) => x.layer === c.label));
  const grid = indicators.flatMap((indicator) => regions.map((region) => ({ indicator, region })));
  const values = cells.map((c) => ({
    indicator: short.get(c.indicator) ?? fitLabel(c.indicator),
    region: c.region,
    layer: c.layer,
    first: c.order === 1,
    label: `${(100 * c.degree).toFixed(0)}%`,
  }));
  const x = {
    field: 'region',
    type: 'nominal' as const,
    title: null,
    sort: regions,
    axis: {
      orient: 'top' as const,
      labelAngle: -40,
      labelAlign: 'left' as const,
      ticks: false,
      domain: false,
      ...highlightLabels(options.highlight),
    },
  };
  const y = {
    field: 'indicator',
    type: 'nominal' as const,
    title: null,
    sort: indicators,
    axis: { ticks: false, domain: false, labelLimit: LABEL_WIDTH + 10 },
  };
  const width = CELL.width * regions.length;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    config: CHART_CONFIG,
    title: titleBlock(title, subtitle, Math.max(width + 200, 460)),
    width,
    height: CELL.height * indicators.length,
    resolve: { scale: { color: 'independent' } },
    layer: [
      {
        data: { values: grid },
        mark: { type: 'rect', color: '#f1f1f1', stroke: '#ffffff', strokeWidth: 1 },
        encoding: { x, y },
      },
      {
        data: { values },
        mark: { type: 'rect', stroke: '#ffffff', strokeWidth: 1 },
        encoding: {
          x,
          y,
          color: {
            field: 'layer',
            type: 'nominal',
            scale: { domain: used.map((c) => c.label), range: used.map((c) => c.color) },
            legend: { title: legendTitle, orient: 'bottom', direction: 'vertical', symbolType: 'square' },
          },
        },
      },
      ...textLayers({ x, y }, values, used),
    ],
  } as TopLevelSpec;
}
