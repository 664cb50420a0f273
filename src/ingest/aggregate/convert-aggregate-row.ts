import type { CellProblem } from '../convert-row.js';
import { parseNumber } from '../values/parse-number.js';
import { AggregateRowCells } from './aggregate-row-cells.js';
import { normalizeText } from '../../domain/normalize-text.js';
import { acceptedLabels, lookupCategory } from '../values/lookup-category.js';
import {
  AGGREGATE_MEASURE_BY_NAME,
  COUNT_COLUMN,
  COUNT_TOTAL_COLUMN,
  FIELD_TOTAL_TOKENS,
  TYPE_TOTAL_TOKENS,
} from './aggregate-columns.js';
import type { CubeCell } from '../../cube/cube.js';

/** A dimension value that means "all of them": the row is a total, checked against the other rows. */
export const ALL = '*';

/**
 * One region × year × type × field entry of a row (a wide row gives one per type column):
 * a cube cell, whose region, type or field may be {@link ALL} on a total row or column
 * (field '' when the table has no field column or the cell is empty).
 */
export type AggregateEntry = CubeCell;

export type { AggregateRowContext } from './aggregate-row-context.js';
import type { AggregateRowContext } from './aggregate-row-context.js';

/** Result of converting one row. */
export interface ConvertedAggregateRow {
  entries: AggregateEntry[];
  rejects: CellProblem[];
  warnings: CellProblem[];
}

/**
 * Convert one row of an aggregated table into its entries, collecting every reason to
 * reject it. A long row gives one entry (region, year, type, field, count, totals with
 * their reporting counts); a wide row gives one entry per non-empty type column, plus an
 * {@link ALL}-type entry for its published total (`count_total`). Pure: no I/O.
 *
 * Checks: region, year and type as in organization rows (known values, plausible years);
 * counts and totals are numbers, not negative, whole where they count something; a
 * reporting count `n_<field>` is at most the count; a non-zero total needs at least one
 * reporting organization; a total of flags (organizations with …) is at most its
 * reporting count (rating: 5 × the count).
 *
 * @param fields the row's cells
 * @param ctx header mapping and lookups
 * @returns entries plus problems; the row is accepted when `rejects` is empty
 * @example
 * convertAggregateRow(['150100', '2024', '社会团体', '812', '3120'], ctx).entries[0].sum.staff_fulltime; // => 3120
 */
export function convertAggregateRow(fields: string[], ctx: AggregateRowContext): ConvertedAggregateRow {
  const { header: h, headers } = ctx;
  const rc = new AggregateRowCells(fields, ctx);
  const { rejects, warnings } = rc;
  if (fields.length !== headers.length) {
    rejects.push({
      code: 'R_FIELD_COUNT',
      column: '',
      value: '',
      reason: `has ${fields.length} fields, the header has ${headers.length}`,
    });
    return { entries: [], rejects, warnings };
  }
  const place = { region: readRegion(rc), year: readYear(rc), field: readField(rc) };
  const entries = h.layout === 'wide' ? wideEntries(rc, place) : longEntries(rc, place);
  return { entries: rejects.length ? [] : entries, rejects, warnings };
}

/** Where a row's entries belong: region code (or ALL), year, field code (or ALL, or '' without a field column). */
interface RowPlace {
  region: string;
  year: number;
  field: string;
}

/** The row's region code ({@link ALL} for the whole area; '' after a reject). */
function readRegion(rc: AggregateRowCells): string {
  const { ctx } = rc;
  const h = ctx.header;
  const regionRaw = rc.cell('region', h.region);
  if (regionRaw === null) return '';
  const t = normalizeText(regionRaw);
  if (t === '') {
    rc.required('region', h.region, regionRaw);
    return '';
  }
  const code = ctx.resolveRegion(t) ?? (ctx.isWholeArea(t) ? ALL : null);
  if (code !== null) return code;
  rc.rejects.push({
    code: 'R_UNKNOWN_REGION',
    column: rc.col('region', h.region),
    value: regionRaw,
    reason: `is not a region of the regions file ${ctx.regionsId} (use a code or name of the file, or total/合计/全省 for a row of the whole area; for national tables pass --regions china)`,
  });
  return '';
}

/** The row's year (NaN after a reject). */
function readYear(rc: AggregateRowCells): number {
  const { ctx } = rc;
  const h = ctx.header;
  const yearRaw = rc.cell('year', h.year);
  if (yearRaw === null) return NaN;
  const column = rc.col('year', h.year);
  const r = parseNumber(yearRaw.replace(/年度?\s*$/, ''));
  if (!r.ok) rc.rejects.push({ code: 'R_BAD_NUMBER', column, value: yearRaw, reason: r.reason });
  else if (r.value === null) rc.required('year', h.year, yearRaw);
  else if (!Number.isInteger(r.value))
    rc.rejects.push({ code: 'R_BAD_NUMBER', column, value: yearRaw, reason: 'is not a whole year' });
  else if (r.value < ctx.years.min || r.value > ctx.years.max)
    rc.rejects.push({
      code: 'R_YEAR_RANGE',
      column,
      value: yearRaw,
      reason: `is outside the plausible years ${ctx.years.min}–${ctx.years.max} (set "years" in the profile to change them)`,
    });
  else return r.value;
  return NaN;
}

