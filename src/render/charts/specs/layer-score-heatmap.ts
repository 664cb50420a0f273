/**
 * Heatmaps of layer scores, region × year, one per layer.
 */
import type { TopLevelSpec } from 'vega-lite';
import { chartNoRows } from '../../../core/messages/index.js';
import { SoqaError } from '../../../core/soqa-error.js';
import type { ChartOptions } from '../chart-options.js';
import { t } from '../labels.js';
import { CHART_CONFIG } from '../theme.js';
import { highlightLabels } from './lq-heatmap.js';
import { titleBlock } from './title-block.js';

/** One cell: a region's score on a layer in a year (null: not computed). */
export interface LayerScoreHeatCell {
  layer: string;
  region: string;
  year: number;
  score: number | null;
}

const CELL = { width: 26, height: 18 };

/**
 * Vega-Lite spec of heatmaps stacked vertically, one per layer: regions (rows) × years
 * (columns), cells coloured by the layer score on a sequential colour-blind-safe scale
 * (viridis, 0–1 or wider if a score lies outside, shared by all layers so that colours
 * compare across them), missing cells grey.
 *
 * @param cells one per layer × region × year
 * @param options `lang`, `title`, optional `subtitle`; `layers` and `regions` give the orders;
 *   `highlight`: region names to label in the core colour
 * @returns a Vega-Lite spec
 * @throws SoqaError `E_CHART_INPUT` on no cells
 * @example
 * layerScoreHeatmapSpec(cells, { lang: 'en', title: '…', layers: ['composition'], regions: ['Hohhot'] });
 */
export function layerScoreHeatmapSpec(
  cells: readonly LayerScoreHeatCell[],
  options: ChartOptions & { layers?: string[]; regions?: string[]; highlight?: string[] },
): TopLevelSpec {
  const { lang, title, subtitle } = options;
  if (cells.length === 0) throw new SoqaError('E_CHART_INPUT', chartNoRows('layer-scores'));
  const layers = options.layers ?? [...new Set(cells.map((c) => c.layer))];
  const regions = options.regions ?? [...new Set(cells.map((c) => c.region))];
  const years = [...new Set(cells.map((c) => c.year))].sort((a, b) => a - b);
  const values = cells.map((c) => ({ layer: c.layer, region: c.region, year: String(c.year), score: c.score }));
  const x = {
    field: 'year',
    type: 'ordinal' as const,
    title: t('axis.year', lang),
    sort: years.map(String),
    axis: {
      labelAngle: -90,
      labelExpr: years.length > 10 ? "toNumber(datum.value) % 2 === 0 ? datum.value : ''" : 'datum.value',
    },
  };
  const y = {
    field: 'region',
    type: 'nominal' as const,
    title: null,
    sort: regions,
    axis: { ticks: false, domain: false, ...highlightLabels(options.highlight) },
  };
  const width = CELL.width * years.length;
  const scores = cells.map((c) => c.score).filter((v): v is number => v !== null && Number.isFinite(v));
  const domain = [Math.min(0, ...scores), Math.max(1, ...scores)];
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    config: {
      ...CHART_CONFIG,
      facet: { spacing: 14 },
      header: {
        labelFontSize: 12,
        labelAnchor: 'start',
        labelOrient: 'top',
        labelColor: '#222222',
        labelFontWeight: 'bold',
      },
    },
    title: titleBlock(title, subtitle, Math.max(width + 160, 420)),
    data: { values },
    facet: { row: { field: 'layer', type: 'nominal', sort: layers, title: null } },
    spec: {
      width,
      height: CELL.height * regions.length,
      layer: [
        { mark: { type: 'rect', color: '#eeeeee' }, encoding: { x, y } },
        {
          transform: [{ filter: 'datum.score !== null' }],
          mark: { type: 'rect', stroke: '#ffffff', strokeWidth: 0.5 },
          encoding: {
            x,
            y,
            color: {
              field: 'score',
              type: 'quantitative',
              title: t('legend.score', lang),
              scale: { scheme: 'viridis', domain },
              legend: { orient: 'right', gradientLength: 140, format: '.1f' },
            },
          },
        },
      ],
    },
  } as TopLevelSpec;
}
