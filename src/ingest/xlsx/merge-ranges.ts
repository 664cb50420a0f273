import { columnOf, rowOf } from './cell-ref.js';
import type { ZipArchive } from './zip-archive.js';

/** A merged range of cells, 1-based and inclusive. */
export interface MergeRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/**
 * Parse a range reference (or a single cell) into a range; null when malformed.
 *
 * @param ref e.g. `A5:B9`
 * @returns the range
 * @example
 * parseRange('A5:B9'); // => { top: 5, left: 1, bottom: 9, right: 2 }
 */
export function parseRange(ref: string): MergeRange | null {
  const [a, b = a] = ref.split(':');
  const r = { top: rowOf(a), left: columnOf(a), bottom: rowOf(b), right: columnOf(b) };
  return r.top > 0 && r.left > 0 && r.bottom >= r.top && r.right >= r.left ? r : null;
}

/**
 * The merged ranges of a worksheet. They sit after the cells (`<mergeCells>` follows
 * `<sheetData>`), so a streaming reader needs them before it reads the rows: this pass
 * inflates the part and scans its text for `<mergeCell ref="…">` without parsing the
 * cells (a fraction of the cost of the row pass; the bytes count against the budget).
 *
 * @param zip the archive
 * @param part the worksheet part
 * @returns the ranges in document order
 * @throws SoqaError E_XLSX_TOO_LARGE, E_XLSX_CORRUPT from the archive
 * @example
 * await mergeRanges(zip, 'xl/worksheets/sheet1.xml'); // => [{ top: 5, left: 1, bottom: 9, right: 1 }]
 */
export async function mergeRanges(zip: ZipArchive, part: string): Promise<MergeRange[]> {
  const out: MergeRange[] = [];
  const decoder = new TextDecoder('utf-8');
  const re = /<(?:[A-Za-z_][\w.-]*:)?mergeCell\s[^>]*?\bref\s*=\s*["']([A-Za-z]+\d+(?::[A-Za-z]+\d+)?)["']/g;
  let carry = '';
  const scan = (text: string, final: boolean): void => {
    const s = carry + text;
    re.lastIndex = 0;
    let end = 0;
    for (let m = re.exec(s); m; m = re.exec(s)) {
      const r = parseRange(m[1]);
      if (r) out.push(r);
      end = re.lastIndex;
    }
    // keep a tail that may hold a tag cut by the chunk boundary
    if (final) carry = '';
    else {
      const lt = s.lastIndexOf('<');
      carry = lt >= end && s.length - lt < 512 ? s.slice(lt) : '';
    }
  };
  for await (const chunk of zip.read(part)) scan(decoder.decode(chunk, { stream: true }), false);
  scan(decoder.decode(), true);
  return out;
}

/**
 * The merged ranges whose value is filled down: those that start below the header row and
 * span more than one row. Excel shows such a range as one cell across its rows (a region
 * or year merged over the rows it applies to), so every row of the range gets the value of
 * the range's top-left cell in the range's first column; the other columns of a range
 * wider than one column stay blank, as Excel's own CSV export writes them. Ranges in or
 * above the header row (titles, two-row headers) are not filled: the table finder reads
 * them as a CSV export writes them (value in the first cell only).
 *
 * @param ranges all merged ranges of the sheet
 * @param headerRow the header's row number (0 when unknown: nothing is filled)
 * @returns the ranges to fill
 * @example
 * fillableRanges([{ top: 5, left: 1, bottom: 9, right: 1 }], 3).length; // => 1
 */
export function fillableRanges(ranges: MergeRange[], headerRow: number): MergeRange[] {
  if (headerRow <= 0) return [];
  return ranges.filter((r) => r.top > headerRow && r.bottom > r.top);
}
