import { SoqaError } from '../../core/soqa-error.js';
import * as msg from '../../core/messages/index.js';
import type { CsvRecord } from '../csv/csv-record-parser.js';
import { unitLine, type Unit } from './header-unit.js';
import { combineHeaderRows, isBlankRow, isSubHeader, lineText, preambleKind, type TableLine } from './table-lines.js';

/** Rows looked at for the header (issue 20: "within the first 30"). */
export const HEADER_SEARCH_ROWS = 30;

/** How well a row would do as the header: usable (`ok`) and how many columns it maps (`score`). */
export interface HeaderJudgement {
  ok: boolean;
  score: number;
}

/** Where the table starts. */
export interface TableStart {
  /** The header cells (two header rows combined into one). */
  header: string[];
  /** Line of the (first) header row. */
  headerLine: number;
  /** 1, or 2 for a two-row header. */
  headerRows: number;
  /** Title and unit lines above the header. */
  skipped: TableLine[];
  /** Blank lines above the header. */
  blank: number;
  /** The unit of the unit line, if any. */
  unit: Unit | null;
  /** Records read after the header while deciding: rows of the table, to handle next. */
  rest: CsvRecord[];
}

/**
 * Finds the header of a table among its first records: the first row within the first
 * {@link HEADER_SEARCH_ROWS} that the judge accepts (maps the required columns), combined
 * with the row under it when that row is the second row of a two-row header
 * ({@link isSubHeader}); titles, unit lines and blank lines above it are skipped. With
 * `headerRow` the row starting on that line is the header. Feed records with
 * {@link push} until it returns the table's start, then {@link end} at the end of input.
 *
 * @example
 * const f = new TableFinder((cells) => judge(cells));
 * for (const r of records) { const t = f.push(r); if (t) return t; }
 * return f.end();
 */
export class TableFinder {
  private readonly buf: CsvRecord[] = [];
  private cursor = 0;
  private readonly tried: { line: number; text: string; score: number; cells: string[] }[] = [];

  /**
   * @param judge how well a row would do as the header
   * @param headerRow the header's line (`--header-row`), or undefined to search
   * @param onFail called with the best row tried when no header is found (throws the header's own error)
   * @param file the input's name (messages)
   */
  constructor(
    private readonly judge: (cells: string[]) => HeaderJudgement,
    private readonly headerRow: number | undefined,
    private readonly onFail: (best: string[] | null, hint: string) => never,
    private readonly file: string,
  ) {}

  /**
   * Take the next record before the header is known.
   *
   * @param record a record
   * @returns the table's start once decided, else null
   * @throws as `onFail` when no header is found in the first rows
   */
  push(record: CsvRecord): TableStart | null {
    this.buf.push(record);
    return this.decide(false);
  }

  /**
   * The input ended: decide with what was read.
   *
   * @returns the table's start, or null when there was no record at all
   * @throws as `onFail` when no header is found
   */
  end(): TableStart | null {
    if (this.buf.length === 0) return null;
    return this.decide(true);
  }

  /**
   * Something that is not a record came (a broken quote): decide with the records read so
   * far, as at the end of input, but without failing.
   *
   * @returns the table's start, or null when none of the records read is the header
   */
  flush(): TableStart | null {
    return this.buf.length ? this.decide(true, false) : null;
  }

  private decide(atEnd: boolean, mayFail = true): TableStart | null {
    const { buf } = this;
    while (this.cursor < buf.length) {
      const row = buf[this.cursor];
      const next = buf[this.cursor + 1];
      if (next === undefined && !atEnd) return null;
      if (this.headerRow !== undefined) {
        if (row.line > this.headerRow) return mayFail ? this.fail(true) : null;
        if (row.line === this.headerRow) {
          const two = next !== undefined && isSubHeader(row.fields, next.fields);
          return this.start(two ? combineHeaderRows(row.fields, next.fields) : row.fields, two ? 2 : 1);
        }
        this.cursor++;
        continue;
      }
      if (isBlankRow(row.fields)) {
        this.cursor++;
        continue;
      }
      if (next !== undefined && isSubHeader(row.fields, next.fields)) {
        const both = combineHeaderRows(row.fields, next.fields);
        if (this.judge(both).ok) return this.start(both, 2);
      }
      const j = this.judge(row.fields);
      if (j.ok) return this.start(row.fields, 1);
      this.tried.push({ line: row.line, text: lineText(row.fields).slice(0, 60), score: j.score, cells: row.fields });
      this.cursor++;
      if (this.tried.length >= HEADER_SEARCH_ROWS && mayFail) this.fail(false);
    }
    if (atEnd && mayFail) this.fail(this.headerRow !== undefined);
    return null;
  }

  private start(header: string[], rows: number): TableStart {
    const skipped: TableLine[] = [];
    let blank = 0;
    let unit: Unit | null = null;
    for (const r of this.buf.slice(0, this.cursor)) {
      if (isBlankRow(r.fields)) {
        blank++;
        continue;
      }
      const kind = preambleKind(r.fields);
      if (kind === 'unit') unit ??= unitLine(r.fields);
      skipped.push({ line: r.line, kind, text: lineText(r.fields) });
    }
    return {
      header,
      headerLine: this.buf[this.cursor].line,
      headerRows: rows,
      skipped,
      blank,
      unit,
      rest: this.buf.slice(this.cursor + rows),
    };
  }

  private fail(headerRowMissing: boolean): never {
    if (headerRowMissing)
      throw new SoqaError('E_HEADER_ROW', msg.headerRowMissing(this.file, this.headerRow!), {
        file: this.file,
        line: this.headerRow,
      });
    // the row that maps most columns is the one the error describes (the first among equals)
    let best: (typeof this.tried)[number] | null = null;
    for (const t of this.tried) if (!best || t.score > best.score) best = t;
    this.onFail(best?.cells ?? null, this.tried.length > 1 ? msg.headerNotFound(this.tried, HEADER_SEARCH_ROWS) : '');
  }
}
