import type { FastCells } from './fast-cells.js';
import type { FastColumns } from './fast-columns.js';

/** Longest run of digits read as a whole number while looking for the delimiter (exact in a double). */
const MAX_DIGITS = 15;

/**
 * The reader of one unquoted line for the fast row path, given as text
 * (`text.slice(start, end)`, see CsvSink) or as UTF-8 bytes (`buf.subarray(start, end)`,
 * without CR, see ByteCsvReader): one loop for both, split at the delimiter. A count,
 * amount, number or year column's cell is read as a run of up to 15 digits while looking for
 * the delimiter (the common cell, e.g. 24053); any other cell is converted by the cell
 * converters (`cell` for text, `cellBytes` or `validUtf8` for bytes).
 *
 * @param cols the file's column layout
 * @param cells the cell converters
 * @param num the scratch row's numbers (where digit runs are written)
 * @param delimiter the file's field delimiter
 * @returns a reader: false when the line has too few or too many fields or convertRow must take it
 * @example
 * fastLine(cols, cells, scratch.num, ',')('2024,12', 0, 7); // => true
 */
export function fastLine(
  cols: FastColumns,
  cells: FastCells,
  num: Float64Array,
  delimiter: string,
): (src: string | Uint8Array, start: number, end: number) => boolean {
  const { nCols, jOfCol, digitsOnly, slot } = cols;
  const { cell, cellBytes, validUtf8 } = cells;
  const delim = delimiter.charCodeAt(0);
  return (src, start, end) => {
    const str = typeof src === 'string';
    const s = src as string;
    const buf = src as Uint8Array;
    let p = start;
    for (let c = 0; c < nCols; c++) {
      const j = jOfCol[c];
      let e = p;
      if (j >= 0 && digitsOnly[j] === 1) {
        let v = 0;
        let ch = 0;
        while (e < end && (ch = str ? s.charCodeAt(e) : buf[e]) !== delim) {
          const d = ch - 48;
          if (d < 0 || d > 9) break;
          v = v * 10 + d;
          e++;
        }
        if (e === end || ch === delim) {
          if ((e === end) !== (c === nCols - 1)) return false;
          const n = e - p;
          if (n > 0 && n <= MAX_DIGITS) {
            num[slot[j]] = v;
            p = e + 1;
            continue;
          }
        }
      }
      // anything else is read again by the cell converters
      while (e < end && (str ? s.charCodeAt(e) : buf[e]) !== delim) e++;
      // too few fields, or (on the last column) too many
      if ((e === end) !== (c === nCols - 1)) return false;
      if (str) {
        if (j >= 0 && !cell(j, s, p, e)) return false;
      } else if (j >= 0 ? !cellBytes(j, buf, p, e) : !validUtf8(buf, p, e)) return false;
      p = e + 1;
    }
    return true;
  };
}
