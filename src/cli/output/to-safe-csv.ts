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
