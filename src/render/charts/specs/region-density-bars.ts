/**
 * Sorted bars of organizations per 10,000 residents by region, core highlighted.
 */
import type { TopLevelSpec } from 'vega-lite';
import { chartBadValue, chartNoRows } from '../../../core/messages/index.js';
import { SoqaError } from '../../../core/soqa-error.js';
import { DEFAULT_CHART_SIZE, type ChartOptions } from '../chart-options.js';
import { t, type Lang } from '../labels.js';
import { ZONE_COLORS, type Zone } from '../palette.js';
import { CHART_CONFIG, FONT_SIZES } from '../theme.js';
import { titleBlock } from './title-block.js';

/** One bar. */
export interface DensityBar {
  name: string;
  zone: Zone;
  /** Organizations per 10,000 residents. */
  per10k: number;
}

/** Height of one bar band in px. */
const BAND = 22;

/** The all-region average as a dashed rule with its label; none without a finite average. */
function averageLayers(average: number | undefined, lang: Lang): object[] {
  if (average === undefined || !Number.isFinite(average)) return [];
  return [
    {
      data: { values: [{ average, label: `${t('note.average', lang)} ${average.toFixed(2)}` }] },
      mark: { type: 'rule' as const, strokeDash: [4, 3], color: '#555555', strokeWidth: 1 },
      encoding: { x: { field: 'average', type: 'quantitative' as const } },
    },
    {
      data: { values: [{ average, label: `${t('note.average', lang)} ${average.toFixed(2)}` }] },
      mark: {
        type: 'text' as const,
        align: 'left' as const,
        baseline: 'bottom' as const,
        dx: 3,
        y: -2,
        fontSize: 10,
        color: '#555555',
      },
      encoding: {
        x: { field: 'average', type: 'quantitative' as const },
        text: { field: 'label', type: 'nominal' as const },
      },
    },
  ];
}

/**
 * Vega-Lite spec of horizontal bars, one per region, sorted from the highest density down,
 * coloured by zone (core vermillion, periphery sky blue), the value printed at each bar's
 * end and a dashed rule at the all-region average.
 *
 * @param rows one row per region (any order; the spec sorts them, ties keep input order)
 * @param options `lang`, `title`, optional `subtitle`, `width`; `average` draws the
 *   all-region average as a rule; the height follows the number of regions
 * @returns a Vega-Lite spec
 * @throws SoqaError `E_CHART_INPUT` on no rows or a negative or non-finite density
 * @example
 * regionDensityBarsSpec([{ name: '呼和浩特市', zone: 'core', per10k: 1.65 }], { lang: 'zh', title: '…' });
 */
export function regionDensityBarsSpec(
  rows: readonly DensityBar[],
  options: ChartOptions & { average?: number },
): TopLevelSpec {
  const { lang, title, subtitle, width = DEFAULT_CHART_SIZE.width, average } = options;
  if (rows.length === 0) throw new SoqaError('E_CHART_INPUT', chartNoRows('region-density'));
  for (const r of rows) {
    if (!(Number.isFinite(r.per10k) && r.per10k >= 0))
      throw new SoqaError('E_CHART_INPUT', chartBadValue('region-density', 'per10k', r.per10k, 'a finite number ≥ 0'));
  }
  const sorted = rows
    .map((r, i) => ({ r, i }))
    .sort((a, b) => b.r.per10k - a.r.per10k || a.i - b.i)
    .map(({ r }) => r);
  const zones = (['core', 'periphery'] as const).filter((z) => rows.some((r) => r.zone === z));
  const values = sorted.map((r) => ({
    name: r.name,
    zone: t(`zone.${r.zone}`, lang),
    per10k: r.per10k,
    label: r.per10k.toFixed(2),
  }));
  const x = {
    field: 'per10k',
    type: 'quantitative' as const,
    title: t('axis.per10k', lang),
    scale: { zero: true, nice: true },
  };
  const y = {
    field: 'name',
    type: 'nominal' as const,
    title: null,
    sort: sorted.map((r) => r.name),
    axis: { labelFontSize: FONT_SIZES.axisLabel, ticks: false },
  };
  const layer = [
    {
      mark: { type: 'bar' as const, height: { band: 0.72 } },
      encoding: {
        x,
        y,
        color: {
          field: 'zone',
          type: 'nominal' as const,
          scale: { domain: zones.map((z) => t(`zone.${z}`, lang)), range: zones.map((z) => ZONE_COLORS[z]) },
          legend: {
            title: t('legend.zone', lang),
            orient: 'top' as const,
            direction: 'horizontal' as const,
            symbolType: 'square',
          },
        },
      },
    },
    {
      mark: { type: 'text' as const, align: 'left' as const, dx: 3, fontSize: 10, color: '#333333' },
      encoding: { x, y, text: { field: 'label', type: 'nominal' as const } },
    },
    ...averageLayers(average, lang),
  ];
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    config: CHART_CONFIG,
    title: titleBlock(title, subtitle, width + 100),
    width,
    height: BAND * sorted.length,
    data: { values },
    layer,
  } as TopLevelSpec;
}
