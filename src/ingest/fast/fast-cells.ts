import type { RowScratch } from '../../dataset/dataset-builder.js';
import { aliased, convertCell, qualifierOf, SUSPECT, type ConvertContext } from '../convert-row.js';
import { K_CAT, K_ID, K_TEXT, NOT_PLAIN, plainId, plainNumber, plainText } from '../plain-cells.js';
import { plainNumberBytes } from '../plain-bytes.js';
import { threadInterner } from '../csv/byte-interner.js';
import { cleanId } from '../values/clean-id.js';
import type { FastColumns } from './fast-columns.js';

/** Distinct category or region texts remembered per column. */
const MEMO_LIMIT = 10_000;

/** What a category or region cell converts to. */
interface CatMemo {
  ok: boolean;
  value: string | null;
}

/** The mapped columns found missing in the row being converted (reset per row by the caller). */
export interface MissingCells {
  /** Mapped column indices, the first `len` valid. */
  readonly idx: Int32Array;
  len: number;
}

/** The cell converters of the fast row path; each returns false when convertRow must take the row. */
export interface FastCells {
  /** Convert the cell `s.slice(a, b)` of mapped column j into the scratch row. */
  cell(j: number, s: string, a: number, b: number): boolean;
  /** The same for the bytes `buf.subarray(a, b)`: numbers read from the bytes, anything else from its text. */
  cellBytes(j: number, buf: Uint8Array, a: number, b: number): boolean;
  /** An unmapped cell's bytes decode without U+FFFD (else the line is read as text, where they are counted). */
  validUtf8(buf: Uint8Array, a: number, b: number): boolean;
}

/**
 * The cell converters of the fast row path for one file: plain cells are read by the
 * shortcuts of plain-cells.ts, every other cell by the shared `convertCell` (category and
 * region cells once per distinct text). A cell that converts to a problem, or a missing
 * value convertRow would reject, makes them return false.
 *
 * @param cols the file's column layout
 * @param ctx the file's conversion context
 * @param scratch the row the values are written to
 * @param missing where the missing cells of the row are noted
 * @returns the converters
 * @example
 * fastCells(cols, ctx, builder.scratch(), missing).cell(0, '2024', 0, 4); // => true
 */
export function fastCells(
  cols: FastColumns,
  ctx: ConvertContext,
  scratch: RowScratch,
  missing: MissingCells,
): FastCells {
  const { kind, slot, required, mustHave, aliasedCol } = cols;
  const { num, cat, text } = scratch;
  const { slowCell, catCell } = slowCells(cols, ctx);
  /** An id or text cell: its value, or undefined when convertRow must take the row. */
  const textCell = (j: number, s: string, a: number, b: number): string | null | undefined => {
    const k = kind[j];
    if (aliasedCol[j] === 0 && (k === K_ID ? plainId(s, a, b) : plainText(s, a, b)))
      return a === 0 && b === s.length ? s : s.slice(a, b);
    const raw = s.slice(a, b);
    // an id with spreadsheet artefacts gets warnings: convertRow writes them
    if (k === K_ID && cleanId(raw).artefacts.length > 0) return undefined;
    return slowCell(j, raw) as string | null | undefined;
  };

  const cell = (j: number, s: string, a: number, b: number): boolean => {
    const k = kind[j];
    const sl = slot[j];
    let isMissing: boolean;
    if (k === K_CAT) {
      const e = catCell(j, a === 0 && b === s.length ? s : s.slice(a, b));
      if (!e.ok) return false;
      cat[sl] = e.value;
      isMissing = e.value === null;
    } else if (k === K_ID || k === K_TEXT) {
      const v = textCell(j, s, a, b);
      if (v === undefined) return false;
      text[sl] = v ?? '';
      isMissing = v === null;
    } else {
      let v = aliasedCol[j] === 0 ? plainNumber(k, s, a, b) : NOT_PLAIN;
      if (v === NOT_PLAIN) {
        const r = slowCell(j, s.slice(a, b));
        if (r === undefined) return false;
        v = r === null ? NaN : (r as number);
      }
      num[sl] = v;
      isMissing = v !== v;
    }
    if (isMissing) {
      if (required[j] === 1 || mustHave[j] === 1) return false;
      missing.idx[missing.len++] = j;
    }
    return true;
  };

  /** Text cells (and cells the number shortcuts do not read) of the byte path, decoded once per distinct value. */
  const interner = threadInterner();
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
  const validUtf8 = (buf: Uint8Array, a: number, b: number): boolean => {
    for (let i = a; i < b; i++) if (buf[i] >= 0x80) return interner.text(buf, a, b) !== null;
    return true;
  };
  return { cell, cellBytes, validUtf8 };
}

/**
 * The converters of the cells the shortcuts do not cover: as convertRow converts them
 * (undefined: a problem), category and region cells once per distinct text.
 *
 * @param cols the file's column layout
 * @param ctx the file's conversion context
 * @returns the converters
 * @example
 * slowCells(cols, ctx).slowCell(0, '1,234'); // => 1234 for a count column
 */
function slowCells(
  cols: FastColumns,
  ctx: ConvertContext,
): {
  slowCell: (j: number, raw: string) => number | string | null | undefined;
  catCell: (j: number, raw: string) => CatMemo;
} {
  const { kind, defs, names, scaleOf } = cols;
  const memos = Array.from(kind, (k) => (k === K_CAT ? new Map<string, CatMemo>() : null));
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
  return { slowCell, catCell };
}
