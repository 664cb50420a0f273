/**
 * Composite ranking with Monte Carlo rank intervals, layer scores by region and year, and
 * obstacle shares by layer, from the indicators section of results.json.
 */
import type { Lang } from '../labels.js';
import type { Zone } from '../palette.js';
import type { Results } from '../../../results/results.js';
import { analysisSection, arr, coreFirstOrder, isObj, num, regionName, str } from '../../results-view.js';

/** Layers of the framework in order, with names. */
export interface LayerInfo {
  id: string;
  name: string;
  weight: number | null;
}

/** The layers of the indicators section (framework order). */
export function indicatorLayers(results: Results, lang: Lang): LayerInfo[] {
  const s = analysisSection(results, 'indicators');
  if (!s) return [];
  return arr<unknown>(s.layers)
    .filter(isObj)
    .filter((l) => typeof l.id === 'string')
    .map((l) => ({
      id: l.id as string,
      name: str(lang === 'zh' ? l.zh : l.en) ?? (l.id as string),
      weight: num(l.weight),
    }));
}

const zoneOf = (results: Results, code: string): Zone =>
  arr<unknown>(results.regions)
    .filter(isObj)
    .find((r) => r.code === code)?.zone === 'core'
    ? 'core'
    : 'periphery';

/** The last year of the indicators' scores (regions only, not the province total). */
export function lastScoreYear(results: Results): number | null {
  const s = analysisSection(results, 'indicators');
  if (!s) return null;
  let last: number | null = null;
  for (const r of arr<unknown>(s.scores)) {
    if (!isObj(r) || r.region === 'total') continue;
    const y = num(r.year);
    if (y !== null && num(r.composite) !== null && (last === null || y > last)) last = y;
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
  const s = analysisSection(results, 'indicators');
  const year = lastScoreYear(results);
  if (!s || year === null) return null;
  const unc = new Map(
    arr<unknown>(s.uncertainty)
      .filter(isObj)
      .filter((u) => num(u.year) === year)
      .map((u) => [String(u.region), u]),
  );
  const rows: RankInterval[] = [];
  for (const r of arr<unknown>(s.scores)) {
    if (!isObj(r) || num(r.year) !== year || r.region === 'total' || typeof r.region !== 'string') continue;
    const composite = num(r.composite);
    const rank = num(r.rank);
    if (composite === null || rank === null) continue;
    const u = unc.get(r.region);
    rows.push({
      region: r.region,
      name: regionName(results, r.region, lang),
      zone: zoneOf(results, r.region),
      composite,
      rank,
      medianRank: num(u?.medianRank),
      p05: num(u?.p05),
      p95: num(u?.p95),
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
  const s = analysisSection(results, 'indicators');
  const layers = indicatorLayers(results, lang);
  if (!s || layers.length === 0) return null;
  const cells: LayerScoreCell[] = [];
  const regionCodes: string[] = [];
  const years = new Set<number>();
  for (const r of arr<unknown>(s.scores)) {
    if (!isObj(r) || r.region === 'total' || typeof r.region !== 'string') continue;
    const year = num(r.year);
    if (year === null) continue;
    years.add(year);
    if (!regionCodes.includes(r.region)) regionCodes.push(r.region);
    for (const l of layers)
      cells.push({
        region: r.region,
        name: regionName(results, r.region, lang),
        year,
        layer: l.id,
        layerName: l.name,
        score: num(r[l.id]),
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
  const s = analysisSection(results, 'indicators');
  const year = lastScoreYear(results);
  const layers = indicatorLayers(results, lang);
  if (!s || year === null || layers.length === 0) return null;
  const rows: LayerObstacleRow[] = [];
  for (const r of arr<unknown>(s.layerObstacles)) {
    if (!isObj(r) || num(r.year) !== year || r.region === 'total' || typeof r.region !== 'string') continue;
    const vals = layers.map((l) => num(r[l.id]));
    if (vals.some((v) => v === null)) continue;
    const sum = (vals as number[]).reduce((a, b) => a + b, 0);
    if (!(sum > 0)) continue;
    layers.forEach((l, i) =>
      rows.push({
        region: r.region as string,
        name: regionName(results, r.region as string, lang),
        layer: l.id,
        layerName: l.name,
        share: (vals[i] as number) / sum,
      }),
    );
  }
  return rows.length > 0 ? { year, rows, layers } : null;
}
