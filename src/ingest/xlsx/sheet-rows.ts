import { SoqaError } from '../../core/soqa-error.js';
import { EXIT } from '../../core/exit-codes.js';
import type { CsvRecord } from '../csv/csv-record-parser.js';
import { excelDate, plainNumber } from './cell-text.js';
import type { MergeRange } from './merge-ranges.js';
import type { SheetRef, WorkbookInfo } from './workbook-info.js';
import * as msg from './xlsx-messages.js';
import { xmlEvents } from './xml-events.js';
import type { ZipArchive } from './zip-archive.js';

/** Excel's own limits: rows and columns of a sheet. */
export const MAX_SHEET_ROWS = 1_048_576;
export const MAX_SHEET_COLUMNS = 16_384;

/** What {@link sheetRows} needs besides the archive. */
export interface SheetRowsSetup {
  file: string;
  sheet: SheetRef;
  workbook: WorkbookInfo;
  /** The shared strings by index. */
  strings: string[];
  /** Merged ranges whose first column's value is filled down through their rows (see merge-ranges.ts). */
  fill?: MergeRange[];
  /** Filled cells are counted here. */
  stats?: { filled: number };
}

/**
 * Column number (1-based) of a cell reference's letters, or 0.
 *
 * @param ref a cell reference such as `AA7`
 * @returns the column number
 * @example
 * columnOf('AA7'); // => 27
 */
export function columnOf(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) n = n * 26 + (c - 64);
    else if (c >= 97 && c <= 122) n = n * 26 + (c - 96);
    else break;
  }
  return n;
}

/**
 * Row number of a cell reference, or 0.
 *
 * @param ref a cell reference such as `B12`
 * @returns the row number
 * @example
 * rowOf('B12'); // => 12
 */
export function rowOf(ref: string): number {
  const m = /\d+$/.exec(ref);
  return m ? Number(m[0]) : 0;
}

/**
 * Decode the `_xHHHH_` escapes OOXML uses for control characters in strings.
 *
 * @param s the stored text
 * @returns the text
 * @example
 * unescapeOoxml('a_x000D_b'); // => 'a\rb'
 */
