/**
 * Heatmap of location quotients, field of activity × region.
 */
import type { TopLevelSpec } from 'vega-lite';
import { chartBadValue, chartNoRows } from '../../../core/messages/index.js';
import { SoqaError } from '../../../core/soqa-error.js';
import type { ChartOptions } from '../chart-options.js';
import { t, type Lang } from '../labels.js';
import { ZONE_COLORS } from '../palette.js';
import { CHART_CONFIG } from '../theme.js';
import { titleBlock } from './title-block.js';

/** One cell: a field's location quotient in a region (null: undefined there). */
export interface LqHeatCell {
  field: string;
  region: string;
  lq: number | null;
}

/**
 * Axis label colour that marks the given labels (core regions) in the core colour.
 *
 * @param names labels to mark (none: no condition)
 * @returns `{ labelColor }` for an axis, or `{}`
 */
export function highlightLabels(names: readonly string[] | undefined) {
  if (!names || names.length === 0) return {};
  return {
    labelColor: {
      condition: { test: `indexof(${JSON.stringify(names)}, datum.value) >= 0`, value: ZONE_COLORS.core },
      value: '#555555',
    },
  };
}

/** Cell size in px. */
const CELL = { width: 44, height: 22 };

/** The layers of the heatmap: grey cells for no data, the quotients in colour, their values as text. */
function lqLayers(enc: { x: object; y: object }, lang: Lang): object[] {
  const { x, y } = enc;
  return [
    { mark: { type: 'rect', color: '#eeeeee', stroke: '#ffffff', strokeWidth: 1 }, encoding: { x, y } },
    {
      transform: [{ filter: 'datum.lq !== null' }],
      mark: { type: 'rect', stroke: '#ffffff', strokeWidth: 1 },
      encoding: {
        x,
        y,
        color: {
          field: 'capped',
          type: 'quantitative',
          title: t('legend.lq', lang),
          scale: { scheme: 'blueorange', domain: [0, 2], domainMid: 1 },
          legend: {
            orient: 'bottom',
            direction: 'horizontal',
            gradientLength: 180,
            values: [0, 0.5, 1, 1.5, 2],
            labelExpr: "datum.value === 2 ? '≥2' : format(datum.value, '.1f')",
          },
        },
      },
    },
    {
      mark: { type: 'text', fontSize: 9 },
      encoding: {
        x,
        y,
        text: { field: 'label', type: 'nominal' },
        color: {
          condition: {
            test: 'datum.capped !== null && (datum.capped > 1.6 || datum.capped < 0.4)',
            value: '#ffffff',
          },
          value: '#222222',
        },
      },
    },
  ];
}

/**
 * Vega-Lite spec of a heatmap: fields (rows) × regions (columns), each cell coloured by
 * the location quotient on a diverging blue–orange scale centred on 1 (orange: the field
 * is over-represented in the region, blue: under-represented; capped at 2), the value
 * printed in the cell, cells without a value grey.
 *
 * @param cells one per field × region
 * @param options `lang`, `title`, optional `subtitle`; `fields` and `regions` give the row
 *   and column order (default: first appearance); `highlight`: region names to label in
 *   the core colour
 * @returns a Vega-Lite spec sized by the number of fields and regions
 * @throws SoqaError `E_CHART_INPUT` on no cells or a negative/non-finite quotient
 * @example
 * lqHeatmapSpec([{ field: '慈善', region: '阿拉善盟', lq: 1.4 }], { lang: 'zh', title: '…' });
 */
export function lqHeatmapSpec(
  cells: readonly LqHeatCell[],
  options: ChartOptions & { fields?: string[]; regions?: string[]; highlight?: string[] },
): TopLevelSpec {
  const { lang, title, subtitle } = options;
  if (cells.length === 0) throw new SoqaError('E_CHART_INPUT', chartNoRows('lq-heatmap'));
  for (const c of cells) {
    if (c.lq !== null && !(Number.isFinite(c.lq) && c.lq >= 0))
      throw new SoqaError('E_CHART_INPUT', chartBadValue('lq-heatmap', 'lq', c.lq, 'a finite number ≥ 0 or null'));
  }
  const fields = options.fields ?? [...new Set(cells.map((c) => c.field))];
  const regions = options.regions ?? [...new Set(cells.map((c) => c.region))];
  const values = cells.map((c) => ({
    field: c.field,
    region: c.region,
    lq: c.lq,
    capped: c.lq === null ? null : Math.min(c.lq, 2),
    label: c.lq === null ? '' : c.lq.toFixed(2),
  }));
  const labelColor = highlightLabels(options.highlight);
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
      ...labelColor,
    },
  };
  const y = {
    field: 'field',
    type: 'nominal' as const,
    title: null,
    sort: fields,
    axis: { ticks: false, domain: false },
  };
  const width = CELL.width * regions.length;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    config: CHART_CONFIG,
    title: titleBlock(title, subtitle, Math.max(width + 120, 420)),
    width,
    height: CELL.height * fields.length,
    data: { values },
    layer: lqLayers({ x, y }, lang),
  } as TopLevelSpec;
}
