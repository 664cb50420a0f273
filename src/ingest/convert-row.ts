import { FIELD_BY_NAME, type FieldDef } from '../dataset/fields.js';
import type { RowValues } from '../dataset/dataset-builder.js';
import { parseNumberUnit, scaleDecimal, type Parsed } from './values/parse-number.js';
import { parseDate } from './values/parse-date.js';
import { parseFlag } from './values/parse-flag.js';
import { parseRating } from './values/parse-rating.js';
import { isMissing, normalizeText } from '../domain/normalize-text.js';
import type { DeriveCandidate, DerivedField } from './derive/plan-derived-fields.js';
import { cleanId, ID_ARTEFACT_CODES, ID_ARTEFACT_REASONS } from './values/clean-id.js';
import { acceptedLabels, lookupCategory, TYPE_QUALIFIERS, typeQualifier } from './values/lookup-category.js';
import type { CellProblem, ConvertContext, ConvertedRow } from './convert-context.js';
import { placeByCreditCode } from './regions/place-by-credit-code.js';
import {
  certTotal,
  codeChecked,
  creditCodeFacts,
  crossCheckProblems,
  staffTotal,
  type CrossCheckRow,
} from './row-cross-checks.js';

export type { CellProblem, ConvertContext, ConvertedRow } from './convert-context.js';

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
/** A control character or U+FFFD (a decoding failure): a cell holding one is never read by a shortcut. */
// eslint-disable-next-line no-control-regex
export const SUSPECT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\uFFFD]/;

/**
 * Convert one CSV record into typed canonical values, collecting every reason to reject
 * it and every warning. Pure: no I/O.
 *
 * @param fields the record's cells
 * @param ctx mapping and lookups
 * @returns typed values plus problems; the row is accepted when `rejects` is empty
 * @example
 * convertRow(['5115...', '某协会', '社会团体', '150100', '2015-3-2'], ctx).rejects; // => []
 */
export function convertRow(fields: string[], ctx: ConvertContext): ConvertedRow {
  const values: RowValues = {};
  const rejects: CellProblem[] = [];
  const warnings: CellProblem[] = [];
  const { fieldOf } = ctx;
  const labels = columnLabels(fieldOf, ctx.headers);
  if (fields.length !== fieldOf.length) {
    rejects.push({
      code: 'R_FIELD_COUNT',
      column: '',
      value: '',
      reason: `has ${fields.length} fields, the header has ${fieldOf.length}`,
    });
    return { values, rejects, warnings };
  }
  for (let c = 0; c < fieldOf.length; c++) {
    const name = fieldOf[c];
    if (name === null) continue;
    const raw = fields[c];
    const def = FIELD_BY_NAME.get(name)!;
    const column = labels[c];
    if (SUSPECT.test(raw)) {
      if (CONTROL.test(raw)) {
        rejects.push({
          code: 'R_CONTROL_CHAR',
          column,
          value: raw.slice(0, 40),
          reason: 'contains a control character (e.g. NUL); the file may be binary or corrupted',
        });
        continue;
      }
      rejects.push({
        code: 'R_UNDECODABLE',
        column,
        value: raw.slice(0, 40),
        reason: 'contains bytes that could not be decoded; check --encoding',
      });
      continue;
    }
    const p = convertCell(def, aliased(ctx, name, raw), ctx, ctx.scale?.[c]);
    if (!p.ok) {
      rejects.push({ code: p.code, column, value: raw, reason: p.reason });
      continue;
    }
    values[name] = p.value;
    if (def.kind === 'id' && p.value !== null) idWarnings(raw, column, warnings);
    if (def.required && p.value === null && !ctx.derived?.some((d) => d.field === name))
      rejects.push({
        code: 'R_REQUIRED_MISSING',
        column,
        value: raw,
        reason: raw.trim() === '' ? 'is required but empty' : 'is required but holds only a placeholder for "no value"',
      });
  }
  for (const d of ctx.derived ?? []) {
    const problem = deriveInto(d, fields, values, ctx);
    if (problem) rejects.push(problem);
  }
  placeByCreditCode(values, rejects, warnings, ctx);
  // a file with a year column is an annual-report panel: each of its rows needs its year
  if (values.year === null && !rejects.some((p) => p.column === 'year' || p.column.startsWith('year '))) {
    const c = fieldOf.indexOf('year');
    const column = c >= 0 && ctx.headers[c] !== 'year' ? `year (${ctx.headers[c]})` : 'year';
    rejects.push({
      code: 'R_REQUIRED_MISSING',
      column,
      value: c >= 0 ? fields[c] : '',
      reason: 'is empty; every row of an annual-report panel (a file with a year column) needs its year',
    });
  }
  if (rejects.length === 0) crossChecks(values, ctx, rejects, warnings);
  const t = fieldOf.indexOf('type');
  const q = t >= 0 && typeof values.type === 'string' ? qualifierOf(fields[t], values.type) : null;
  return q === null ? { values, rejects, warnings } : { values, rejects, warnings, qualifier: q };
}

