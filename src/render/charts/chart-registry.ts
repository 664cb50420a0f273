/**
 * Every chart soqa draws from results.json: name → builder. A builder returns null when
 * the results hold no data for its chart (an analysis was not run or was skipped, or a
 * comparison across regions has fewer than two regions), so callers draw what exists and
 * say what does not.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { Results } from '../../results/results.js';
import { coreNames } from '../results-view.js';
import {
  typeMixTitle,
  shareChangeTitle,
  zoneShareTitle,
  densityTitle,
  lorenzTitle,
  lqTitle,
  rankTitle,
  layerScoresTitle,
  obstacleTitle,
  staffLevelsTitle,
  tensionTitle,
  scatterTitle,
  indicatorObstacleTitle,
} from './chart-titles.js';
import { tensionScatter } from './chart-data/tension-scatter-data.js';
import { tensionScatterSpec } from './specs/tension-scatter.js';
import { indicatorObstacles } from './chart-data/indicator-obstacles-data.js';
import { obstacleHeatmapSpec } from './specs/obstacle-heatmap.js';
import { tensionSeries } from './chart-data/tension-data.js';
import { tensionLinesSpec } from './specs/tension-lines.js';
import { typeYearCounts } from './chart-data/type-year-counts.js';
import { zoneShares } from './chart-data/zone-shares.js';
import { regionDensity } from './chart-data/region-density.js';
import { lorenzData, lqMatrix } from './chart-data/spatial-charts-data.js';
import { layerObstacles, layerScoreCells, rankIntervals } from './chart-data/indicator-charts-data.js';
import { CERT_LEVELS, staffLevels } from './chart-data/staff-levels.js';
import { t, type Lang } from './labels.js';
import { CERT_COLORS, LAYER_COLORS } from './palette.js';
import { typeMixAreaSpec } from './specs/type-mix-area.js';
import { shareLinesSpec } from './specs/share-lines.js';
import { zoneShareLinesSpec } from './specs/zone-share-lines.js';
import { regionDensityBarsSpec } from './specs/region-density-bars.js';
import { lorenzCurveSpec } from './specs/lorenz-curve.js';
import { lqHeatmapSpec } from './specs/lq-heatmap.js';
import { rankIntervalsSpec } from './specs/rank-intervals.js';
import { layerScoreHeatmapSpec } from './specs/layer-score-heatmap.js';
import { shareBarsSpec } from './specs/share-bars.js';
import { wrapTitle } from './specs/title-block.js';
import { MAP_CHARTS } from './map-registry.js';

/** Width (px) to wrap titles of builders that do not wrap them themselves. */
const TITLE_WIDTH = 560;

/** One chart of the registry. */
export interface ChartEntry {
  /**
   * Build the chart's Vega-Lite spec from results.json in a language.
   *
   * @returns the spec, or null when the results hold no data for this chart
   */
  build: (results: Results, lang: Lang) => TopLevelSpec | null;
  /** The analysis section the chart needs (null: it needs only the counts and regions). */
  needs: string | null;
}

/** A label as a chart shows it: English labels start with a capital (facet headers, legends). */
const label = (lang: Lang, s: string): string => (lang === 'en' ? s.charAt(0).toUpperCase() + s.slice(1) : s);

/** Title text of a spec, lines joined (for captions). */
export function specTitle(spec: TopLevelSpec): string {
  const title = (spec as { title?: unknown }).title;
  const text = typeof title === 'object' && title !== null ? (title as { text?: unknown }).text : title;
  if (typeof text === 'string') return text;
  if (!Array.isArray(text)) return '';
  // a line break at a space between Latin words dropped the space: put it back (none between CJK characters)
  return text
    .map(String)
    .reduce(
      (a, line) => (a === '' ? line : /[!-~]$/.test(a) && /^[!-~]/.test(line) ? `${a} ${line}` : `${a}${line}`),
      '',
    );
}

function typeMixArea(results: Results, lang: Lang): TopLevelSpec | null {
  const rows = typeYearCounts(results);
  if (!rows) return null;
  const years = [...new Set(rows.map((r) => r.year))];
  const total = (y: number) => rows.filter((r) => r.year === y).reduce((s, r) => s + r.count, 0);
  const first = years[0];
  const last = years[years.length - 1];
  if (total(last) === 0) return null;
  const top = rows.filter((r) => r.year === last).reduce((a, b) => (b.count > a.count ? b : a));
  return typeMixAreaSpec(rows, {
    lang,
    title: wrapTitle(
      typeMixTitle(lang, {
        firstYear: first,
        first: total(first),
        lastYear: last,
        last: total(last),
        topType: top.type,
        topShare: top.count / total(last),
      }),
      TITLE_WIDTH,
    ),
  });
}

