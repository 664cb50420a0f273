import { FIELD_BY_NAME, type FieldDef } from '../dataset/fields.js';
import type { DatasetBuilder, RowScratch } from '../dataset/dataset-builder.js';
import { aliased, convertCell, qualifierOf, SUSPECT, type ConvertContext } from './convert-row.js';
import type { HeaderMapping } from './header/map-headers.js';
import {
  alnum18,
  K_AMOUNT,
  K_CAT,
  K_COUNT,
  K_DATE,
  K_FLAG,
  K_ID,
  K_NUMBER,
  K_RATING,
  K_TEXT,
  K_YEAR,
  NOT_PLAIN,
  plainId,
  plainNumber,
  plainText,
  validUpperCreditCode,
} from './plain-cells.js';
import { plainNumberBytes } from './plain-bytes.js';
import { threadInterner } from './csv/byte-interner.js';
import { TYPE_BY_DIGIT } from '../domain/credit-code/credit-code-type-of.js';
import { definitelyBefore } from './values/definitely-before.js';
import { cleanId } from './values/clean-id.js';

/**
 * The fast path of row conversion, compiled once per header row: each mapped column gets a
 * converter that writes straight into the dataset builder's column layout (a
 * {@link RowScratch}), without a values object per row or a result object per cell.
 *
 * It only ever accepts a row that {@link convertRow} would accept with no problem and no
 * warning, with the same values: plain cells (ASCII decimals, ISO dates, 0/1 flags, grades
 * 0–5, ids of digits and capitals, names of ASCII and CJK ideographs) are read by the
 * shortcuts here, every other cell by the shared `convertCell` (category and region cells
 * once per distinct text), and the checks across a row's cells are mirrored for their clean case
 * only. Whenever a cell is not plain and converts to a problem, or a check would reject or
 * warn, `convert` returns false and the caller converts the row with `convertRow`, which
 * produces the exact rejects and warnings. `test/perf/optimized-path-identity.test.ts`
 * compares the two paths.
 */
export interface FastRowPlan {
  /** The last converted row in the builder's layout (valid after `convert` returned true). */
  readonly scratch: RowScratch;
  /** Id of the last converted row. */
  id: string;
  /** Year of the last converted row (NaN without a year column). */
  year: number;
  /**
   * Convert one record; true when it is accepted as is (then `scratch`, `id` and `year`
   * hold it), false when `convertRow` must handle it.
   */
  convert(fields: string[]): boolean;
  /** The same for a record that is the line `text.slice(start, end)` without quotes (see CsvSink). */
  convertLine(text: string, start: number, end: number): boolean;
  /** The same for a line given as UTF-8 bytes, `buf.subarray(start, end)`, without quotes or CR (see ByteCsvReader). */
  convertBytes(buf: Uint8Array, start: number, end: number): boolean;
  /**
   * Count the last converted row's missing fields (call when it is accepted). A field met
   * missing for the first time gets its key in `counts` at once, so keys keep the order in
   * which convertRow's caller would create them; the counts are added by `flushMissing`.
   */
  countMissing(counts: Record<string, number>): void;
  /** Add the counts gathered by `countMissing` to `counts` (once the file has been read). */
  flushMissing(counts: Record<string, number>): void;
}

const KIND_CODES: Record<string, number> = {
  id: K_ID,
  text: K_TEXT,
  category: K_CAT,
  region: K_CAT,
  date: K_DATE,
  year: K_YEAR,
  count: K_COUNT,
  amount: K_AMOUNT,
  number: K_NUMBER,
  flag: K_FLAG,
  rating: K_RATING,
};

/** Distinct category or region texts remembered per column. */
const MEMO_LIMIT = 10_000;

/** What a category or region cell converts to. */
interface CatMemo {
  ok: boolean;
  value: string | null;
}

/**
 * Compile the fast path for one file's header, or null when the header needs what only
 * `convertRow` does (a field derived by the profile with no column of its own) or has a
 * single column (whose lines could not be told from blank lines).
 *
 * @param ctx the file's conversion context (as `convertRow` gets it)
 * @param header the file's header mapping (derived fields included)
 * @param builder the dataset builder, with a column for every present field
 * @param delimiter the file's field delimiter (for `convertLine`)
 * @returns the plan, or null
 */