/** The informative qualifier of a type cell ({@link typeQualifier}), or null. */
export function qualifierOf(raw: string, type: string): string | null {
  return raw.includes('(') || raw.includes('（') ? typeQualifier(normalizeText(raw).toLowerCase(), type) : null;
}

const labelMemo = new WeakMap<string[], string[]>();
/** `field (header)` for messages, built once per header row. */
function columnLabels(fieldOf: (string | null)[], headers: string[]): string[] {
  let l = labelMemo.get(headers);
  if (!l) {
    l = headers.map((h, c) => (fieldOf[c] === null || h === fieldOf[c] ? (fieldOf[c] ?? h) : `${fieldOf[c]} (${h})`));
    labelMemo.set(headers, l);
  }
  return l;
}

/** One warning per kind of artefact cleaned off an id cell ({@link cleanId}). */
function idWarnings(raw: string, column: string, warnings: CellProblem[]): void {
  for (const k of cleanId(raw).artefacts)
    warnings.push({ code: ID_ARTEFACT_CODES[k], column, value: raw, reason: ID_ARTEFACT_REASONS[k] });
}

/** A cell equal to one of the profile's value aliases of a non-category field reads as its canonical text. */
export function aliased(ctx: ConvertContext, name: string, raw: string): string {
  const map = ctx.valueAliases?.[name];
  return map?.get(normalizeText(raw).toLowerCase()) ?? raw;
}

/**
 * Fill a derived field when its column is absent or empty: the first candidate that
 * converts to a value wins; otherwise the first problem, or missing (rejected when required).
 * Returns the reason to reject the row, or null.
 */
function deriveInto(d: DerivedField, fields: string[], values: RowValues, ctx: ConvertContext): CellProblem | null {
  if (d.hasColumn && values[d.field] !== null) return null; // the column has a value, or was rejected
  const def = FIELD_BY_NAME.get(d.field)!;
  let problem: CellProblem | null = null;
  let unknown: DeriveCandidate | null = null;
  for (const c of d.candidates(fields)) {
    if (!unknown && c.note) unknown = c;
    if (c.problem) {
      problem ??= { ...c.problem, column: c.column, value: c.source };
      continue;
    }
    if (c.text === null) continue;
    const p = convertCell(def, aliased(ctx, d.field, c.text), ctx);
    if (p.ok && p.value !== null) {
      values[d.field] = p.value;
      return null;
    }
    if (!p.ok)
      problem ??= {
        code: p.code,
        column: c.column,
        value: c.text === c.source ? c.source : `${c.text} (${c.source})`,
        reason: p.reason,
      };
  }
  values[d.field] = null;
  if (problem || !def.required) return problem;
  return {
    code: 'R_REQUIRED_MISSING',
    column: unknown?.column ?? d.column,
    value: unknown?.source ?? '',
    reason: unknown ? `is required but ${unknown.note}` : 'is required but empty',
  };
}

/** Outcome of converting one cell. */
export type CellResult = { ok: true; value: number | string | null } | { ok: false; code: string; reason: string };

/**
 * Convert one cell of a canonical field (after value aliases) to its typed value.
 * `fast-row.ts` calls this for every cell its own shortcuts do not cover.
 *
 * @param def the field
 * @param raw the cell
 * @param ctx lookups
 * @param scale the column's unit factor (a number without a unit of its own is multiplied by it; default 1)
 * @returns the value, or a reason to reject
 */
