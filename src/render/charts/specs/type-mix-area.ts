/**
 * Stacked area of organization counts by type over years.
 */
import type { TopLevelSpec } from 'vega-lite';
import { DEFAULT_CHART_SIZE, type ChartOptions } from '../chart-options.js';
import { t } from '../labels.js';
import { CHART_CONFIG } from '../theme.js';
import { typeColorScale } from '../type-color-scale.js';
import { countYAxis } from './count-y-axis.js';
import { typeYearGrid, type TypeYearCount } from './type-year-grid.js';
import { yearX } from './year-x.js';

const asLines = (text: string | string[] | undefined): string[] =>
  text === undefined ? [] : Array.isArray(text) ? text : [text];

/**
 * Vega-Lite spec of a stacked area chart: organizations by type (fixed type colours,
 * social groups at the bottom) over years, with a point at every observed year so that
 * interpolated stretches between far-apart years are visible as such (a subtitle line
 * says so when years are more than one apart). The data are
 * inlined and sorted, so the same rows give the same spec whatever their order.
 *
 * @param rows one row per year × type: `{ year, type, count }`, type a code of ORG_TYPES;
 *   every type present must have a row in every year present
 * @param options `lang`, `title` (state the finding), optional `subtitle`, `width` (default 480), `height` (default 260)
 * @returns a Vega-Lite spec for `renderSvg`
 * @throws SoqaError `E_CHART_INPUT` on empty input, unknown types, negative counts,
 *   duplicate or missing year × type rows
 * @example
 * typeMixAreaSpec(
 *   [{ year: 2012, type: 'social_group', count: 271000 }, { year: 2022, type: 'social_group', count: 370100 }],
 *   { lang: 'zh', title: '社会团体十年增加约10万家' },
 * );
 */
export function typeMixAreaSpec(rows: readonly TypeYearCount[], options: ChartOptions): TopLevelSpec {
  const { lang, title, subtitle, width = DEFAULT_CHART_SIZE.width, height = DEFAULT_CHART_SIZE.height } = options;
  const grid = typeYearGrid('type-mix-area', rows);
  const totals = grid.years.map((y) => grid.rows.filter((r) => r.year === y).reduce((s, r) => s + r.count, 0));
  const y = countYAxis(Math.max(...totals), lang);
  const hasGap = grid.years.some((yr, i) => i > 0 && yr - grid.years[i - 1] > 1);
  const subtitleLines = [...asLines(subtitle), ...(hasGap ? [t('note.points_observed', lang)] : [])];
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    config: CHART_CONFIG,
    title: subtitleLines.length === 0 ? { text: title } : { text: title, subtitle: subtitleLines },
    width,
    height,
    data: {
      values: grid.rows.map((r) => ({
        year: r.year,
        type: r.type,
        label: t(`type.${r.type}`, lang),
        order: grid.types.indexOf(r.type),
        count: r.count,
      })),
    },
    mark: { type: 'area', line: { strokeWidth: 1.5 }, point: { filled: true, size: 24 }, fillOpacity: 0.75 },
    encoding: {
      x: yearX(grid.years, lang),
      y: { field: 'count', type: 'quantitative', stack: 'zero', title: y.title, axis: y.axis },
      color: {
        field: 'label',
        type: 'nominal',
        scale: typeColorScale(grid.types, lang),
        legend: { title: t('legend.type', lang), orient: 'top', direction: 'horizontal', symbolType: 'square' },
      },
      order: { field: 'order', type: 'quantitative', sort: 'ascending' },
    },
  };
}
