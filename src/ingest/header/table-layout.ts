import { detectDelimiter, DELIMITERS } from '../csv/detect-delimiter.js';
import type { ColumnUnit } from './column-units.js';
import type { TableStart } from './table-finder.js';
import type { TableLine } from './table-lines.js';

/** Where the table of an input sat and what soqa read around it (results.json provenance, `table`). */
export interface TableLayout {
  /** Line of the (first) header row. */
  headerLine: number;
  /** 2 for a two-row header combined into one. */
  headerRows: number;
  /** Title and unit lines above the header, totals and notes after it: not rows. */
  lines: TableLine[];
  /** Units read from the headers and the unit line, with their factors. */
  units: ColumnUnit[];
  /** Aggregate tables: blank region or year cells filled with the value above (merged cells). */
  filled?: number;
}

/**
 * The table layout of a source, or undefined when there is nothing to say (header on line 1,
 * no lines around the table, no units): a plain CSV's provenance stays as it was.
 *
 * @param start where the table started
 * @param trailers totals and notes after it
 * @param units the units read
 * @param filled cells filled down (aggregate tables)
 * @returns the layout, or undefined
 * @example
 * tableLayout(start, [], [], 0); // => undefined for a header on line 1
 */
export function tableLayout(
  start: TableStart | null,
  trailers: readonly TableLine[],
  units: readonly ColumnUnit[],
  filled = 0,
): TableLayout | undefined {
  const headerLine = start?.headerLine ?? 1;
  const headerRows = start?.headerRows ?? 1;
  const lines = [...(start?.skipped ?? []), ...trailers];
  if (headerLine === 1 && headerRows === 1 && lines.length === 0 && units.length === 0 && filled === 0)
    return undefined;
  return { headerLine, headerRows, lines, units: [...units], ...(filled ? { filled } : {}) };
}

/**
 * Pick the delimiter from the first line that has one of soqa's delimiters among the first
 * 30 lines of the text (a title line above the header has none): see `detectDelimiter`.
 *
 * @param text the input's first text chunk
 * @returns the delimiter (`,` when no line has one)
 * @example
 * tableDelimiter('内蒙古自治区社会组织名录\n\nid\tname\n'); // => '\t'
 */
export function tableDelimiter(text: string): string {
  const lines = text.split(/\r\n|\r|\n/, 30);
  for (const l of lines) if (DELIMITERS.some((d) => l.includes(d))) return detectDelimiter(l);
  return detectDelimiter(lines[0]);
}