export function convertCell(def: FieldDef, raw: string, ctx: ConvertContext, scale = 1): CellResult {
  switch (def.kind) {
    // placeholders such as "-" or 暂无 are missing values (isMissing), never ids, names or codes
    case 'id': {
      const t = cleanId(raw).value;
      return { ok: true, value: isMissing(t) ? null : t };
    }
    case 'text': {
      const t = normalizeText(raw);
      return { ok: true, value: isMissing(t) ? null : t };
    }
    case 'region': {
      const t = normalizeText(raw);
      if (t === '') return { ok: true, value: null };
      const code = ctx.resolveRegion(t);
      if (code) return { ok: true, value: code };
      if (isMissing(t)) return { ok: true, value: null };
      const candidates = ctx.resolveRegion.match?.(t).candidates ?? [];
      if (candidates.length > 1)
        return {
          ok: false,
          code: 'R_AMBIGUOUS_REGION',
          reason: `names more than one region: ${candidates.map((c) => c.label).join(' and ')}; a unified social credit code in the row settles it, or write the fuller name (city + county)`,
        };
      return { ok: false, code: 'R_UNKNOWN_REGION', reason: unknownRegionReason(ctx, t) };
    }
    case 'category': {
      const t = normalizeText(raw);
      if (t === '') return { ok: true, value: null };
      const map = ctx.categoryMaps[def.name];
      const v = map && (def.name === 'type' ? lookupCategory(map, t.toLowerCase()) : map.get(t.toLowerCase()));
      if (v) return { ok: true, value: v };
      if (isMissing(t)) return { ok: true, value: null };
      const known = map && def.name !== 'field' ? acceptedLabels(map) : [...new Set(map?.values() ?? [])].join(', ');
      return {
        ok: false,
        code: `R_UNKNOWN_${def.name.toUpperCase()}`,
        reason: `is not a known ${def.name} value (accepted: ${known}${def.name === 'type' ? `; a qualifier in parentheses such as （${[...TYPE_QUALIFIERS].join('/')}） may follow` : ''}); add an alias in the profile`,
      };
    }
    case 'date':
      return fromParsed(parseDate(raw), 'R_BAD_DATE');
    case 'flag':
      return fromParsed(parseFlag(raw), 'R_BAD_FLAG');
    case 'rating':
      return fromParsed(parseRating(raw), 'R_BAD_RATING');
    default: {
      // 年度 cells are often written 2024年 or 2024年度
      const r = parseNumberUnit(def.kind === 'year' ? raw.replace(/年度?\s*$/, '') : raw);
      if (!r.ok) return { ok: false, code: 'R_BAD_NUMBER', reason: `${r.reason}` };
      if (r.value === null) return { ok: true, value: null };
      const v = scale !== 1 && !r.unit ? scaleDecimal(r.value, scale) : r.value;
      if (def.kind === 'year') {
        if (!Number.isInteger(v)) return { ok: false, code: 'R_BAD_NUMBER', reason: 'is not a whole year' };
        return { ok: true, value: v };
      }
      if ((def.kind === 'count' || def.kind === 'amount') && v < 0)
        return { ok: false, code: 'R_NEGATIVE', reason: 'is negative; this field cannot be below zero' };
      if (def.kind === 'count' && !Number.isInteger(v))
        return { ok: false, code: 'R_NOT_INTEGER', reason: 'is not a whole number' };
      return { ok: true, value: v };
    }
  }
}

/** The hint of an unplaced region cell: what it names, if anything, and how to fix it. */
function unknownRegionReason(ctx: ConvertContext, text: string): string {
  const file = ctx.regionsId ? ` (${ctx.regionsId})` : '';
  const named = ctx.resolveRegion.match?.(text).named ?? [];
  if (named.length && named.every((d) => /^\d{6}$/.test(d)))
    return `names ${named.join(', ')}, which is not in the regions file${file} and does not roll up to a region of it: choose a regions file that covers it (--regions china-provinces, china-prefectures or china-counties)`;
  return `names no region of the regions file${file}: write a region's name, short name or alias, a registration authority (XX市民政局), or a 6- or 12-digit division code; a unified social credit code in the row places it by its characters 3–8; or choose another --regions`;
}

function fromParsed(p: Parsed<number>, code: string): CellResult {
  return p.ok ? { ok: true, value: p.value } : { ok: false, code, reason: p.reason };
}

const num = (v: unknown): number => (typeof v === 'number' ? v : NaN);

/**
 * The checks across the cells of a converted row (ROW_CROSS_CHECKS of row-cross-checks.ts, the list the
 * fast path of `fast-row.ts` uses too): their rejects and warnings are added to the row's.
 * A credit code with lower-case letters is read upper-cased.
 */
function crossChecks(values: RowValues, ctx: ConvertContext, rejects: CellProblem[], warnings: CellProblem[]): void {
  const id = values.org_id;
  const code =
    ctx.checkCodes && typeof id === 'string' && codeChecked(id) ? creditCodeFacts(id, ctx.resolveRegion) : null;
  const row: CrossCheckRow = {
    year: num(values.year),
    registered: num(values.registered),
    deregistered: num(values.deregistered),
    certs: certTotal(num(values.cert_junior), num(values.cert_mid), num(values.cert_senior)),
    staff: staffTotal(num(values.staff_fulltime), num(values.staff_parttime)),
    id: typeof id === 'string' ? id : '',
    type: values.type,
    region: values.region,
    code,
  };
  const found = crossCheckProblems(row, ctx.years);
  rejects.push(...found.rejects);
  warnings.push(...found.warnings);
  if (found.rejects.length === 0 && code !== null && code.normalized !== id) values.org_id = code.normalized;
}
