/**
 * Core and periphery: share of organizations against share of residents over years.
 */
import type { TopLevelSpec } from 'vega-lite';
import { chartBadValue, chartNoRows } from '../../../core/messages/index.js';
import { SoqaError } from '../../../core/soqa-error.js';
import { DEFAULT_CHART_SIZE, type ChartOptions } from '../chart-options.js';
import { t } from '../labels.js';
import { ZONE_COLORS, type Zone } from '../palette.js';
import { CHART_CONFIG } from '../theme.js';
import { titleBlock } from './title-block.js';
import { yearX } from './year-x.js';

/** One year's shares of one zone. */
export interface ZoneShareRow {
  year: number;
  zone: Zone;
  /** Share of organizations, 0–1. */
  orgShare: number;
  /** Share of residents, 0–1. */
  popShare: number;
}

/** Refuse a chart without rows, with a year that is not an integer, or a share outside 0–1. */
function checkRows(rows: readonly ZoneShareRow[]): void {
  if (rows.length === 0) throw new SoqaError('E_CHART_INPUT', chartNoRows('zone-shares'));
  for (const r of rows) {
    if (!Number.isInteger(r.year))
      throw new SoqaError('E_CHART_INPUT', chartBadValue('zone-shares', 'year', r.year, 'an integer year'));
    for (const v of [r.orgShare, r.popShare]) {
      if (!(Number.isFinite(v) && v >= 0 && v <= 1))
        throw new SoqaError('E_CHART_INPUT', chartBadValue('zone-shares', 'share', v, 'a share from 0 to 1'));
    }
  }
}

/** Solid lines for the organizations' share, dashed for the residents', with a legend of its own. */
function measureDash(orgLabel: string, popLabel: string) {
  return {
    field: 'measure',
    type: 'nominal' as const,
    scale: {
      domain: [orgLabel, popLabel],
      range: [
        [1, 0],
        [6, 4],
      ],
    },
    legend: {
      title: null,
      orient: 'top' as const,
      direction: 'horizontal' as const,
      symbolStrokeWidth: 2,
      symbolType: 'stroke',
      symbolSize: 500,
      symbolStrokeColor: '#555555',
    },
  };
}

/**
 * Vega-Lite spec of lines over years: each zone's share of organizations (solid, with a
 * point per observed year) and its share of residents (dashed), in the zone colours, on a
 * 0–100% axis. Where the solid line lies above the dashed line of the same colour, the zone
 * has more organizations than its population would give it.
 *
 * @param rows one row per year × zone; shares computed by the caller
 * @param options `lang`, `title`, optional `subtitle`, `width`, `height`
 * @returns a Vega-Lite spec
 * @throws SoqaError `E_CHART_INPUT` on no rows, non-integer years or shares outside 0–1
 * @example
 * zoneShareLinesSpec([{ year: 2024, zone: 'core', orgShare: 0.464, popShare: 0.346 }], { lang: 'zh', title: '…' });
 */
export function zoneShareLinesSpec(rows: readonly ZoneShareRow[], options: ChartOptions): TopLevelSpec {
  const { lang, title, subtitle, width = DEFAULT_CHART_SIZE.width, height = DEFAULT_CHART_SIZE.height } = options;
  checkRows(rows);
  const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b);
  const zones = (['core', 'periphery'] as const).filter((z) => rows.some((r) => r.zone === z));
  const orgLabel = t('series.org_share', lang);
  const popLabel = t('series.pop_share', lang);
  const sorted = [...rows].sort((a, b) => a.year - b.year || zones.indexOf(a.zone) - zones.indexOf(b.zone));
  const values = sorted.flatMap((r) => [
    {
      year: r.year,
      zone: t(`zone.${r.zone}`, lang),
      measure: orgLabel,
      share: r.orgShare,
      order: zones.indexOf(r.zone) * 2,
    },
    {
      year: r.year,
      zone: t(`zone.${r.zone}`, lang),
      measure: popLabel,
      share: r.popShare,
      order: zones.indexOf(r.zone) * 2 + 1,
    },
  ]);
  const x = yearX(years, lang);
  const y = {
    field: 'share',
    type: 'quantitative' as const,
    title: t('axis.share', lang),
    scale: { domain: [0, 1] },
    axis: { format: '.0%' },
  };
  const color = {
    field: 'zone',
    type: 'nominal' as const,
    scale: { domain: zones.map((z) => t(`zone.${z}`, lang)), range: zones.map((z) => ZONE_COLORS[z]) },
    legend: { title: t('legend.zone', lang), orient: 'top' as const, direction: 'horizontal' as const },
  };
  const strokeDash = measureDash(orgLabel, popLabel);
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    config: CHART_CONFIG,
    title: titleBlock(title, subtitle, width + 60),
    width,
    height,
    data: { values },
    layer: [
      {
        mark: { type: 'line', strokeWidth: 2 },
        encoding: { x, y, color, strokeDash, detail: { field: 'order', type: 'nominal' } },
      },
      {
        transform: [{ filter: { field: 'measure', equal: orgLabel } }],
        mark: { type: 'point', filled: true, size: 30, opacity: 1 },
        encoding: { x, y, color },
      },
    ],
    resolve: { legend: { strokeDash: 'independent' } },
  } as TopLevelSpec;
}
