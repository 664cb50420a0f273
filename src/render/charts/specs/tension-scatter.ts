/**
 * U1–U2 scatter of the regions per tension, over the bands of the coupling-coordination
 * classes.
 */
import type { TopLevelSpec } from 'vega-lite';
import { chartBadValue, chartNoRows } from '../../../core/messages/index.js';
import { SoqaError } from '../../../core/soqa-error.js';
import { coordinationClass } from '../../../measures/coupling/coordination-class.js';
import { coordinationBands, topEdgeCrossings } from '../chart-data/coordination-bands.js';
import type { ChartOptions } from '../chart-options.js';
import { t, type Lang } from '../labels.js';
import { ZONE_COLORS } from '../palette.js';
import { CHART_CONFIG } from '../theme.js';
import { titleBlock } from './title-block.js';

/** One point: a region (or all regions, `zone` 'total') with its two subsystem scores. */
export interface ScatterSpecPoint {
  name: string;
  zone: 'core' | 'periphery' | 'total';
  u1: number;
  u2: number;
}

/** One panel: a tension with the names of its subsystems, α and its points. */
export interface ScatterSpecPanel {
  name: string;
  u1Name: string;
  u2Name: string;
  /** Weight of U1 in T (β = 1 − α); shapes the class bands. */
  alpha: number;
  points: readonly ScatterSpecPoint[];
}

/**
 * Greys for the classes 0 (极度失调, lightest) … 9 (优质协调, darkest): neutral, so the zone
 * colours of the points keep their meaning, and ordered in lightness, so they read in
 * greyscale print.
 */
export const CLASS_GREYS: readonly string[] = [
  '#ebebeb',
  '#e2e2e2',
  '#d9d9d9',
  '#d0d0d0',
  '#c7c7c7',
  '#bebebe',
  '#b5b5b5',
  '#acacac',
  '#a3a3a3',
  '#9a9a9a',
];

/** Panel side in px (small multiples). */
const SIDE = 180;
/** Side of a single panel in px: with axes and legend about 380 px wide, legible at a phone's width. */
const SINGLE_SIDE = 300;

/** The points' zones present, in legend order. */
type ScatterZone = 'core' | 'periphery' | 'total';

/** What every panel of one chart shares. */
interface PanelLook {
  lang: Lang;
  single: boolean;
  width: number;
  variant: 'standard' | 'modified';
  classes: string[];
  zones: readonly ScatterZone[];
}

/** Refuse a chart without points, or with an α or a score outside 0–1. */
function checkPanels(panels: readonly ScatterSpecPanel[]): void {
  if (panels.length === 0 || panels.every((p) => p.points.length === 0))
    throw new SoqaError('E_CHART_INPUT', chartNoRows('tension-scatter'));
  for (const p of panels) {
    if (!(Number.isFinite(p.alpha) && p.alpha >= 0 && p.alpha <= 1))
      throw new SoqaError('E_CHART_INPUT', chartBadValue('tension-scatter', 'alpha', p.alpha, 'a weight from 0 to 1'));
    for (const q of p.points) {
      for (const v of [q.u1, q.u2]) {
        if (!(Number.isFinite(v) && v >= -1e-9 && v <= 1 + 1e-9))
          throw new SoqaError(
            'E_CHART_INPUT',
            chartBadValue('tension-scatter', 'subsystem score', v, 'a score from 0 to 1'),
          );
      }
    }
  }
}

/** The names of the ten coordination classes with their ranges of D. */
function classNames(lang: Lang): string[] {
  return Array.from({ length: 10 }, (_, k) => {
    const c = coordinationClass(Math.min(1, (k + 0.5) / 10));
    const range = `${(k / 10).toFixed(1)}–${((k + 1) / 10).toFixed(1)}`;
    return lang === 'zh' ? `${c.zh}（${range}）` : `${c.en.charAt(0).toUpperCase()}${c.en.slice(1)} (${range})`;
  });
}

const axis = (title: string) => ({
  title,
  scale: { domain: [0, 1], nice: false },
  axis: { tickCount: 5, grid: false, format: '.1f' },
});

/** D labels where the class boundaries meet the top edge, from the right, dropped where they would collide. */
function edgeLabels(alpha: number, variant: 'standard' | 'modified', width: number): { u1: number; label: string }[] {
  const marks: { u1: number; label: string }[] = [];
  for (const c of topEdgeCrossings(alpha, variant).reverse()) {
    if (c.u1 >= 0.97 || (marks.length > 0 && (marks[marks.length - 1].u1 - c.u1) * width < 17)) continue;
    marks.push({ u1: c.u1, label: c.d.toFixed(1) });
  }
  return marks;
}

