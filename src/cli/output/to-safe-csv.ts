import Papa from 'papaparse';

/**
 * Neutralise a cell for spreadsheets: text starting with `=`, `+`, `-`, `@`, tab or
 * carriage return gets a leading apostrophe so that Excel and LibreOffice show it as text
 * instead of running it as a formula. Plain numbers (e.g. `-3`) are left alone.
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
  const s = String(value);
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
