/**
 * Lines of each organization type's share of all organizations over years.
 */
import type { TopLevelSpec } from 'vega-lite';
import { chartBadValue } from '../../../core/messages/index.js';
import { SoqaError } from '../../../core/soqa-error.js';
import { DEFAULT_CHART_SIZE, type ChartOptions } from '../chart-options.js';
import { t } from '../labels.js';
import { CHART_CONFIG } from '../theme.js';
import { typeColorScale } from '../type-color-scale.js';
import { typeYearGrid, type TypeYearCount } from './type-year-grid.js';
import { yearX } from './year-x.js';

const asLines = (text: string | string[] | undefined): string[] =>
  text === undefined ? [] : Array.isArray(text) ? text : [text];

/**
 * Vega-Lite spec of a line chart: each organization type's share of all organizations
 * (of the types given) per year, percent axis from 0, fixed type colours, a point at
 * every observed year. Segments between years more than one year apart are dashed and
 * a subtitle line says so, so that readers do not take the straight line for data.
 * Shares are computed here (count / year total) and inlined with the counts.
 *
 * @param rows one row per year × type: `{ year, type, count }`, type a code of ORG_TYPES;
 *   every type present must have a row in every year present
 * @param options `lang`, `title` (state the finding), optional `subtitle`, `width` (default 480), `height` (default 260)
 * @returns a Vega-Lite spec for `renderSvg`
 * @throws SoqaError `E_CHART_INPUT` on empty input, unknown types, negative counts,
 *   duplicate or missing year × type rows, or a year whose total is 0
 * @example
 * shareLinesSpec(rows, { lang: 'en', title: 'Private non-enterprise units overtook social groups' });
 */
export function shareLinesSpec(rows: readonly TypeYearCount[], options: ChartOptions): TopLevelSpec {
  const { lang, title, subtitle, width = DEFAULT_CHART_SIZE.width, height = DEFAULT_CHART_SIZE.height } = options;
  const grid = typeYearGrid('share-lines', rows);
  const total = new Map<number, number>();
  for (const r of grid.rows) total.set(r.year, (total.get(r.year) ?? 0) + r.count);
  for (const [year, sum] of total) {
    if (sum === 0) {
      throw new SoqaError(
        'E_CHART_INPUT',
        chartBadValue('share-lines', `total count of year ${year}`, 0, 'a positive total (shares of 0 are undefined)'),
      );
    }
  }
  const points = grid.rows.map((r) => ({
    year: r.year,
    type: r.type,
    label: t(`type.${r.type}`, lang),
    count: r.count,
    share: r.count / (total.get(r.year) as number),
  }));
  // one segment per type and pair of consecutive observed years
  const segments = [];
  for (let i = 1; i < grid.years.length; i++) {
    const [y0, y1] = [grid.years[i - 1], grid.years[i]];
    for (const type of grid.types) {
      const a = points.find((p) => p.year === y0 && p.type === type);
      const b = points.find((p) => p.year === y1 && p.type === type);
      if (a && b)
        segments.push({ type, label: a.label, year: y0, year2: y1, share: a.share, share2: b.share, gap: y1 - y0 > 1 });
    }
  }
  const hasGap = segments.some((s) => s.gap);
  const subtitleLines = [...asLines(subtitle), ...(hasGap ? [t('note.dashed_gap', lang)] : [])];
  const x = yearX(grid.years, lang);
  const color = {
    field: 'label',
    type: 'nominal' as const,
    scale: typeColorScale(grid.types, lang),
    legend: { title: t('legend.type', lang), orient: 'top' as const, direction: 'horizontal' as const },
  };
  const yTitle = t('axis.share_of_organizations', lang);
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    config: CHART_CONFIG,
    title: subtitleLines.length === 0 ? { text: title } : { text: title, subtitle: subtitleLines },
    width,
    height,
    layer: [
      {
        data: { values: segments },
        mark: { type: 'rule', strokeWidth: 2 },
        encoding: {
          x,
          x2: { field: 'year2' },
          y: { field: 'share', type: 'quantitative', title: yTitle, scale: { zero: true }, axis: { format: '%' } },
          y2: { field: 'share2' },
          color,
          strokeDash: { condition: { test: 'datum.gap', value: [5, 4] }, value: [1, 0] },
        },
      },
      {
        data: { values: points },
        mark: { type: 'point', filled: true, size: 36, opacity: 1 },
        encoding: {
          x,
          y: { field: 'share', type: 'quantitative', title: yTitle },
          color,
        },
      },
    ],
  };
}