/** One tension's panel: the class bands, their D labels on the top edge, the diagonal and the points. */
function panelSpec(p: ScatterSpecPanel, look: PanelLook) {
  const { lang, single, width, variant, classes, zones } = look;
  const zoneLabel = (z: ScatterZone) => (z === 'total' ? t('label.all_regions', lang) : t(`zone.${z}`, lang));
  const bands = coordinationBands(p.alpha, variant).map((s) => ({ k: s.classIndex, u1: s.u1, lo: s.lo, hi: s.hi }));
  const marks = edgeLabels(p.alpha, variant, width);
  const x = { field: 'u1', type: 'quantitative' as const, ...axis(`U1 ${p.u1Name}`) };
  const y = { field: 'u2', type: 'quantitative' as const, ...axis(`U2 ${p.u2Name}`) };
  const points = p.points.map((q) => ({
    name: q.name,
    zone: zoneLabel(q.zone),
    total: q.zone === 'total',
    u1: q.u1,
    u2: q.u2,
  }));
  return {
    ...(single
      ? {}
      : {
          title: { text: p.name, anchor: 'middle' as const, fontSize: 13, fontWeight: 'bold' as const, offset: 16 },
        }),
    width,
    height: width,
    layer: [
      {
        data: { values: bands },
        mark: { type: 'area' as const, stroke: '#ffffff', strokeWidth: 0.6, interpolate: 'linear' as const },
        encoding: {
          x: { ...x, field: 'u1' },
          y: { ...y, field: 'lo' },
          y2: { field: 'hi' },
          fill: {
            field: 'k',
            type: 'ordinal' as const,
            scale: { domain: classes.map((_, k) => k), range: [...CLASS_GREYS] },
            legend: {
              title: t('legend.coordination', lang),
              orient: 'bottom' as const,
              direction: 'horizontal' as const,
              // alone: two columns in zh, one in en (its class names are long), so the legend is no wider than the panel
              columns: single ? (lang === 'zh' ? 2 : 1) : lang === 'zh' ? 5 : 3,
              symbolType: 'square',
              labelLimit: 220,
              labelExpr: `${JSON.stringify(classes)}[datum.value]`,
            },
          },
        },
      },
      {
        data: { values: marks.map((m) => ({ u1: m.u1, u2: 1, label: m.label })) },
        mark: { type: 'text' as const, baseline: 'bottom' as const, dy: -2, fontSize: 9, color: '#555555' },
        encoding: { x, y, text: { field: 'label', type: 'nominal' as const } },
      },
      {
        data: { values: [{ u1: 0, u2: 0, u1b: 1, u2b: 1 }] },
        mark: { type: 'rule' as const, strokeDash: [4, 3], color: '#555555', strokeWidth: 1 },
        encoding: { x, y, x2: { field: 'u1b' }, y2: { field: 'u2b' } },
      },
      {
        data: { values: points },
        mark: { type: 'point' as const, filled: true, stroke: '#222222', strokeWidth: 0.8, opacity: 1 },
        encoding: {
          x,
          y,
          color: {
            field: 'zone',
            type: 'nominal' as const,
            scale: {
              domain: zones.map(zoneLabel),
              range: zones.map((z) => (z === 'total' ? '#000000' : ZONE_COLORS[z])),
            },
            legend: { title: t('legend.zone', lang), orient: 'top' as const, direction: 'horizontal' as const },
          },
          shape: { condition: { test: 'datum.total', value: 'diamond' }, value: 'circle' },
          size: { condition: { test: 'datum.total', value: 110 }, value: 46 },
        },
      },
    ],
  };
}

/**
 * Vega-Lite spec of one square panel per tension (small multiples; one panel alone for the
 * report's figure per tension): each region's U1 (x)
 * against U2 (y) in the latest year, in its zone colour, and all regions together as a
 * black diamond, over grey bands of the ten classes of the coupling coordination degree D
 * (darker = better coordinated; boundaries labelled with their D on the top edge), with the
 * dashed diagonal U1 = U2 (above it U1 lags, below it U2). The bands are computed from α
 * and the coupling formula, so they are right for every tension.
 *
 * @param panels one per tension, in order
 * @param options `lang`, `title`, optional `subtitle`, `width` (side of each panel, default 180; one
 *   panel alone: 300, legend in two columns (zh) or one (en), no panel title, as the report draws one per tension);
 *   `variant`: the coupling formula of the tension section (default `standard`)
 * @returns a Vega-Lite spec
 * @throws SoqaError `E_CHART_INPUT` on no points, or a score or α outside 0–1
 * @example
 * tensionScatterSpec([{ name: '结构性张力', u1Name: '治理效能', u2Name: '组织发展', alpha: 0.5, points: [{ name: '包头市', zone: 'core', u1: 0.6, u2: 0.7 }] }], { lang: 'zh', title: '…' });
 */
export function tensionScatterSpec(
  panels: readonly ScatterSpecPanel[],
  options: ChartOptions & { variant?: 'standard' | 'modified' },
): TopLevelSpec {
  // one panel (the report's figure per tension): larger, a narrower legend, no panel title (the chart title names the tension)
  const single = panels.length === 1;
  const { lang, title, subtitle, width = single ? SINGLE_SIDE : SIDE } = options;
  const variant = options.variant ?? 'standard';
  checkPanels(panels);
  const zones = (['core', 'periphery', 'total'] as const).filter((z) =>
    panels.some((p) => p.points.some((q) => q.zone === z)),
  );
  const look: PanelLook = { lang, single, width, variant, classes: classNames(lang), zones };
  const panel = (p: ScatterSpecPanel) => panelSpec(p, look);
  const totalWidth = panels.length * (width + 60);
  const head = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: titleBlock(title, subtitle, single ? totalWidth + 40 : Math.max(totalWidth, 520)),
  };
  if (single) return { ...head, config: CHART_CONFIG, ...panel(panels[0]) } as TopLevelSpec;
  return { ...head, config: { ...CHART_CONFIG, concat: { spacing: 28 } }, hconcat: panels.map(panel) } as TopLevelSpec;
}
