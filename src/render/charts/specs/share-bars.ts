/**
 * Horizontal 100% stacked bars: how each row's total splits into categories.
 */
import type { TopLevelSpec } from 'vega-lite';
import { chartBadValue, chartNoRows, chartUnknownCategory } from '../../../core/messages/index.js';
import { SoqaError } from '../../../core/soqa-error.js';
import { DEFAULT_CHART_SIZE, type ChartOptions } from '../chart-options.js';
import { CHART_CONFIG } from '../theme.js';
import { titleBlock } from './title-block.js';

/** One segment: a row's share in a category. */
export interface ShareBarSegment {
  name: string;
  category: string;
  /** Share of the row's total, 0–1. */
  share: number;
}

/** A category in stacking order, with its colour. */
export interface ShareBarCategory {
  label: string;
  color: string;
}

const BAND = 22;

/** Black or white, whichever reads better on `hex` (WCAG relative luminance). */
export function textOn(hex: string): string {
  const c = [1, 3, 5]
    .map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
    .map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
  const l = 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
  return l > 0.22 ? '#000000' : '#ffffff';
}

/**
 * Vega-Lite spec of horizontal bars that each add up to 100%, one per row, split into
 * categories in the given order and colours, with the share printed in segments wide
 * enough for it (≥ 7%). Used for certified social workers by level per region and for
 * obstacle degree by layer per region.
 *
 * @param segments one per row × category
 * @param options `lang`, `title`, optional `subtitle`, `width`; `categories` in stacking
 *   order with colours; `names` the row order (default: first appearance); `legendTitle`
 * @returns a Vega-Lite spec
 * @throws SoqaError `E_CHART_INPUT` on no segments, unknown categories or shares outside 0–1
 * @example
 * shareBarsSpec(rows, { lang: 'zh', title: '…', categories: [{ label: '助理社会工作师', color: '#56B4E9' }], legendTitle: '等级' });
 */
export function shareBarsSpec(
  segments: readonly ShareBarSegment[],
  options: ChartOptions & { categories: readonly ShareBarCategory[]; names?: string[]; legendTitle: string },
): TopLevelSpec {
  const { title, subtitle, width = DEFAULT_CHART_SIZE.width, categories, legendTitle } = options;
  if (segments.length === 0) throw new SoqaError('E_CHART_INPUT', chartNoRows('share-bars'));
  const labels = categories.map((c) => c.label);
  for (const s of segments) {
    if (!labels.includes(s.category))
      throw new SoqaError('E_CHART_INPUT', chartUnknownCategory('share-bars', 'category', s.category, labels));
    if (!(Number.isFinite(s.share) && s.share >= 0 && s.share <= 1 + 1e-9))
      throw new SoqaError('E_CHART_INPUT', chartBadValue('share-bars', 'share', s.share, 'a share from 0 to 1'));
  }
  const names = options.names ?? [...new Set(segments.map((s) => s.name))];
  const values = segments.map((s) => ({
    name: s.name,
    category: s.category,
    order: labels.indexOf(s.category),
    share: s.share,
    label: s.share >= 0.07 ? `${(100 * s.share).toFixed(0)}%` : '',
  }));
  const y = { field: 'name', type: 'nominal' as const, title: null, sort: names, axis: { ticks: false } };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    config: CHART_CONFIG,
    title: titleBlock(title, subtitle, width + 100),
    width,
    height: BAND * names.length,
    data: { values },
    transform: [
      {
        stack: 'share',
        groupby: ['name'],
        sort: [{ field: 'order', order: 'ascending' }],
        as: ['x0', 'x1'],
        offset: 'zero',
      },
      { calculate: '(datum.x0 + datum.x1) / 2', as: 'mid' },
    ],
    resolve: { scale: { color: 'independent' } },
    layer: [
      {
        mark: { type: 'bar', height: { band: 0.72 } },
        encoding: {
          x: {
            field: 'x0',
            type: 'quantitative',
            title: null,
            scale: { domain: [0, 1] },
            axis: { format: '.0%', grid: false },
          },
          x2: { field: 'x1' },
          y,
          color: {
            field: 'category',
            type: 'nominal',
            scale: { domain: labels, range: categories.map((c) => c.color) },
            legend: { title: legendTitle, orient: 'top', direction: 'horizontal', symbolType: 'square' },
          },
        },
      },
      {
        mark: { type: 'text', fontSize: 10 },
        encoding: {
          x: { field: 'mid', type: 'quantitative' },
          y,
          text: { field: 'label', type: 'nominal' },
          color: {
            field: 'category',
            type: 'nominal',
            scale: { domain: labels, range: categories.map((c) => textOn(c.color)) },
            legend: null,
          },
        },
      },
    ],
  } as TopLevelSpec;
}