export function compileFastRow(
  ctx: ConvertContext,
  header: HeaderMapping,
  builder: DatasetBuilder,
  delimiter = ',',
): FastRowPlan | null {
  const derived = ctx.derived ?? [];
  if (derived.some((d) => !d.hasColumn)) return null;
  const derivedFields = new Set(derived.map((d) => d.field));
  const { fieldOf } = ctx;
  const nCols = fieldOf.length;
  // a one-column line cannot be told from a blank line by its delimiters
  if (nCols < 2) return null;
  // mapped columns in column order (a line is read left to right)
  const cols = fieldOf.map((name, c) => ({ name, c })).filter((x): x is { name: string; c: number } => x.name !== null);
  if (cols.some((x) => !header.present.includes(x.name))) return null;
  if (header.present.some((f) => !cols.some((x) => x.name === f))) return null;
  const m = cols.length;
  const colIndex = Int32Array.from(cols, (x) => x.c);
  const jOfCol = new Int32Array(nCols).fill(-1);
  cols.forEach((x, j) => (jOfCol[x.c] = j));
  /** Rank of each column's field in header.present: missing counts get their keys in that order, as convertRow's caller gives them. */
  const rank = Int32Array.from(cols, (x) => header.present.indexOf(x.name));
  const kind = Int32Array.from(cols, (x) => KIND_CODES[FIELD_BY_NAME.get(x.name)!.kind]);
  const slot = Int32Array.from(cols, (x) => builder.slotOf(x.name));
  const defs: FieldDef[] = cols.map((x) => FIELD_BY_NAME.get(x.name)!);
  const names = cols.map((x) => x.name);
  const required = Uint8Array.from(defs, (d) => (d.required && !derivedFields.has(d.name) ? 1 : 0));
  const mustHave = Uint8Array.from(cols, (x) => (derivedFields.has(x.name) || x.name === 'year' ? 1 : 0));
  /** Per mapped column, the unit factor of its column (1: none). */
  const scaleOf = Float64Array.from(cols, (x) => ctx.scale?.[x.c] ?? 1);
  // a column with value aliases or a unit factor is read by convertCell, never by the shortcuts
  const aliasedCol = Uint8Array.from(cols, (x, j) => (ctx.valueAliases?.[x.name] || scaleOf[j] !== 1 ? 1 : 0));
  /** Columns whose plain cells are runs of digits read as whole numbers (counts, amounts, numbers, years). */
  const digitsOnly = Uint8Array.from(kind, (k, j) =>
    (k === K_YEAR || k === K_COUNT || k === K_AMOUNT || k === K_NUMBER) && aliasedCol[j] === 0 ? 1 : 0,
  );
  const memos = Array.from(kind, (k) => (k === K_CAT ? new Map<string, CatMemo>() : null));
  const missingIdx = new Int32Array(m);
  let missingLen = 0;
  const pending = new Float64Array(m);
  const scratch = builder.scratch();
  const { num, cat, text } = scratch;
  const delim = delimiter.charCodeAt(0);

  /** The builder slot of a field this file has, else -1. */
  const slotIn = (f: string): number => (cols.some((x) => x.name === f) ? builder.slotOf(f) : -1);
  const sYear = slotIn('year');
  const sReg = slotIn('registered');
  const sDereg = slotIn('deregistered');
  const sCerts = [slotIn('cert_junior'), slotIn('cert_mid'), slotIn('cert_senior')];
  const sFull = slotIn('staff_fulltime');
  const sPart = slotIn('staff_parttime');
  const sType = slotIn('type');
  const sRegion = slotIn('region');
  const sId = slotIn('org_id');
  const { min, max } = ctx.years;
  const regionOfDivision = new Map<number, string | null>();

  /** A cell the shortcuts do not cover: convert it as convertRow does; undefined = a problem. */
  const slowCell = (j: number, raw: string): number | string | null | undefined => {
    if (SUSPECT.test(raw)) return undefined;
    const p = convertCell(defs[j], aliased(ctx, names[j], raw), ctx, scaleOf[j]);
    return p.ok ? p.value : undefined;
  };
  const catCell = (j: number, raw: string): CatMemo => {
    const memo = memos[j]!;
    let e = memo.get(raw);
    if (e === undefined) {
      const v = slowCell(j, raw);
      // a type label with an informative qualifier (基金会（公募）) is counted by convertRow's caller
      const qualified = names[j] === 'type' && typeof v === 'string' && qualifierOf(raw, v) !== null;
      e = { ok: v !== undefined && !qualified, value: v === undefined ? null : (v as string | null) };
      if (memo.size < MEMO_LIMIT) memo.set((' ' + raw).slice(1), e);
    }
    return e;
  };
  const codeRegion = (id: string): string | null => {
    let key = 0;
    for (let i = 2; i < 8; i++) {
      const d = id.charCodeAt(i) - 48;
      if (d < 0 || d > 9) return ctx.resolveRegion(id.slice(2, 8));
      key = key * 10 + d;
    }
    let r = regionOfDivision.get(key);
    if (r === undefined) {
      r = ctx.resolveRegion(id.slice(2, 8));
      regionOfDivision.set(key, r);
    }
    return r;
  };

  /** Convert the cell `s.slice(a, b)` of column j into the scratch row; false when convertRow must take the row. */
  const cell = (j: number, s: string, a: number, b: number): boolean => {
    const k = kind[j];
    const sl = slot[j];
    let missing: boolean;
    if (k === K_CAT) {
      const e = catCell(j, a === 0 && b === s.length ? s : s.slice(a, b));
      if (!e.ok) return false;
      cat[sl] = e.value;
      missing = e.value === null;
    } else if (k === K_ID || k === K_TEXT) {
      let v: string | null;
      if (aliasedCol[j] === 0 && (k === K_ID ? plainId(s, a, b) : plainText(s, a, b)))
        v = a === 0 && b === s.length ? s : s.slice(a, b);
      else {
        const raw = s.slice(a, b);
        // an id with spreadsheet artefacts gets warnings: convertRow writes them
        if (k === K_ID && cleanId(raw).artefacts.length > 0) return false;
        const r = slowCell(j, raw);
        if (r === undefined) return false;
        v = r as string | null;
      }
      text[sl] = v ?? '';
      missing = v === null;
    } else {
      let v = aliasedCol[j] === 0 ? plainNumber(k, s, a, b) : NOT_PLAIN;
      if (v === NOT_PLAIN) {
        const r = slowCell(j, s.slice(a, b));
        if (r === undefined) return false;
        v = r === null ? NaN : (r as number);
      }
      num[sl] = v;
      missing = v !== v;
    }
    if (missing) {
      if (required[j] === 1 || mustHave[j] === 1) return false;
      missingIdx[missingLen++] = j;
    }
    return true;
  };

  /** Text cells (and cells the number shortcuts do not read) of the byte path, decoded once per distinct value. */
  const interner = threadInterner();
  /** cell() for the bytes `buf.subarray(a, b)`: numbers read from the bytes, anything else from its text. */
  const cellBytes = (j: number, buf: Uint8Array, a: number, b: number): boolean => {
    const k = kind[j];
    if (a < b && aliasedCol[j] === 0 && k !== K_CAT && k !== K_ID && k !== K_TEXT) {
      const v = plainNumberBytes(k, buf, a, b);
      if (v !== NOT_PLAIN) {
        num[slot[j]] = v;
        return true;
      }
    }
    const t = interner.text(buf, a, b);
    // not valid UTF-8: the line is read as text, where its U+FFFD are counted
    return t !== null && cell(j, t, 0, t.length);
  };

  /** An unmapped cell's bytes decode without U+FFFD (else the line is read as text, where they are counted). */
  const validUtf8 = (buf: Uint8Array, a: number, b: number): boolean => {
    for (let i = a; i < b; i++) if (buf[i] >= 0x80) return interner.text(buf, a, b) !== null;
    return true;
  };

  /** Whether an 18-character id agrees with convertRow's credit-code checks (valid code, its type and region). */
  const codeClean = (id: string, type: string | null, region: string | null): boolean => {
    if (!alnum18(id)) return true;
    if (!validUpperCreditCode(id)) return false;
    const codeType = id.charCodeAt(0) === 53 ? TYPE_BY_DIGIT[id[1]] : undefined;
    if (codeType && type && codeType !== type) return false;
    if (region) {
      const cr = codeRegion(id);
      if (cr && cr !== region) return false;
    }
    return true;
  };
  /** The last id, type and region checked by codeClean, and the answer. */
  const lastCode = { id: '', type: null as string | null, region: null as string | null, ok: true };

  /** The clean case of convertRow's cross-checks; anything else goes to convertRow. */
  const crossChecksClean = (): boolean => {
    const year = sYear >= 0 ? num[sYear] : NaN;
    const reg = sReg >= 0 ? num[sReg] : NaN;
    const dereg = sDereg >= 0 ? num[sDereg] : NaN;
    if (year === year && (year < min || year > max)) return false;
    const regYear = Math.floor(reg / 10000);
    const deregYear = Math.floor(dereg / 10000);
    if (reg === reg && (regYear < min || regYear > max)) return false;
    if (dereg === dereg && (deregYear < min || deregYear > max)) return false;
    if (year === year && reg === reg && year < regYear) return false;
    if (dereg === dereg && reg === reg && definitelyBefore(dereg, reg)) return false;
    if (year === year && dereg === dereg && year > deregYear) return false;
    let cert = NaN;
    for (let q = 0; q < 3; q++) {
      const v = sCerts[q] >= 0 ? num[sCerts[q]] : NaN;
      if (v === v) cert = cert === cert ? cert + v : 0 + v;
    }
    const part = sPart >= 0 ? num[sPart] : NaN;
    const staff = (sFull >= 0 ? num[sFull] : NaN) + (part !== part ? 0 : part);
    if (cert === cert && staff === staff && cert > staff) return false;
    const id = sId >= 0 ? text[sId] : '';
    if (ctx.checkCodes && id.length === 18) {
      const type = sType >= 0 ? cat[sType] : null;
      const region = sRegion >= 0 ? cat[sRegion] : null;
      // a panel repeats an organization's id, type and region on consecutive rows: checked once
      if (id !== lastCode.id || type !== lastCode.type || region !== lastCode.region) {
        lastCode.id = id;
        lastCode.type = type;
        lastCode.region = region;
        lastCode.ok = codeClean(id, type, region);
      }
      if (!lastCode.ok) return false;
    }
    plan.id = id;
    plan.year = year;
    return true;
  };

  const plan: FastRowPlan = {
    scratch,
    id: '',
    year: NaN,
    convert(fields: string[]): boolean {
      if (fields.length !== nCols) return false;
      missingLen = 0;
      for (let j = 0; j < m; j++) {
        const raw = fields[colIndex[j]];
        if (!cell(j, raw, 0, raw.length)) return false;
      }
      return crossChecksClean();
    },
    convertLine(s: string, start: number, end: number): boolean {
      missingLen = 0;
      let p = start;
      for (let c = 0; c < nCols; c++) {
        const j = jOfCol[c];
        let e = p;
        if (j >= 0 && digitsOnly[j] === 1) {
          // count, amount, number or year column: read a run of up to 15 digits while
          // looking for the delimiter (the common cell, e.g. 24053); anything else is
          // read again by cell()
          let v = 0;
          let ch = 0;
          while (e < end && (ch = s.charCodeAt(e)) !== delim) {
            const d = ch - 48;
            if (d < 0 || d > 9) break;
            v = v * 10 + d;
            e++;
          }
          if (e === end || ch === delim) {
            if ((e === end) !== (c === nCols - 1)) return false;
            const n = e - p;
            if (n > 0 && n <= 15) {
              num[slot[j]] = v;
              p = e + 1;
              continue;
            }
          } else while (e < end && s.charCodeAt(e) !== delim) e++;
        } else while (e < end && s.charCodeAt(e) !== delim) e++;
        // too few fields, or (on the last column) too many
        if ((e === end) !== (c === nCols - 1)) return false;
        if (j >= 0 && !cell(j, s, p, e)) return false;
        p = e + 1;
      }
      return crossChecksClean();
    },
    convertBytes(buf: Uint8Array, start: number, end: number): boolean {
      missingLen = 0;
      let p = start;
      for (let c = 0; c < nCols; c++) {
        const j = jOfCol[c];
        let e = p;
        if (j >= 0 && digitsOnly[j] === 1) {
          // as in convertLine: a run of up to 15 digits read while looking for the delimiter
          let v = 0;
          let ch = 0;
          while (e < end && (ch = buf[e]) !== delim) {
            const d = ch - 48;
            if (d < 0 || d > 9) break;
            v = v * 10 + d;
            e++;
          }
          if (e === end || ch === delim) {
            if ((e === end) !== (c === nCols - 1)) return false;
            const n = e - p;
            if (n > 0 && n <= 15) {
              num[slot[j]] = v;
              p = e + 1;
              continue;
            }
          } else while (e < end && buf[e] !== delim) e++;
        } else while (e < end && buf[e] !== delim) e++;
        // too few fields, or (on the last column) too many
        if ((e === end) !== (c === nCols - 1)) return false;
        if (j >= 0) {
          if (!cellBytes(j, buf, p, e)) return false;
        } else if (!validUtf8(buf, p, e)) return false;
        p = e + 1;
      }
      return crossChecksClean();
    },
    countMissing(counts: Record<string, number>): void {
      let fresh = false;
      for (let q = 0; q < missingLen; q++) if (pending[missingIdx[q]]++ === 0) fresh = true;
      if (!fresh) return;
      // fields met missing for the first time get their keys now, in header.present order
      const js = Array.from(missingIdx.subarray(0, missingLen)).sort((x, y) => rank[x] - rank[y]);
      for (const j of js) if (!(names[j] in counts)) counts[names[j]] = 0;
    },
    flushMissing(counts: Record<string, number>): void {
      for (let j = 0; j < m; j++) {
        if (pending[j] > 0) counts[names[j]] = (counts[names[j]] ?? 0) + pending[j];
        pending[j] = 0;
      }
    },
  };
  return plan;
}
