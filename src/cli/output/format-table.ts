import { escapeTerminal } from './escape-control.js';

/** Terminal columns a character takes: 2 for CJK and full-width forms, else 1. */
function charWidth(cp: number): number {
  return (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
    ? 2
    : 1;
}

/**
 * Display width of a string in a terminal (CJK characters count 2).
 *
 * @example
 * displayWidth('呼和浩特市'); // => 10
 */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += charWidth(ch.codePointAt(0)!);
  return w;
}

/**
 * Render a plain-text table: the first column left-aligned, the others right-aligned,
 * columns separated by two spaces, a dashed rule under the header, CJK-aware widths;
 * control characters in cells are escaped (`\u001b`).
 *
 * @param header column titles
 * @param rows cells (null shows as "–")
 * @returns the table text, one line per row, ending with a newline
 * @example
 * formatTable(['region', 'n'], [['Hohhot', 3]]);
 */
export function formatTable(header: readonly string[], rows: readonly (readonly (string | number | null)[])[]): string {
  const text = [
    header.map((h) => escapeTerminal(String(h))),
    ...rows.map((r) => r.map((c) => (c === null ? '–' : escapeTerminal(String(c))))),
  ];
  const widths = header.map((_, j) => Math.max(...text.map((r) => displayWidth(r[j] ?? ''))));
  const pad = (s: string, j: number): string => {
    const fill = ' '.repeat(widths[j] - displayWidth(s));
    return j === 0 ? s + fill : fill + s;
  };
  const lines = text.map((r) =>
    r
      .map((c, j) => pad(c, j))
      .join('  ')
      .trimEnd(),
  );
  lines.splice(1, 0, widths.map((w) => '-'.repeat(w)).join('  '));
  return `${lines.join('\n')}\n`;
}

/** Percent with one decimal, or null. */
export const pctCell = (x: number | null | undefined, d = 1): string | null =>
  x === null || x === undefined || !Number.isFinite(x) ? null : `${(100 * x).toFixed(d)}%`;

/** Fixed decimals, or null. */
export const numCell = (x: number | null | undefined, d: number): string | null =>
  x === null || x === undefined || !Number.isFinite(x) ? null : x.toFixed(d);

/** A p-value with 4 decimals ("<0.0001" below that), or null. */
export const pCell = (p: number | null | undefined): string | null =>
  p === null || p === undefined || !Number.isFinite(p) ? null : p < 0.0001 ? '<0.0001' : p.toFixed(4);
