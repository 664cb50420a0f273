import type { CellProblem } from '../convert-row.js';
import { parseNumber, parseNumberUnit, scaleDecimal } from '../values/parse-number.js';
import { normalizeText } from '../../domain/normalize-text.js';
import { acceptedLabels, lookupCategory } from '../values/lookup-category.js';
import {
  AGGREGATE_MEASURE_BY_NAME,
  COUNT_COLUMN,
  COUNT_TOTAL_COLUMN,
  FIELD_TOTAL_TOKENS,
  TYPE_TOTAL_TOKENS,
  type TotalKind,
} from './aggregate-columns.js';
import type { AggregateHeader } from './map-aggregate-header.js';
import type { CubeCell } from '../../cube/cube.js';

/** A dimension value that means "all of them": the row is a total, checked against the other rows. */
export const ALL = '*';

/**
 * One region × year × type × field entry of a row (a wide row gives one per type column):
 * a cube cell, whose region, type or field may be {@link ALL} on a total row or column
 * (field '' when the table has no field column or the cell is empty).
 */
export type AggregateEntry = CubeCell;

/** Everything converting one row needs besides the row. */
export interface AggregateRowContext {
  header: AggregateHeader;
  /** Original header text per column (for messages). */
  headers: string[];
  /** Region cell → region code of the regions file, or null. */
  resolveRegion: (raw: string) => string | null;
  /** True for a region cell that means the whole area (total, 合计, 全省, the file's own name). */
  isWholeArea: (raw: string) => boolean;
  /** Folded type / field value → code (aliases of the profile included). */
  typeMap: Map<string, string>;
  fieldMap: Map<string, string>;
  /** Profile `values` of non-category columns: column → folded alias → canonical text. */
  valueAliases: Record<string, Map<string, string>>;
  years: { min: number; max: number };
  /** Regions file id, for the unknown-region message. */
  regionsId: string;
}

