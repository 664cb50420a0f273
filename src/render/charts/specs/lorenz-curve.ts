/**
 * Population-weighted Lorenz curve of organizations with the line of equality.
 */
import type { TopLevelSpec } from 'vega-lite';
import { chartBadValue, chartNoRows } from '../../../core/messages/index.js';
import { SoqaError } from '../../../core/soqa-error.js';
import type { ChartOptions } from '../chart-options.js';
import { t } from '../labels.js';
import { OKABE_ITO } from '../palette.js';
import { CHART_CONFIG } from '../theme.js';
import { titleBlock } from './title-block.js';

/** One point of the curve: cumulative shares, and the region the step adds (null at the origin). */
export interface LorenzPoint {
  x: number;
  y: number;
  name: string | null;
}

/** Default side of the square plot in px. */
const SIDE = 340;

/**
 * Vega-Lite spec of a Lorenz curve on a square plot: cumulative share of residents (x)
 * against cumulative share of organizations (y), regions sorted by density ascending, a
 * point per region, the diagonal line of equality dashed, and the area between them
 * shaded (its size is half the Gini). Put the Gini in the title.
 *
 * @param points the curve from (0, 0) to (1, 1), in order
 * @param options `lang`, `title`, optional `subtitle`; `width` is the side of the square (default 340)
 * @returns a Vega-Lite spec
 * @throws SoqaError `E_CHART_INPUT` on fewer than 2 points or coordinates outside 0–1
 * @example
 * lorenzCurveSpec([{ x: 0, y: 0, name: null }, { x: 1, y: 1, name: '呼和浩特市' }], { lang: 'zh', title: '基尼系数0.000' });
 */
export function lorenzCurveSpec(points: readonly LorenzPoint[], options: ChartOptions): TopLevelSpec {
  const { lang, title, subtitle, width = SIDE } = options;
  if (points.length < 2) throw new SoqaError('E_CHART_INPUT', chartNoRows('lorenz'));
  for (const p of points) {
    for (const v of [p.x, p.y]) {
      if (!(Number.isFinite(v) && v >= -1e-9 && v <= 1 + 1e-9))
        throw new SoqaError('E_CHART_INPUT', chartBadValue('lorenz', 'cumulative share', v, 'a share from 0 to 1'));
    }
  }
  const values = points.map((p) => ({ x: p.x, y: p.y, diag: p.x, name: p.name ?? '' }));
  const x = {
    field: 'x',
    type: 'quantitative' as const,
    title: t('axis.cum_residents', lang),
    scale: { domain: [0, 1], nice: false },
    axis: { format: '.0%', tickCount: 5 },
  };
  const y = {
    field: 'y',
    type: 'quantitative' as const,
    title: t('axis.cum_organizations', lang),
    scale: { domain: [0, 1], nice: false },
    axis: { format: '.0%', tickCount: 5 },
  };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    config: CHART_CONFIG,
    title: titleBlock(title, subtitle, Math.max(width + 60, 520)),
    width,
    height: width,
    data: { values },
    layer: [
      {
        mark: { type: 'area', color: OKABE_ITO.blue, opacity: 0.12 },
        encoding: { x, y, y2: { field: 'diag' } },
      },
      {
        data: { values: [{ x: 0, y: 0, x2: 1, y2: 1, label: t('note.equality', lang) }] },
        mark: { type: 'rule', strokeDash: [5, 4], color: '#777777', strokeWidth: 1 },
        encoding: {
          x: { field: 'x', type: 'quantitative' },
          y: { field: 'y', type: 'quantitative' },
          x2: { field: 'x2' },
          y2: { field: 'y2' },
        },
      },
      {
        data: { values: [{ x: 0.42, y: 0.42, label: t('note.equality', lang) }] },
        mark: { type: 'text', angle: 315, baseline: 'bottom', dy: -3, fontSize: 10, color: '#555555' },
        encoding: {
          x: { field: 'x', type: 'quantitative' },
          y: { field: 'y', type: 'quantitative' },
          text: { field: 'label', type: 'nominal' },
        },
      },
      {
        mark: {
          type: 'line',
          color: OKABE_ITO.blue,
          strokeWidth: 2,
          point: { filled: true, size: 28, color: OKABE_ITO.blue },
        },
        encoding: { x, y },
      },
    ],
  } as TopLevelSpec;
}
