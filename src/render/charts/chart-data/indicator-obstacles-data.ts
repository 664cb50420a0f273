/**
 * The largest obstacles (indicator level) of every region in the latest scored year, from
 * the indicators section of results.json.
 */
import type { Lang } from '../labels.js';
import type { Results } from '../../../results/results.js';
import type { IndicatorsSection } from '../../../results/section-types.js';
import { indicatorLayers, lastScoreYear, rankIntervals, type LayerInfo } from './indicator-charts-data.js';

/** One of a region's top obstacles. */
export interface IndicatorObstacleCell {
  region: string;
  name: string;
  indicator: string;
  indicatorName: string;
  layer: string;
  layerName: string;
  /** 1 = the region's largest obstacle. */
  order: number;
  /** Obstacle degree: the indicator's part of the region's total, 0–1. */
  degree: number;
}

/**
 * Every region's top obstacles (the `order` ≤ 3 rows of `indicators.obstacles`) in the last
 * scored year, with the region order of the composite ranking and the indicators ordered by
 * how many regions they hold back most (then by their mean degree).
 *
 * @param results results.json
 * @param lang language of the names
 * @returns year, cells, region and indicator names in display order, the layers; or null
 *   without obstacles
 * @example
 * indicatorObstacles(results, 'zh')?.indicators[0]; // => '入驻孵化基地的组织占比'
 */
export function indicatorObstacles(
  results: Results,
  lang: Lang,
): {
  year: number;
  cells: IndicatorObstacleCell[];
  regions: string[];
  indicators: string[];
  layers: LayerInfo[];
  top: { indicatorName: string; regions: number; of: number; meanDegree: number };
} | null {
  const s = results.analyses.indicators;
  const year = lastScoreYear(results);
  if (!s || year === null) return null;
  const ranks = rankIntervals(results, lang);
  const layers = indicatorLayers(results, lang);
  const nameOf = new Map((ranks?.rows ?? []).map((r) => [r.region, r.name]));
  const cells = obstacleCells(s, year, lang, { layers, nameOf });
  if (cells.length === 0) return null;
  const regionOrder = (ranks?.rows ?? []).map((r) => r.region);
  const regionCodes = [...new Set(cells.map((c) => c.region))].sort(
    (a, b) => (regionOrder.indexOf(a) + 1 || Infinity) - (regionOrder.indexOf(b) + 1 || Infinity) || (a < b ? -1 : 1),
  );
  const { ids, mean } = indicatorOrder(cells);
  const top = ids[0];
  const topFirsts = cells.filter((c) => c.indicator === top && c.order === 1);
  return {
    year,
    cells,
    regions: regionCodes.map((c) => cells.find((x) => x.region === c)!.name),
    indicators: ids.map((id) => cells.find((x) => x.indicator === id)!.indicatorName),
    layers,
    top: {
      indicatorName: cells.find((x) => x.indicator === top)!.indicatorName,
      regions: topFirsts.length,
      of: regionCodes.length,
      meanDegree: topFirsts.length ? topFirsts.reduce((a, b) => a + b.degree, 0) / topFirsts.length : mean(top),
    },
  };
}

/** The first three obstacles of every region in the year (province total left out). */
function obstacleCells(
  s: IndicatorsSection,
  year: number,
  lang: Lang,
  names: { layers: readonly LayerInfo[]; nameOf: ReadonlyMap<string, string> },
): IndicatorObstacleCell[] {
  const { nameOf } = names;
  const layerName = new Map(names.layers.map((l) => [l.id, l.name]));
  const meta = new Map(s.indicators.map((i) => [i.id, lang === 'zh' ? i.zh : i.en]));
  const cells: IndicatorObstacleCell[] = [];
  for (const o of s.obstacles) {
    const { order, degree, layer } = o;
    if (o.year !== year || o.region === 'total' || order > 3 || degree < 0) continue;
    const id = o.indicator;
    cells.push({
      region: o.region,
      name: nameOf.get(o.region) ?? o.region,
      indicator: id,
      indicatorName: meta.get(id) ?? id,
      layer,
      layerName: layerName.get(layer) ?? layer,
      order,
      degree,
    });
  }
  return cells;
}

/** Indicators ordered by how many regions they are the first obstacle of, then how often they appear, then mean degree. */
function indicatorOrder(cells: readonly IndicatorObstacleCell[]): { ids: string[]; mean: (id: string) => number } {
  const firsts = (id: string) => cells.filter((c) => c.indicator === id && c.order === 1).length;
  const mean = (id: string) => {
    const xs = cells.filter((c) => c.indicator === id).map((c) => c.degree);
    return xs.reduce((a, b) => a + b, 0) / xs.length;
  };
  const count = (id: string) => cells.filter((c) => c.indicator === id).length;
  const ids = [...new Set(cells.map((c) => c.indicator))].sort(
    (a, b) => firsts(b) - firsts(a) || count(b) - count(a) || mean(b) - mean(a) || (a < b ? -1 : 1),
  );
  return { ids, mean };
}
