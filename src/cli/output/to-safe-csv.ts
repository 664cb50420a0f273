import Papa from 'papaparse';
import { escapeCsvControl } from './escape-control.js';

/**
 * Neutralise a cell for spreadsheets: text starting with `=`, `+`, `-`, `@`, tab or
 * carriage return gets a leading apostrophe so that Excel and LibreOffice show it as text
 * instead of running it as a formula. Plain numbers (e.g. `-3`) are left alone. Control
 * characters other than tab, CR and LF (NUL, ESC, DEL, C1) are escaped as `\uXXXX`.
 *
 * @param value the cell value
 * @returns the safe cell text
 * @example
 * safeCell('=HYPERLINK("http://x","y")'); // => "'=HYPERLINK(\"http://x\",\"y\")"
 * safeCell(-3); // => '-3'
 */
export function safeCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const s = escapeCsvControl(String(value));
  if (/^[=+\-@\t\r]/.test(s) && !/^[+-]?\d+(\.\d+)?(e[+-]?\d+)?$/i.test(s)) return `'${s}`;
  return s;
}

/**
 * Render rows as CSV (RFC 4180 quoting by papaparse, `\n` line ends, UTF-8 BOM so that
 * Excel opens Chinese text correctly) with every cell neutralised by {@link safeCell}.
 *
 * @param columns header names, in order
 * @param rows objects keyed by column
 * @returns the CSV text
 * @example
 * toSafeCsv(['a'], [{ a: '=1+1' }]); // => "\uFEFFa\n'=1+1\n"
 */
export function toSafeCsv(columns: string[], rows: Record<string, unknown>[]): string {
  const data = rows.map((r) => columns.map((c) => safeCell(r[c])));
  const text = Papa.unparse({ fields: columns, data }, { newline: '\n', quotes: false });
  // papaparse ends a header-only table with a line break already: no blank row after it
  return `\uFEFF${text.endsWith('\n') ? text : `${text}\n`}`;
}

/** Rows converted to CSV at a time by {@link safeCsvParts}. */
const PART_ROWS = 4096;

/**
 * The text of {@link toSafeCsv} in parts: the byte order mark and header, then the rows a
 * block at a time, so that a large table's cells and text are never all held at once (the
 * parts joined are the same text).
 *
 * @param columns header names, in order
 * @param rows objects keyed by column
 * @param blockRows rows per part (default 4096)
 * @returns the parts of the CSV text
 * @example
 * [...safeCsvParts(['a'], [{ a: 1 }, { a: '=2' }], 1)]; // => ['\uFEFFa\n', '1', "\n'=2", '\n']
 */
export function* safeCsvParts(
  columns: string[],
  rows: readonly Record<string, unknown>[],
  blockRows = PART_ROWS,
): Generator<string> {
  // papaparse ends a header-only table with a line break; rows follow it, one line each
  const header = Papa.unparse({ fields: columns, data: [] }, { newline: '\n', quotes: false });
  yield `\uFEFF${header}`;
  // whether the text so far ends with a line break (a last line of one empty cell adds nothing)
  let ends = header.endsWith('\n');
  for (let from = 0; from < rows.length; from += blockRows) {
    const data = rows.slice(from, from + blockRows).map((r) => columns.map((c) => safeCell(r[c])));
    const lines = Papa.unparse(data, { newline: '\n', quotes: false });
    const part = from === 0 ? lines : `\n${lines}`;
    if (part) ends = part.endsWith('\n');
    yield part;
  }
  if (!ends) yield '\n';
}

/**
 * Rows as CSV lines without the byte order mark and header (what {@link toSafeCsv} writes
 * after them), each line ending with `\n`: more rows of a CSV written in parts.
 *
 * @param columns the columns, in order
 * @param rows objects keyed by column
 * @returns the lines, or '' for no rows
 * @example
 * safeCsvLines(['a', 'b'], [{ a: '=1', b: 'x,y' }]); // => "'=1,\"x,y\"\n"
 */
export function safeCsvLines(columns: string[], rows: Record<string, unknown>[]): string {
  if (rows.length === 0) return '';
  const data = rows.map((r) => columns.map((c) => safeCell(r[c])));
  const text = Papa.unparse(data, { newline: '\n', quotes: false });
  return text.endsWith('\n') ? text : `${text}\n`;
}