/** The row's field of activity code ({@link ALL} for all fields; '' when empty, absent or rejected). */
function readField(rc: AggregateRowCells): string {
  const { ctx } = rc;
  const h = ctx.header;
  if (h.field < 0) return '';
  const raw = rc.cell('field', h.field);
  if (raw === null) return '';
  const t = normalizeText(raw).toLowerCase();
  if (t === '') return '';
  const code = ctx.fieldMap.get(t) ?? (FIELD_TOTAL_TOKENS.has(t) ? ALL : null);
  if (code !== null) return code;
  rc.rejects.push({
    code: 'R_UNKNOWN_FIELD',
    column: rc.col('field', h.field),
    value: raw,
    reason: `is not a known field value (known: ${[...new Set(ctx.fieldMap.values())].join(', ')}); add an alias in the profile, or use 合计/total for a row of all fields`,
  });
  return '';
}

/** A wide row's entries: one per non-empty type column, and one for its published total. */
function wideEntries(rc: AggregateRowCells, { region, year, field }: RowPlace): AggregateEntry[] {
  const { header: h, headers } = rc.ctx;
  const entries: AggregateEntry[] = [];
  for (const c of h.typeColumns) {
    const v = rc.total(`${COUNT_COLUMN}:${c.type}`, c.index, 'count');
    if (v === null || v === undefined) continue;
    entries.push({ region, year, type: c.type, field, count: v, sum: {}, n: {} });
  }
  if (h.countTotal >= 0) {
    const v = rc.total(COUNT_TOTAL_COLUMN, h.countTotal, 'count');
    if (v !== null && v !== undefined) entries.push({ region, year, type: ALL, field, count: v, sum: {}, n: {} });
  }
  if (rc.rejects.length === 0 && !entries.some((e) => e.type !== ALL))
    rc.rejects.push({
      code: 'R_REQUIRED_MISSING',
      column: 'count',
      value: '',
      reason: `has no count in any type column (${h.typeColumns.map((c) => headers[c.index]).join(', ')})`,
    });
  return entries;
}

/** The row's type code ({@link ALL} for all types; '' after a reject). */
function readType(rc: AggregateRowCells): string {
  const { ctx } = rc;
  const h = ctx.header;
  const typeRaw = rc.cell('type', h.type);
  if (typeRaw === null) return '';
  const t = normalizeText(typeRaw).toLowerCase();
  if (t === '') {
    rc.required('type', h.type, typeRaw);
    return '';
  }
  const code = lookupCategory(ctx.typeMap, t) ?? (TYPE_TOTAL_TOKENS.has(t) ? ALL : null);
  if (code !== null) return code;
  rc.rejects.push({
    code: 'R_UNKNOWN_TYPE',
    column: rc.col('type', h.type),
    value: typeRaw,
    reason: `is not a known type value (accepted: ${acceptedLabels(ctx.typeMap)}); add an alias in the profile, or use 合计/total for a row of all types`,
  });
  return '';
}

/** A long row's entry: type, count, totals and reporting counts (none after a reject). */
function longEntries(rc: AggregateRowCells, { region, year, field }: RowPlace): AggregateEntry[] {
  const h = rc.ctx.header;
  const type = readType(rc);
  const count = rc.total(COUNT_COLUMN, h.count, 'count');
  if (count === null) rc.required(COUNT_COLUMN, h.count, rc.fields[h.count]);
  const reported = new Map<string, number | null | undefined>(
    h.reporting.map((r) => [r.name, rc.total(`n_${r.name}`, r.index, 'count')]),
  );
  const sum: Record<string, number> = {};
  const n: Record<string, number> = {};
  for (const m of h.measures) {
    const v = rc.total(m.name, m.index, AGGREGATE_MEASURE_BY_NAME.get(m.name)!.total);
    // null: no reporting-count column, or its cell is empty; undefined: the cell was rejected
    const k = reported.has(m.name) ? reported.get(m.name) : null;
    if (v === undefined || k === undefined || count === null || count === undefined) continue;
    const reporting = checkMeasure(rc, m, { v, k, count });
    if (reporting === null) continue;
    sum[m.name] = v!;
    n[m.name] = reporting;
  }
  return rc.rejects.length === 0 ? [{ region, year, type, field, count: count as number, sum, n }] : [];
}

/**
 * Check a measure's total `v` against its reporting count `k` (null: none given, the row's
 * count stands for it) and the row's count: the organizations reporting it, or null when
 * it is empty or a check rejects the row.
 */
function checkMeasure(
  rc: AggregateRowCells,
  m: { name: string; index: number },
  { v, k, count }: { v: number | null; k: number | null; count: number },
): number | null {
  const def = AGGREGATE_MEASURE_BY_NAME.get(m.name)!;
  const column = rc.col(m.name, m.index);
  const value = rc.fields[m.index];
  if (v === null) {
    if (k !== null && k > 0)
      rc.rejects.push({
        code: 'R_N_WITHOUT_TOTAL',
        column,
        value,
        reason: `is empty but n_${m.name} says ${k} organizations reported it`,
      });
    return null;
  }
  const reporting = k ?? count;
  if (reporting > count) {
    rc.rejects.push({
      code: 'R_N_EXCEEDS_COUNT',
      column: `n_${m.name}`,
      value: String(reporting),
      reason: `says ${reporting} organizations reported ${m.name}, more than the row's count ${count}`,
    });
    return null;
  }
  if (reporting === 0 && v !== 0) {
    rc.rejects.push({
      code: 'R_TOTAL_WITHOUT_N',
      column,
      value,
      reason: `is a total of ${v} reported by no organization (${k === null ? 'the row counts 0 organizations' : `n_${m.name} is 0`})`,
    });
    return null;
  }
  const most = def.maxPerOrg === undefined ? Infinity : def.maxPerOrg * reporting;
  if (v > most) {
    rc.rejects.push({
      code: 'R_SUM_EXCEEDS_N',
      column,
      value,
      reason: `is more than ${def.maxPerOrg === 1 ? 'the' : `${def.maxPerOrg} ×`} ${reporting} organizations reporting it`,
    });
    return null;
  }
  return reporting;
}