/** Result of converting one row. */
export interface ConvertedAggregateRow {
  entries: AggregateEntry[];
  rejects: CellProblem[];
  warnings: CellProblem[];
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

type Num = { ok: true; value: number | null } | { ok: false; code: string; reason: string };

/** Read a total of the given kind (`count` and `flags` are whole numbers ≥ 0, `amount` ≥ 0), in its column's unit `scale`. */
function readTotal(raw: string, kind: TotalKind, scale: number): Num {
  const r = parseNumberUnit(raw);
  if (!r.ok) return { ok: false, code: 'R_BAD_NUMBER', reason: r.reason };
  if (r.value === null) return { ok: true, value: null };
  // a column in 万元 is read in yuan; a cell that writes its own unit (12.5万元) is not rescaled
  const v = scale !== 1 && !r.unit ? scaleDecimal(r.value, scale) : r.value;
  if (kind === 'number') return { ok: true, value: v };
  if (v < 0)
    return {
      ok: false,
      code: 'R_NEGATIVE',
      reason: 'is negative; a count or total of this column cannot be below zero',
    };
  if (kind !== 'amount' && !Number.isInteger(v))
    return { ok: false, code: 'R_NOT_INTEGER', reason: 'is not a whole number' };
  return { ok: true, value: v };
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
  const rejects: CellProblem[] = [];
  const warnings: CellProblem[] = [];
  const out = (): ConvertedAggregateRow => ({ entries: rejects.length ? [] : entries, rejects, warnings });
  const entries: AggregateEntry[] = [];
  if (fields.length !== headers.length) {
    rejects.push({
      code: 'R_FIELD_COUNT',
      column: '',
      value: '',
      reason: `has ${fields.length} fields, the header has ${headers.length}`,
    });
    return out();
  }
  const col = (name: string, index: number) => (headers[index] === name ? name : `${name} (${headers[index]})`);
  /** The cell at `index`, checked for control characters and decoding failures (null after a reject). */
  const cell = (name: string, index: number): string | null => {
    const raw = fields[index];
    const column = col(name, index);
    if (CONTROL.test(raw)) {
      rejects.push({
        code: 'R_CONTROL_CHAR',
        column,
        value: raw.slice(0, 40),
        reason: 'contains a control character (e.g. NUL); the file may be binary or corrupted',
      });
      return null;
    }
    if (raw.includes('\uFFFD')) {
      rejects.push({
        code: 'R_UNDECODABLE',
        column,
        value: raw.slice(0, 40),
        reason: 'contains bytes that could not be decoded; check --encoding',
      });
      return null;
    }
    const alias = ctx.valueAliases[name]?.get(normalizeText(raw).toLowerCase());
    return alias ?? raw;
  };
  const required = (name: string, index: number, raw: string) =>
    rejects.push({ code: 'R_REQUIRED_MISSING', column: col(name, index), value: raw, reason: 'is required but empty' });
  const total = (name: string, index: number, kind: TotalKind): number | null | undefined => {
    const raw = cell(name, index);
    if (raw === null) return undefined;
    const r = readTotal(raw, kind, h.units.scale[index] ?? 1);
    if (!r.ok) {
      rejects.push({ code: r.code, column: col(name, index), value: raw, reason: r.reason });
      return undefined;
    }
    return r.value;
  };

  // region
  let region = '';
  const regionRaw = cell('region', h.region);
  if (regionRaw !== null) {
    const t = normalizeText(regionRaw);
    if (t === '') required('region', h.region, regionRaw);
    else {
      const code = ctx.resolveRegion(t) ?? (ctx.isWholeArea(t) ? ALL : null);
      if (code === null)
        rejects.push({
          code: 'R_UNKNOWN_REGION',
          column: col('region', h.region),
          value: regionRaw,
          reason: `is not a region of the regions file ${ctx.regionsId} (use a code or name of the file, or total/合计/全省 for a row of the whole area; for national tables pass --regions china)`,
        });
      else region = code;
    }
  }
  // year
  let year = NaN;
  const yearRaw = cell('year', h.year);
  if (yearRaw !== null) {
    const r = parseNumber(yearRaw.replace(/年度?\s*$/, ''));
    if (!r.ok) rejects.push({ code: 'R_BAD_NUMBER', column: col('year', h.year), value: yearRaw, reason: r.reason });
    else if (r.value === null) required('year', h.year, yearRaw);
    else if (!Number.isInteger(r.value))
      rejects.push({
        code: 'R_BAD_NUMBER',
        column: col('year', h.year),
        value: yearRaw,
        reason: 'is not a whole year',
      });
    else if (r.value < ctx.years.min || r.value > ctx.years.max)
      rejects.push({
        code: 'R_YEAR_RANGE',
        column: col('year', h.year),
        value: yearRaw,
        reason: `is outside the plausible years ${ctx.years.min}–${ctx.years.max} (set "years" in the profile to change them)`,
      });
    else year = r.value;
  }
  // field (optional)
  let field = '';
  if (h.field >= 0) {
    const raw = cell('field', h.field);
    if (raw !== null) {
      const t = normalizeText(raw).toLowerCase();
      if (t !== '') {
        const code = ctx.fieldMap.get(t) ?? (FIELD_TOTAL_TOKENS.has(t) ? ALL : null);
        if (code === null)
          rejects.push({
            code: 'R_UNKNOWN_FIELD',
            column: col('field', h.field),
            value: raw,
            reason: `is not a known field value (known: ${[...new Set(ctx.fieldMap.values())].join(', ')}); add an alias in the profile, or use 合计/total for a row of all fields`,
          });
        else field = code;
      }
    }
  }

  if (h.layout === 'wide') {
    for (const c of h.typeColumns) {
      const v = total(`${COUNT_COLUMN}:${c.type}`, c.index, 'count');
      if (v === null || v === undefined) continue;
      entries.push({ region, year, type: c.type, field, count: v, sum: {}, n: {} });
    }
    if (h.countTotal >= 0) {
      const v = total(COUNT_TOTAL_COLUMN, h.countTotal, 'count');
      if (v !== null && v !== undefined) entries.push({ region, year, type: ALL, field, count: v, sum: {}, n: {} });
    }
    if (rejects.length === 0 && !entries.some((e) => e.type !== ALL))
      rejects.push({
        code: 'R_REQUIRED_MISSING',
        column: 'count',
        value: '',
        reason: `has no count in any type column (${h.typeColumns.map((c) => headers[c.index]).join(', ')})`,
      });
    return out();
  }

  // long layout: type, count, totals and reporting counts
  let type = '';
  const typeRaw = cell('type', h.type);
  if (typeRaw !== null) {
    const t = normalizeText(typeRaw).toLowerCase();
    if (t === '') required('type', h.type, typeRaw);
    else {
      const code = lookupCategory(ctx.typeMap, t) ?? (TYPE_TOTAL_TOKENS.has(t) ? ALL : null);
      if (code === null)
        rejects.push({
          code: 'R_UNKNOWN_TYPE',
          column: col('type', h.type),
          value: typeRaw,
          reason: `is not a known type value (accepted: ${acceptedLabels(ctx.typeMap)}); add an alias in the profile, or use 合计/total for a row of all types`,
        });
      else type = code;
    }
  }
  const count = total(COUNT_COLUMN, h.count, 'count');
  if (count === null) required(COUNT_COLUMN, h.count, fields[h.count]);
  const reported = new Map<string, number | null | undefined>(
    h.reporting.map((r) => [r.name, total(`n_${r.name}`, r.index, 'count')]),
  );
  const sum: Record<string, number> = {};
  const n: Record<string, number> = {};
  for (const m of h.measures) {
    const def = AGGREGATE_MEASURE_BY_NAME.get(m.name)!;
    const v = total(m.name, m.index, def.total);
    // null: no reporting-count column, or its cell is empty; undefined: the cell was rejected
    const k = reported.has(m.name) ? reported.get(m.name) : null;
    if (v === undefined || k === undefined || count === null || count === undefined) continue;
    const column = col(m.name, m.index);
    if (v === null) {
      if (k !== null && k > 0)
        rejects.push({
          code: 'R_N_WITHOUT_TOTAL',
          column,
          value: fields[m.index],
          reason: `is empty but n_${m.name} says ${k} organizations reported it`,
        });
      continue;
    }
    const reporting = k ?? count;
    if (reporting > count) {
      rejects.push({
        code: 'R_N_EXCEEDS_COUNT',
        column: `n_${m.name}`,
        value: String(reporting),
        reason: `says ${reporting} organizations reported ${m.name}, more than the row's count ${count}`,
      });
      continue;
    }
    if (reporting === 0 && v !== 0) {
      rejects.push({
        code: 'R_TOTAL_WITHOUT_N',
        column,
        value: fields[m.index],
        reason: `is a total of ${v} reported by no organization (${k === null ? 'the row counts 0 organizations' : `n_${m.name} is 0`})`,
      });
      continue;
    }
    const most = def.maxPerOrg === undefined ? Infinity : def.maxPerOrg * reporting;
    if (v > most) {
      rejects.push({
        code: 'R_SUM_EXCEEDS_N',
        column,
        value: fields[m.index],
        reason: `is more than ${def.maxPerOrg === 1 ? 'the' : `${def.maxPerOrg} ×`} ${reporting} organizations reporting it`,
      });
      continue;
    }
    sum[m.name] = v;
    n[m.name] = reporting;
  }
  if (rejects.length === 0) entries.push({ region, year, type, field, count: count as number, sum, n });
  return out();
}
