import { SoqaError } from '../../core/soqa-error.js';
import type { CsvRecord } from '../csv/csv-record-parser.js';
import { excelDate, plainNumber } from './cell-text.js';
import { columnOf, rowOf } from './cell-ref.js';
import type { MergeRange } from './merge-ranges.js';
import type { SheetRef, WorkbookInfo } from './workbook-info.js';
import * as msg from '../../core/messages/xlsx.js';
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
  const { file, sheet } = setup;
  const bad = (ref: string) => new SoqaError('E_XLSX_BAD_CELL', msg.xlsxBadCell(file, sheet.name, ref), { file });
  const rows = new RowAssembler(setup);
  /** Inside `<v>`, or a `<t>` that is not phonetic: text is cell value. */
  let collect = false;
  let phonetic = 0;
  const events = xmlEvents(zip.read(sheet.part), {
    open(name, a) {
      if (name === 'c') {
        if (!rows.openCell(a.r, a.t, a.s)) throw bad(a.r ?? 'a cell');
      } else if (name === 'v') {
        collect = true;
        rows.hasValue = true;
      } else if (name === 't') collect = phonetic === 0;
      else if (name === 'rPh') phonetic++;
      else if (name === 'row') {
        if (!rows.openRow(a.r)) throw bad(`row ${a.r}`);
      } else if (name === 'dimension') rows.dimension(a.ref ?? '');
    },
    close(name) {
      if (name === 'v' || name === 't') collect = false;
      else if (name === 'rPh') phonetic--;
      else if (name === 'c') rows.closeCell();
      else if (name === 'row') rows.closeRow();
    },
    text(t) {
      if (collect) rows.value.push(t);
    },
  });
  for await (const _ of events) if (rows.out.length) yield rows.take();
  if (rows.out.length) yield rows.take();
}

/**
 * Builds records from the cells of a sheet as its XML events arrive: cell text by type and
 * number format, rows padded to the sheet's width, blank records for rows left out, and
 * merged ranges filled down their first column.
 */
class RowAssembler {
  /** Records completed and not yet taken. */
  out: CsvRecord[] = [];
  /** Text pieces of the current cell's value. */
  value: string[] = [];
  /** Whether the current cell has a `<v>`. */
  hasValue = false;
  private readonly fill: MergeRange[];
  private nextFill = 0;
  private readonly active: { range: MergeRange; value: string }[] = [];
  private width = 0;
  private lastRow = 0;
  private row: string[] = [];
  private rowNum = 0;
  private col = 0;
  private type = '';
  private style = 0;

  constructor(private readonly setup: SheetRowsSetup) {
    this.fill = [...(setup.fill ?? [])].sort((a, b) => a.top - b.top);
  }

  /** The records completed so far (handed over). */
  take(): CsvRecord[] {
    const out = this.out;
    this.out = [];
    return out;
  }

  /** `<dimension ref="A1:J100">`: rows are padded to its width. */
  dimension(ref: string): void {
    const last = ref.split(':').pop() ?? '';
    const w = columnOf(last);
    if (w > 0 && w <= MAX_SHEET_COLUMNS && rowOf(last) <= MAX_SHEET_ROWS) this.width = Math.max(this.width, w);
  }

  /** A `<row>` opens; false when its number is past Excel's limit or not after the previous row's. */
  openRow(r: string | undefined): boolean {
    this.rowNum = r ? Number(r) : this.lastRow + 1;
    this.row = [];
    this.col = 0;
    return Number.isInteger(this.rowNum) && this.rowNum > this.lastRow && this.rowNum <= MAX_SHEET_ROWS;
  }

  /** A `<c>` opens; false when its column is past Excel's limit or not after the previous cell's. */
  openCell(r: string | undefined, t: string | undefined, s: string | undefined): boolean {
    this.col = r ? columnOf(r) : this.col + 1;
    this.type = t ?? 'n';
    this.style = s ? Number(s) : 0;
    this.value = [];
    this.hasValue = false;
    return this.col >= 1 && this.col <= MAX_SHEET_COLUMNS && this.col > this.row.length;
  }

  closeCell(): void {
    const text = this.cellText();
    while (this.row.length < this.col - 1) this.row.push('');
    this.row.push(text);
  }

  closeRow(): void {
    const { rowNum } = this;
    for (let r = this.lastRow + 1; r < rowNum; r++) this.out.push(record(r, ['']));
    this.lastRow = rowNum;
    const row = this.row;
    this.width = Math.max(this.width, row.length);
    if (row.every((c) => c === '')) {
      // formatted but empty cells: a blank line, as in a CSV export
      this.out.push(record(rowNum, ['']));
      return;
    }
    while (row.length < this.width) row.push('');
    this.fillMerged(row);
    this.out.push(record(rowNum, row));
  }

  /** Merged ranges: the top-left value down the range's first column. */
  private fillMerged(row: string[]): void {
    const { rowNum, fill, active } = this;
    while (this.nextFill < fill.length && fill[this.nextFill].top <= rowNum) {
      const range = fill[this.nextFill++];
      if (range.top === rowNum) active.push({ range, value: row[range.left - 1] ?? '' });
    }
    for (let i = active.length - 1; i >= 0; i--) {
      const a = active[i];
      if (a.range.bottom < rowNum) active.splice(i, 1);
      else if (a.range.top < rowNum && row[a.range.left - 1] === '' && a.value !== '') {
        row[a.range.left - 1] = a.value;
        if (this.setup.stats) this.setup.stats.filled++;
      }
    }
  }

  private cellText(): string {
    const v = this.value.join('');
    const { workbook, strings } = this.setup;
    switch (this.type) {
      case 's':
        return this.hasValue ? unescapeOoxml(strings[Number(v)] ?? '') : '';
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
        const kind = workbook.styleKinds[this.style] ?? 'number';
        return kind === 'number' ? plainNumber(v) : excelDate(v, kind, workbook.date1904);
      }
    }
  }
}

function record(line: number, fields: string[]): CsvRecord {
  return { kind: 'record', fields, line };
}