export function unescapeOoxml(s: string): string {
  return s.indexOf('_x') < 0
    ? s
    : s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/**
 * Stream a worksheet as the records the CSV reader produces: one record per sheet row,
 * `line` = the row number Excel shows, `fields` = the cell texts (rows the sheet leaves out
 * come as blank records, like the empty lines of a CSV export; every row is padded to the
 * widest row so far and to the sheet's `<dimension>`). Cell text: shared and inline
 * strings as they are; numbers in plain notation with every stored digit; date-formatted
 * numbers as ISO dates (`YYYY-MM-DD`, with ` HH:MM:SS` when the format shows a time);
 * booleans `TRUE`/`FALSE`; errors as shown (`#N/A`); formulas by their cached value.
 *
 * @param zip the archive
 * @param setup file name, sheet, workbook structure, shared strings, merged ranges to fill
 * @returns batches of records, one batch per inflated chunk
 * @throws SoqaError E_XLSX_BAD_CELL for a cell past Excel's limits or rows out of order;
 *   E_XLSX_TOO_LARGE, E_XLSX_CORRUPT from the archive (exit 2)
 * @example
 * for await (const batch of sheetRows(zip, setup)) for (const r of batch) console.log(r.line, r.fields);
 */
export async function* sheetRows(zip: ZipArchive, setup: SheetRowsSetup): AsyncGenerator<CsvRecord[]> {
  const { file, sheet, workbook, strings } = setup;
  const bad = (ref: string) =>
    new SoqaError('E_XLSX_BAD_CELL', msg.xlsxBadCell(file, sheet.name, ref), EXIT.UNUSABLE_INPUT, { file });
  const fill = [...(setup.fill ?? [])].sort((a, b) => a.top - b.top);
  let nextFill = 0;
  const active: { range: MergeRange; value: string }[] = [];
  let out: CsvRecord[] = [];
  let width = 0;
  let lastRow = 0;
  let row: string[] = [];
  let rowNum = 0;
  let col = 0;
  let type = '';
  let style = 0;
  let value: string[] = [];
  let collect = false;
  let phonetic = 0;
  let hasValue = false;

  const cellText = (): string => {
    const v = value.join('');
    switch (type) {
      case 's':
        return hasValue ? unescapeOoxml(strings[Number(v)] ?? '') : '';
      case 'inlineStr':
      case 'str':
        return unescapeOoxml(v);
      case 'b':
        return v === '1' || v === 'true' ? 'TRUE' : v === '' ? '' : 'FALSE';
      case 'e':
        return v;
      case 'd':
        return v.endsWith('T00:00:00') ? v.slice(0, 10) : v.replace('T', ' ');
      default: {
        if (v === '') return '';
        const kind = workbook.styleKinds[style] ?? 'number';
        return kind === 'number' ? plainNumber(v) : excelDate(v, kind, workbook.date1904);
      }
    }
  };
  const endRow = (): void => {
    for (let r = lastRow + 1; r < rowNum; r++) out.push(record(r, ['']));
    lastRow = rowNum;
    width = Math.max(width, row.length);
    if (row.every((c) => c === '')) {
      // formatted but empty cells: a blank line, as in a CSV export
      out.push(record(rowNum, ['']));
      return;
    }
    while (row.length < width) row.push('');
    // merged ranges: the top-left value down the range's first column
    while (nextFill < fill.length && fill[nextFill].top <= rowNum) {
      const range = fill[nextFill++];
      if (range.top === rowNum) active.push({ range, value: row[range.left - 1] ?? '' });
    }
    for (let i = active.length - 1; i >= 0; i--) {
      const a = active[i];
      if (a.range.bottom < rowNum) active.splice(i, 1);
      else if (a.range.top < rowNum && row[a.range.left - 1] === '' && a.value !== '') {
        row[a.range.left - 1] = a.value;
        if (setup.stats) setup.stats.filled++;
      }
    }
    out.push(record(rowNum, row));
  };

  const events = xmlEvents(zip.read(sheet.part), {
    open(name, a) {
      switch (name) {
        case 'dimension': {
          const last = (a.ref ?? '').split(':').pop() ?? '';
          const w = columnOf(last);
          if (w > 0 && w <= MAX_SHEET_COLUMNS && rowOf(last) <= MAX_SHEET_ROWS) width = Math.max(width, w);
          break;
        }
        case 'row': {
          rowNum = a.r ? Number(a.r) : lastRow + 1;
          if (!Number.isInteger(rowNum) || rowNum <= lastRow || rowNum > MAX_SHEET_ROWS) throw bad(`row ${a.r}`);
          row = [];
          col = 0;
          break;
        }
        case 'c': {
          col = a.r ? columnOf(a.r) : col + 1;
          if (col < 1 || col > MAX_SHEET_COLUMNS || col <= row.length) throw bad(a.r ?? `column ${col}`);
          type = a.t ?? 'n';
          style = a.s ? Number(a.s) : 0;
          value = [];
          hasValue = false;
          break;
        }
        case 'v':
          collect = true;
          hasValue = true;
          break;
        case 't':
          collect = phonetic === 0;
          break;
        case 'rPh':
          phonetic++;
          break;
      }
    },
    close(name) {
      switch (name) {
        case 'v':
        case 't':
          collect = false;
          break;
        case 'rPh':
          phonetic--;
          break;
        case 'c': {
          const text = cellText();
          while (row.length < col - 1) row.push('');
          row.push(text);
          break;
        }
        case 'row':
          endRow();
          break;
      }
    },
    text(t) {
      if (collect) value.push(t);
    },
  });
  for await (const _ of events) {
    if (out.length) {
      yield out;
      out = [];
    }
  }
  if (out.length) yield out;
}

function record(line: number, fields: string[]): CsvRecord {
  return { kind: 'record', fields, line };
}
