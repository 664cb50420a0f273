/** A dictionary-encoded categorical column: `dict[codes[i]]` is row i's value; -1 = missing. */
export interface CategoryColumn {
  codes: Int32Array;
  dict: string[];
}

/**
 * A numeric column: 4-byte floats when every value of the column is exactly a 4-byte
 * float (counts, flags, ratings, years, most amounts), else 8-byte; NaN = missing. Either
 * way `col[i]` reads back exactly the value that was converted.
 */
export type NumColumn = Float32Array | Float64Array;

/**
 * The typed, columnar table of accepted organization rows that every analysis reads.
 * Numeric fields (counts, amounts, flags 1/0, rating 0–5, years, and dates as yyyymmdd)
 * are {@link NumColumn}s with NaN for missing; categorical fields (type, region, status, field)
 * are dictionary-encoded; ids and names are string arrays.
 */
export interface Dataset {
  /** Number of rows. */
  length: number;
  /** Canonical fields that the input supplied, in canonical order. */
  present: string[];
  num: Record<string, NumColumn>;
  cat: Record<string, CategoryColumn>;
  text: Record<string, string[]>;
  /** Input file index (into provenance.inputs) and physical line of each row. */
  source: { file: Uint16Array; line: Uint32Array };
  /** 'panel' when rows carry a report year, 'registry' for one row per organization. */
  shape: 'panel' | 'registry';
}

/**
 * Read a categorical value of row `i`.
 *
 * @param col the column
 * @param i row index
 * @returns the value, or null when missing
 * @example
 * catValue(ds.cat.type, 0); // => 'social_group'
 */
export function catValue(col: CategoryColumn | undefined, i: number): string | null {
  if (!col) return null;
  const c = col.codes[i];
  return c < 0 ? null : col.dict[c];
}
