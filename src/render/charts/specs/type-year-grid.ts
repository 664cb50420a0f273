/**
 * Input checks shared by the year × organization-type chart builders.
 */
import {
  chartBadValue,
  chartDuplicateRow,
  chartIncompleteGrid,
  chartNoRows,
  chartUnknownCategory,
} from '../../../core/messages/index.js';
import { SoqaError } from '../../../core/soqa-error.js';
import { ORG_TYPES, type OrgType } from '../../../dataset/fields.js';

/** One input row: the count of organizations of a type in a year. */
export interface TypeYearCount {
  year: number;
  type: string;
  count: number;
}

/** Checked, complete, canonically ordered year × type grid. */
export interface TypeYearGrid {
  /** Years present, ascending. */
  years: number[];
  /** Types present, in ORG_TYPES order. */
  types: OrgType[];
  /** Rows sorted by year, then type (ORG_TYPES order), with typed `type`. */
  rows: { year: number; type: OrgType; count: number }[];
}

const fail = (message: string): never => {
  throw new SoqaError('E_CHART_INPUT', message);
};

/**
 * Check year × type count rows for a chart: at least one row; integer years; finite,
 * non-negative counts; known type codes; one row per (year, type); and a row for every
 * year × type combination present (stacks and shares are wrong with holes).
 *
 * @param chart chart name for messages, e.g. `'type-mix-area'`
 * @param rows input rows (any order)
 * @returns years, types and rows in canonical order (deterministic output whatever the input order)
 * @throws SoqaError `E_CHART_INPUT` (exit code 4: chart input comes from soqa's own analyses)
 * @example
 * typeYearGrid('type-mix-area', [{ year: 2022, type: 'foundation', count: 9319 }]).types; // => ['foundation']
 */
export function typeYearGrid(chart: string, rows: readonly TypeYearCount[]): TypeYearGrid {
  if (rows.length === 0) fail(chartNoRows(chart));
  const seen = new Map<string, number>();
  for (const r of rows) {
    if (!Number.isInteger(r.year)) fail(chartBadValue(chart, 'year', r.year, 'an integer year'));
    if (!(ORG_TYPES as readonly string[]).includes(r.type))
      fail(chartUnknownCategory(chart, 'type', r.type, ORG_TYPES));
    if (!(Number.isFinite(r.count) && r.count >= 0))
      fail(chartBadValue(chart, 'count', r.count, 'a finite number ≥ 0'));
    const key = `${r.year}|${r.type}`;
    if (seen.has(key)) fail(chartDuplicateRow(chart, `year ${r.year}, type ${r.type}`));
    seen.set(key, r.count);
  }
  const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b);
  const types = ORG_TYPES.filter((ty) => rows.some((r) => r.type === ty));
  const out: TypeYearGrid['rows'] = [];
  for (const year of years) {
    for (const type of types) {
      const count = seen.get(`${year}|${type}`);
      if (count === undefined) fail(chartIncompleteGrid(chart, `year ${year}, type ${type}`));
      out.push({ year, type, count: count as number });
    }
  }
  return { years, types, rows: out };
}