function shareLines(results: Results, lang: Lang): TopLevelSpec | null {
  const rows = typeYearCounts(results);
  if (!rows) return null;
  const years = [...new Set(rows.map((r) => r.year))];
  const total = (y: number) => rows.filter((r) => r.year === y).reduce((s, r) => s + r.count, 0);
  if (years.length < 2 || years.some((y) => total(y) === 0)) return null;
  const first = years[0];
  const last = years[years.length - 1];
  const share = (y: number, type: string) => (rows.find((r) => r.year === y && r.type === type)?.count ?? 0) / total(y);
  const types = [...new Set(rows.map((r) => r.type))];
  const moved = types.reduce((a, b) =>
    Math.abs(share(last, b) - share(first, b)) > Math.abs(share(last, a) - share(first, a)) ? b : a,
  );
  return shareLinesSpec(rows, {
    lang,
    title: wrapTitle(
      shareChangeTitle(lang, {
        type: moved,
        fromYear: first,
        from: share(first, moved),
        toYear: last,
        to: share(last, moved),
      }),
      TITLE_WIDTH,
    ),
  });
}

function zoneSharesChart(results: Results, lang: Lang): TopLevelSpec | null {
  const ys = zoneShares(results);
  if (!ys) return null;
  const last = ys[ys.length - 1];
  const rows = ys.flatMap((y) =>
    (['core', 'periphery'] as const).map((zone) => ({
      year: y.year,
      zone,
      orgShare: y.orgShare[zone],
      popShare: y.popShare[zone],
    })),
  );
  return zoneShareLinesSpec(rows, {
    lang,
    title: zoneShareTitle(lang, { year: last.year, orgShare: last.orgShare.core, popShare: last.popShare.core }),
  });
}

function densityBars(results: Results, lang: Lang): TopLevelSpec | null {
  const d = regionDensity(results, lang);
  if (!d || d.regions.length < 2) return null;
  const top = d.regions[0];
  const bottom = d.regions[d.regions.length - 1];
  return regionDensityBarsSpec(d.regions, {
    lang,
    title: densityTitle(lang, {
      year: d.year,
      top: top.name,
      topValue: top.per10k,
      bottom: bottom.name,
      bottomValue: bottom.per10k,
    }),
    average: d.average,
  });
}

function lorenz(results: Results, lang: Lang): TopLevelSpec | null {
  const l = lorenzData(results, lang);
  if (!l || l.points.length < 3) return null;
  return lorenzCurveSpec(l.points, {
    lang,
    title: lorenzTitle(lang, { year: l.year, gini: l.gini }),
    subtitle: t('note.lorenz_reading', lang),
  });
}

/** Per field the literature names (else the periphery's top fields): periphery cells drawn with LQ > 1, of those with a value. */
function lqTitleFields(m: NonNullable<ReturnType<typeof lqMatrix>>) {
  const claimed = m.claimedFields.length > 0;
  const names = (claimed ? m.claimedFields : m.peripheryTop).map((x) => x.name);
  const fields = names.map((name) => {
    const cells = m.cells.filter((c) => c.fieldName === name && c.zone === 'periphery' && c.lq !== null);
    return { name, above: cells.filter((c) => c.lq! > 1).length, of: cells.length };
  });
  return { year: m.year, claimed, fields: fields.filter((x) => x.of > 0) };
}

function lqHeatmap(results: Results, lang: Lang): TopLevelSpec | null {
  const m = lqMatrix(results, lang);
  if (!m) return null;
  return lqHeatmapSpec(
    m.cells.map((c) => ({ field: c.fieldName, region: c.regionName, lq: c.lq })),
    {
      lang,
      title: lqTitle(lang, lqTitleFields(m)),
      subtitle: [t('note.lq_reading', lang), t('note.core_labels', lang)],
      fields: m.fields,
      regions: m.regions,
      highlight: coreNames(results, lang),
    },
  );
}

function compositeRanking(results: Results, lang: Lang): TopLevelSpec | null {
  const r = rankIntervals(results, lang);
  if (!r || r.rows.length < 2) return null;
  const first = r.rows[0];
  return rankIntervalsSpec(r.rows, {
    lang,
    title: rankTitle(lang, { year: r.year, first: first.name, p05: first.p05, p95: first.p95, regions: r.rows.length }),
    subtitle: t('note.rank_interval', lang),
  });
}

