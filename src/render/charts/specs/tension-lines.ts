/**
 * Tension over years per region, one panel per tension.
 */
import type { TopLevelSpec } from 'vega-lite';
import { chartNoRows } from '../../../core/messages/index.js';
import { SoqaError } from '../../../core/soqa-error.js';
import type { ChartOptions } from '../chart-options.js';
import { t } from '../labels.js';
import { ZONE_COLORS } from '../palette.js';
import { CHART_CONFIG } from '../theme.js';
import { titleBlock } from './title-block.js';
import { yearX } from './year-x.js';

/** One point of a line. */
export interface TensionLinePoint {
  tension: string;
  /** Line key (region code, or 'total'). */
  region: string;
  zone: 'core' | 'periphery' | 'total';
  year: number;
  value: number;
}

/**
 * Vega-Lite spec of small multiples, one row per tension: each region's tension (1 − D, 0 =
 * fully coordinated) over years as a thin line in its zone colour, and all regions together
 * as a thick black line.
 *
 * @param points one per tension × region × year
 * @param options `lang`, `title`, optional `subtitle`, `width`, `height` (of each panel); `tensions`: panel order
 * @returns a Vega-Lite spec
 * @throws SoqaError `E_CHART_INPUT` on no points
 */
export function tensionLinesSpec(
  points: readonly TensionLinePoint[],
  options: ChartOptions & { tensions?: string[] },
): TopLevelSpec {
  const { lang, title, subtitle, width = 480, height = 150 } = options;
  if (points.length === 0) throw new SoqaError('E_CHART_INPUT', chartNoRows('tension-lines'));
  const years = [...new Set(points.map((p) => p.year))].sort((a, b) => a - b);
  const tensions = options.tensions ?? [...new Set(points.map((p) => p.tension))];
  const zones = ['core', 'periphery', 'total'] as const;
  const zoneLabel = (z: (typeof zones)[number]) =>
    z === 'total' ? t('label.all_regions', lang) : t(`zone.${z}`, lang);
  const present = zones.filter((z) => points.some((p) => p.zone === z));
  const values = points.map((p) => ({
    tension: p.tension,
    region: p.region,
    zone: zoneLabel(p.zone),
    year: p.year,
    value: p.value,
    total: p.zone === 'total',
  }));
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    config: {
      ...CHART_CONFIG,
      facet: { spacing: 18 },
      header: {
        labelFontSize: 12,
        labelAnchor: 'start',
        labelOrient: 'top',
        labelColor: '#222222',
        labelFontWeight: 'bold',
      },
    },
    title: titleBlock(title, subtitle, width + 80),
    data: { values },
    facet: { row: { field: 'tension', type: 'nominal', sort: tensions, title: null } },
    spec: {
      width,
      height,
      mark: { type: 'line', interpolate: 'linear' },
      encoding: {
        x: yearX(years, lang),
        y: {
          field: 'value',
          type: 'quantitative',
          title: t('axis.tension', lang),
          scale: { domain: [0, 1] },
          axis: { tickCount: 5 },
        },
        detail: { field: 'region', type: 'nominal' },
        color: {
          field: 'zone',
          type: 'nominal',
          scale: {
            domain: present.map(zoneLabel),
            range: present.map((z) => (z === 'total' ? '#000000' : ZONE_COLORS[z])),
          },
          legend: { title: t('legend.zone', lang), orient: 'top', direction: 'horizontal' },
        },
        strokeWidth: { condition: { test: 'datum.total', value: 3 }, value: 1.2 },
        opacity: { condition: { test: 'datum.total', value: 1 }, value: 0.75 },
      },
    },
  } as TopLevelSpec;
}
