import { FIELD_BY_NAME, type FieldDef } from '../../dataset/fields.js';
import type { DatasetBuilder } from '../../dataset/dataset-builder.js';
import type { ConvertContext } from '../convert-context.js';
import type { HeaderMapping } from '../header/map-headers.js';
import { K_AMOUNT, K_CAT, K_COUNT, K_DATE, K_FLAG, K_ID, K_NUMBER, K_RATING, K_TEXT, K_YEAR } from '../plain-cells.js';

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

/**
 * The mapped columns of one file as the fast row path reads them: per mapped column `j`
 * (in column order), where it is, what kind of cell it holds and where its value goes.
 */
export interface FastColumns {
  /** Columns of a line (mapped or not). */
  readonly nCols: number;
  /** Mapped columns. */
  readonly m: number;
  /** Input column of mapped column j. */
  readonly colIndex: Int32Array;
  /** Mapped column of input column c, or -1. */
  readonly jOfCol: Int32Array;
  /** Rank of each column's field in header.present: missing counts get their keys in that order, as convertRow's caller gives them. */
  readonly rank: Int32Array;
  /** Kind code (`K_…` of plain-cells.ts). */
  readonly kind: Int32Array;
  /** The builder slot of its value. */
  readonly slot: Int32Array;
  readonly defs: FieldDef[];
  readonly names: string[];
  /** 1: required (and not derived): a missing value goes to convertRow. */
  readonly required: Uint8Array;
  /** 1: derived or the year: a missing value goes to convertRow. */
  readonly mustHave: Uint8Array;
  /** The unit factor of its column (1: none). */
  readonly scaleOf: Float64Array;
  /** 1: a column with value aliases or a unit factor, read by convertCell, never by the shortcuts. */
  readonly aliasedCol: Uint8Array;
  /** 1: its plain cells are runs of digits read as whole numbers (counts, amounts, numbers, years). */
  readonly digitsOnly: Uint8Array;
  /** The builder slot of a field this file has, else -1. */
  slotIn(field: string): number;
}

/**
 * Lay out one file's mapped columns for the fast row path, or null when the header needs
 * what only `convertRow` does (a field derived by the profile with no column of its own, a
 * mapped field not in the header mapping) or has a single column (whose lines could not be
 * told from blank lines).
 *
 * @param ctx the file's conversion context
 * @param header the file's header mapping (derived fields included)
 * @param builder the dataset builder, with a column for every present field
 * @returns the layout, or null
 * @example
 * fastColumns(ctx, header, builder)?.m; // => the number of mapped columns
 */
export function fastColumns(ctx: ConvertContext, header: HeaderMapping, builder: DatasetBuilder): FastColumns | null {
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
  const jOfCol = new Int32Array(nCols).fill(-1);
  cols.forEach((x, j) => (jOfCol[x.c] = j));
  const kind = Int32Array.from(cols, (x) => KIND_CODES[FIELD_BY_NAME.get(x.name)!.kind]);
  const defs: FieldDef[] = cols.map((x) => FIELD_BY_NAME.get(x.name)!);
  const scaleOf = Float64Array.from(cols, (x) => ctx.scale?.[x.c] ?? 1);
  const aliasedCol = Uint8Array.from(cols, (x, j) => (ctx.valueAliases?.[x.name] || scaleOf[j] !== 1 ? 1 : 0));
  return {
    nCols,
    m: cols.length,
    colIndex: Int32Array.from(cols, (x) => x.c),
    jOfCol,
    rank: Int32Array.from(cols, (x) => header.present.indexOf(x.name)),
    kind,
    slot: Int32Array.from(cols, (x) => builder.slotOf(x.name)),
    defs,
    names: cols.map((x) => x.name),
    required: Uint8Array.from(defs, (d) => (d.required && !derivedFields.has(d.name) ? 1 : 0)),
    mustHave: Uint8Array.from(cols, (x) => (derivedFields.has(x.name) || x.name === 'year' ? 1 : 0)),
    scaleOf,
    aliasedCol,
    digitsOnly: Uint8Array.from(kind, (k, j) =>
      (k === K_YEAR || k === K_COUNT || k === K_AMOUNT || k === K_NUMBER) && aliasedCol[j] === 0 ? 1 : 0,
    ),
    slotIn: (f) => (cols.some((x) => x.name === f) ? builder.slotOf(f) : -1),
  };
}
