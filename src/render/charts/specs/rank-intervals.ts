/**
 * Composite ranking of regions with Monte Carlo rank intervals.
 */
import type { TopLevelSpec } from 'vega-lite';
import { chartBadValue, chartNoRows } from '../../../core/messages/index.js';
import { SoqaError } from '../../../core/soqa-error.js';
import { DEFAULT_CHART_SIZE, type ChartOptions } from '../chart-options.js';
import { t } from '../labels.js';
import { ZONE_COLORS, type Zone } from '../palette.js';
import { CHART_CONFIG } from '../theme.js';
import { titleBlock } from './title-block.js';

/** One region's rank. */
export interface RankRow {
  name: string;
  zone: Zone;
  rank: number;
  /** 5th and 95th percentile of the simulated rank (null: no simulation). */
  p05: number | null;
  p95: number | null;
}

const BAND = 22;

/**
 * Vega-Lite spec of a rank chart: one row per region in rank order, the composite rank as a
 * point in the zone colour and the 5th–95th percentile of the Monte Carlo ranks as a grey
 * bar behind it (how far the rank moves when weights and normalisation change). Rank 1 is
 * on the left.
 *
 * @param rows one row per region (any order; sorted by rank here)
 * @param options `lang`, `title`, optional `subtitle`, `width`
 * @returns a Vega-Lite spec
 * @throws SoqaError `E_CHART_INPUT` on no rows or a rank below 1
 * @example
 * rankIntervalsSpec([{ name: '包头市', zone: 'core', rank: 1, p05: 1, p95: 2 }], { lang: 'zh', title: '…' });
 */
export function rankIntervalsSpec(rows: readonly RankRow[], options: ChartOptions): TopLevelSpec {
  const { lang, title, subtitle, width = DEFAULT_CHART_SIZE.width } = options;
  if (rows.length === 0) throw new SoqaError('E_CHART_INPUT', chartNoRows('rank-intervals'));
  for (const r of rows) {
    if (!(Number.isFinite(r.rank) && r.rank >= 1))
      throw new SoqaError('E_CHART_INPUT', chartBadValue('rank-intervals', 'rank', r.rank, 'a rank ≥ 1'));
  }
  const sorted = rows
    .map((r, i) => ({ r, i }))
    .sort((a, b) => a.r.rank - b.r.rank || a.i - b.i)
    .map(({ r }) => r);
  const n = Math.max(sorted.length, ...sorted.map((r) => r.p95 ?? 0));
  const zones = (['core', 'periphery'] as const).filter((z) => rows.some((r) => r.zone === z));
  const values = sorted.map((r) => ({
    name: r.name,
    zone: t(`zone.${r.zone}`, lang),
    rank: r.rank,
    p05: r.p05,
    p95: r.p95,
  }));
  const x = {
    field: 'rank',
    type: 'quantitative' as const,
    title: t('axis.rank', lang),
    scale: { domain: [0.5, n + 0.5], nice: false, zero: false },
    axis: { values: Array.from({ length: n }, (_, i) => i + 1), format: 'd', grid: true },
  };
  const y = {
    field: 'name',
    type: 'nominal' as const,
    title: null,
    sort: sorted.map((r) => r.name),
    axis: { ticks: false },
  };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    config: CHART_CONFIG,
    title: titleBlock(title, subtitle, width + 100),
    width,
    height: BAND * sorted.length,
    data: { values },
    layer: [
      {
        transform: [{ filter: 'datum.p05 !== null && datum.p95 !== null' }],
        mark: { type: 'bar', height: 8, color: '#bbbbbb', cornerRadius: 4 },
        encoding: { x: { ...x, field: 'p05' }, x2: { field: 'p95' }, y },
      },
      {
        mark: { type: 'point', filled: true, size: 70, opacity: 1 },
        encoding: {
          x,
          y,
          color: {
            field: 'zone',
            type: 'nominal',
            scale: { domain: zones.map((z) => t(`zone.${z}`, lang)), range: zones.map((z) => ZONE_COLORS[z]) },
            legend: { title: t('legend.zone', lang), orient: 'top', direction: 'horizontal' },
          },
        },
      },
    ],
  } as TopLevelSpec;
}
