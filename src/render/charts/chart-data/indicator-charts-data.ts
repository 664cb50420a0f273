/**
 * Composite ranking with Monte Carlo rank intervals, layer scores by region and year, and
 * obstacle shares by layer, from the indicators section of results.json.
 */
import type { Lang } from '../labels.js';
import type { Zone } from '../palette.js';
import type { LayerId } from '../../../domain/framework/framework.js';
import type { Results } from '../../../results/results.js';
import { coreFirstOrder, regionName } from '../../results-view.js';

/** Layers of the framework in order, with names. */
export interface LayerInfo {
  id: LayerId;
  name: string;
  weight: number | null;
}

/** The layers of the indicators section (framework order). */
export function indicatorLayers(results: Results, lang: Lang): LayerInfo[] {
  const layers = results.analyses.indicators?.layers ?? [];
  return layers.map((l) => ({ id: l.id, name: lang === 'zh' ? l.zh : l.en, weight: l.weight }));
}

const zoneOf = (results: Results, code: string): Zone =>
  results.regions.find((r) => r.code === code)?.zone ?? 'periphery';

/** The last year of the indicators' scores (regions only, not the province total). */
export function lastScoreYear(results: Results): number | null {
  let last: number | null = null;
  for (const r of results.analyses.indicators?.scores ?? []) {
    if (r.region !== 'total' && r.composite !== null && (last === null || r.year > last)) last = r.year;
  }
  return last;
}

/** One region's composite rank and Monte Carlo interval. */
export interface RankInterval {
  region: string;
  name: string;
  zone: Zone;
  composite: number;
  rank: number;
  medianRank: number | null;
  p05: number | null;
  p95: number | null;
}

/**
 * Composite scores, ranks and Monte Carlo rank intervals (5th–95th percentile) of the
 * regions in the last scored year, best rank first.
 *
 * @param results results.json
 * @param lang language of the region names
 * @returns year and rows, or null when the indicators section is absent or has no scores
 * @example
 * rankIntervals(results, 'zh')?.rows[0].name; // => '呼和浩特市'
 */
export function rankIntervals(results: Results, lang: Lang): { year: number; rows: RankInterval[] } | null {
  const s = results.analyses.indicators;
  const year = lastScoreYear(results);
  if (!s || year === null) return null;
  const unc = new Map(s.uncertainty.filter((u) => u.year === year).map((u) => [u.region, u]));
  const rows: RankInterval[] = [];
  for (const r of s.scores) {
    const { composite, rank } = r;
    if (r.year !== year || r.region === 'total' || composite === null || rank === null) continue;
    const u = unc.get(r.region);
    rows.push({
      region: r.region,
      name: regionName(results, r.region, lang),
      zone: zoneOf(results, r.region),
      composite,
      rank,
      medianRank: u?.medianRank ?? null,
      p05: u?.p05 ?? null,
      p95: u?.p95 ?? null,
    });
  }
  if (rows.length === 0) return null;
  rows.sort((a, b) => a.rank - b.rank || (a.region < b.region ? -1 : 1));
  return { year, rows };
}

/** One region-year-layer score. */
export interface LayerScoreCell {
  region: string;
  name: string;
  year: number;
  layer: string;
  layerName: string;
  score: number | null;
}

/**
 * Layer scores of every region and year (regions only), for a region × year heatmap per layer.
 *
 * @param results results.json
 * @param lang language of the names
 * @returns cells, the layer and region orders, or null when there are no scores
 */
export function layerScoreCells(
  results: Results,
  lang: Lang,
): { cells: LayerScoreCell[]; layers: LayerInfo[]; regions: string[]; years: number[] } | null {
  const s = results.analyses.indicators;
  const layers = indicatorLayers(results, lang);
  if (!s || layers.length === 0) return null;
  const cells: LayerScoreCell[] = [];
  const regionCodes: string[] = [];
  const years = new Set<number>();
  for (const r of s.scores) {
    if (r.region === 'total') continue;
    const year = r.year;
    years.add(year);
    if (!regionCodes.includes(r.region)) regionCodes.push(r.region);
    for (const l of layers)
      cells.push({
        region: r.region,
        name: regionName(results, r.region, lang),
        year,
        layer: l.id,
        layerName: l.name,
        score: r[l.id],
      });
  }
  if (cells.every((c) => c.score === null)) return null;
  const order = coreFirstOrder(results);
  regionCodes.sort(
    (a, b) => (order.indexOf(a) + 1 || Infinity) - (order.indexOf(b) + 1 || Infinity) || (a < b ? -1 : 1),
  );
  return {
    cells,
    layers,
    regions: regionCodes.map((c) => regionName(results, c, lang)),
    years: [...years].sort((a, b) => a - b),
  };
}

/** One region's obstacle shares by layer in a year. */
export interface LayerObstacleRow {
  region: string;
  name: string;
  layer: string;
  layerName: string;
  /** Share of the region's total obstacle degree that falls in the layer. */
  share: number;
}

/**
 * Obstacle degree by layer for every region in the last scored year: which layer holds the
 * region back most.
 *
 * @param results results.json
 * @param lang language of the names
 * @returns year, rows (region × layer) and the regions in order of their largest layer share
 */
export function layerObstacles(
  results: Results,
  lang: Lang,
): { year: number; rows: LayerObstacleRow[]; layers: LayerInfo[] } | null {
  const s = results.analyses.indicators;
  const year = lastScoreYear(results);
  const layers = indicatorLayers(results, lang);
  if (!s || year === null || layers.length === 0) return null;
  const rows: LayerObstacleRow[] = [];
  for (const r of s.layerObstacles) {
    if (r.year !== year || r.region === 'total') continue;
    const vals = layers.map((l) => r[l.id]);
    if (!vals.every((v) => v !== null)) continue;
    const sum = vals.reduce((a, b) => a + b, 0);
    if (!(sum > 0)) continue;
    layers.forEach((l, i) =>
      rows.push({
        region: r.region,
        name: regionName(results, r.region, lang),
        layer: l.id,
        layerName: l.name,
        share: vals[i] / sum,
      }),
    );
  }
  return rows.length > 0 ? { year, rows, layers } : null;
}