function layerScores(results: Results, lang: Lang): TopLevelSpec | null {
  const h = layerScoreCells(results, lang);
  if (!h) return null;
  const last = h.years[h.years.length - 1];
  const best = h.layers
    .map((l) => {
      const cells = h.cells.filter((c) => c.layer === l.id && c.year === last && c.score !== null);
      if (cells.length === 0) return null;
      const top = cells.reduce((a, b) => ((b.score as number) > (a.score as number) ? b : a));
      return { layer: l.name, region: top.name };
    })
    .filter((b): b is { layer: string; region: string } => b !== null);
  return layerScoreHeatmapSpec(
    h.cells.map((c) => ({ layer: label(lang, c.layerName), region: c.name, year: c.year, score: c.score })),
    {
      lang,
      title: layerScoresTitle(lang, { year: last, best }),
      subtitle: t('note.core_labels', lang),
      layers: h.layers.map((l) => label(lang, l.name)),
      regions: h.regions,
      highlight: coreNames(results, lang),
    },
  );
}

function obstacles(results: Results, lang: Lang): TopLevelSpec | null {
  const o = layerObstacles(results, lang);
  if (!o) return null;
  const names = [...new Set(o.rows.map((r) => r.name))];
  const main = new Map<string, number>();
  for (const name of names) {
    const rows = o.rows.filter((r) => r.name === name);
    const top = rows.reduce((a, b) => (b.share > a.share ? b : a));
    main.set(top.layerName, (main.get(top.layerName) ?? 0) + 1);
  }
  const [layer, regions] = [...main.entries()].reduce((a, b) => (b[1] > a[1] ? b : a));
  const firstLayer = o.layers[0]?.name;
  const share = (name: string) => o.rows.find((r) => r.name === name && r.layerName === firstLayer)?.share ?? 0;
  return shareBarsSpec(
    o.rows.map((r) => ({ name: r.name, category: label(lang, r.layerName), share: r.share })),
    {
      lang,
      title: obstacleTitle(lang, { year: o.year, layer, regions, of: names.length }),
      subtitle: t('note.obstacle_share', lang),
      categories: o.layers.map((l, i) => ({
        label: label(lang, l.name),
        color: LAYER_COLORS[i % LAYER_COLORS.length],
      })),
      names: [...names].sort((a, b) => share(b) - share(a) || names.indexOf(a) - names.indexOf(b)),
      legendTitle: t('legend.layer', lang),
    },
  );
}

function staffLevelsChart(results: Results, lang: Lang): TopLevelSpec | null {
  const s = staffLevels(results, lang, t('label.all_regions', lang));
  if (!s) return null;
  const all = s.rows[0];
  return shareBarsSpec(
    s.rows.flatMap((r) =>
      CERT_LEVELS.map((l) => ({ name: r.name, category: t(`cert.${l}`, lang), share: r.shares[l] })),
    ),
    {
      lang,
      title: staffLevelsTitle(lang, { year: s.year, junior: all.shares.junior, senior: all.shares.senior }),
      categories: CERT_LEVELS.map((l) => ({ label: t(`cert.${l}`, lang), color: CERT_COLORS[l] })),
      names: s.rows.map((r) => r.name),
      legendTitle: t('legend.level', lang),
    },
  );
}

function tensionLines(results: Results, lang: Lang): TopLevelSpec | null {
  const s = tensionSeries(results, lang);
  if (!s) return null;
  return tensionLinesSpec(s.points, {
    lang,
    title: tensionTitle(lang, s.means),
    subtitle: t('note.tension_reading', lang),
    tensions: s.tensions,
  });
}

function indicatorObstacleChart(results: Results, lang: Lang): TopLevelSpec | null {
  const o = indicatorObstacles(results, lang);
  if (!o) return null;
  const layerIds: string[] = o.layers.map((l) => l.id);
  const colour = (layer: string) => LAYER_COLORS[(layerIds.indexOf(layer) + LAYER_COLORS.length) % LAYER_COLORS.length];
  const categories = [
    ...new Map(
      o.cells.map((c) => [
        label(lang, c.layerName),
        { label: label(lang, c.layerName), color: colour(c.layer), i: layerIds.indexOf(c.layer) },
      ]),
    ).values(),
  ].sort((a, b) => a.i - b.i);
  return obstacleHeatmapSpec(
    o.cells.map((c) => ({
      indicator: label(lang, c.indicatorName),
      region: c.name,
      layer: label(lang, c.layerName),
      order: c.order,
      degree: c.degree,
    })),
    {
      lang,
      title: indicatorObstacleTitle(lang, {
        year: o.year,
        indicator: o.top.indicatorName,
        regions: o.top.regions,
        of: o.top.of,
      }),
      subtitle: [t('note.indicator_obstacle', lang), t('note.core_labels', lang)],
      categories: categories.map(({ label: l, color }) => ({ label: l, color })),
      indicators: o.indicators.map((i) => label(lang, i)),
      regions: o.regions,
      highlight: coreNames(results, lang),
      legendTitle: t('legend.layer', lang),
    },
  );
}

/**
 * The U1–U2 scatter of the tension at `index` (0-based, in the framework's order), one panel
 * legible at the report's column width (issue 22 §13: the three-panel figure was split).
 */
const tensionScatterChart =
  (index: number) =>
  (results: Results, lang: Lang): TopLevelSpec | null => {
    const s = tensionScatter(results, lang);
    const p = s?.panels[index];
    if (!s || !p) return null;
    const regional = p.points.filter((q) => q.zone !== 'total' && q.informative);
    const lo = regional.length ? regional.reduce((a, b) => (b.classIndex < a.classIndex ? b : a)) : null;
    const hi = regional.length ? regional.reduce((a, b) => (b.classIndex > a.classIndex ? b : a)) : null;
    const lowest = regional.length ? regional.reduce((a, b) => (b.D < a.D ? b : a)) : null;
    return tensionScatterSpec(
      [
        {
          name: label(lang, p.name),
          u1Name: p.u1Name,
          u2Name: p.u2Name,
          alpha: p.alpha,
          points: p.points.map((q) => ({ name: q.name, zone: q.zone, u1: q.u1, u2: q.u2 })),
        },
      ],
      {
        lang,
        title: scatterTitle(lang, {
          year: s.year,
          tension: label(lang, p.name),
          lo: lo?.className ?? '',
          hi: hi?.className ?? '',
          lowest: lowest ? { region: lowest.name, className: lowest.className, D: lowest.D } : null,
        }),
        subtitle: t('note.scatter_reading', lang),
        variant: s.variant,
      },
    );
  };

/**
 * The charts, in the order the report shows them. Names are file names
 * (`charts/<name>.svg`) and values of `soqa chart --only`.
 *
 * @example
 * CHARTS['lorenz'].build(results, 'zh'); // => a spec, or null without the spatial section
 */
export const CHARTS: Readonly<Record<string, ChartEntry>> = {
  'composite-ranking': { build: compositeRanking, needs: 'indicators' },
  'layer-scores': { build: layerScores, needs: 'indicators' },
  'layer-obstacles': { build: obstacles, needs: 'indicators' },
  'indicator-obstacles': { build: indicatorObstacleChart, needs: 'indicators' },
  'region-density': { build: densityBars, needs: null },
  'zone-shares': { build: zoneSharesChart, needs: null },
  lorenz: { build: lorenz, needs: 'spatial' },
  'lq-heatmap': { build: lqHeatmap, needs: 'spatial' },
  'type-mix-area': { build: typeMixArea, needs: null },
  'share-lines': { build: shareLines, needs: null },
  'staff-levels': { build: staffLevelsChart, needs: 'staff' },
  'tension-lines': { build: tensionLines, needs: 'tension' },
  // one per tension of the framework (the triple tension); a fourth tension has its table but no scatter
  'tension-scatter-1': { build: tensionScatterChart(0), needs: 'tension' },
  'tension-scatter-2': { build: tensionScatterChart(1), needs: 'tension' },
  'tension-scatter-3': { build: tensionScatterChart(2), needs: 'tension' },
  ...MAP_CHARTS,
};

/** Chart names in report order. */
export const CHART_NAMES: readonly string[] = Object.keys(CHARTS);

/**
 * Build the specs of the named charts (default: all) that have data.
 *
 * @param results results.json
 * @param lang language
 * @param only chart names to build (default: all, in {@link CHART_NAMES} order)
 * @returns name → spec, for the charts whose data are present, in registry order
 * @example
 * Object.keys(buildChartSpecs(results, 'zh')); // => ['composite-ranking', …]
 */
export function buildChartSpecs(results: Results, lang: Lang, only?: readonly string[]): Map<string, TopLevelSpec> {
  const out = new Map<string, TopLevelSpec>();
  for (const name of CHART_NAMES) {
    if (only && !only.includes(name)) continue;
    const spec = CHARTS[name].build(results, lang);
    if (spec) out.set(name, spec);
  }
  return out;
}
