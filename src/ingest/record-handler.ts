import { csvProblemReject, headerProblemError } from './csv/csv-problem.js';
import { firstReject } from './first-reject.js';
import type { DatasetBuilder } from '../dataset/dataset-builder.js';
import type { CsvItem, CsvSink } from './csv/csv-record-parser.js';
import type { ByteLineSink } from './csv/byte-csv-reader.js';
import { convertRow, type CellProblem, type ConvertContext, type ConvertedRow } from './convert-row.js';
import type { ConvertSetup } from './convert-setup.js';
import { compileFastRow, type FastRowPlan } from './fast-row.js';
import { fileHeader } from './header/file-header.js';
import type { HeaderMapping } from './header/map-headers.js';
import type { Profile } from './profile/profile.js';
import type { SourceInfo } from './read-source.js';
import type { Unit } from './header/header-unit.js';
import { judgeOrganizationHeader, organizationHeaderFailed } from './header/judge-header.js';
import { TableFinder, type TableStart } from './header/table-finder.js';
import { lineText, TRAILER_FIRST, trailerKind, type TableLine } from './header/table-lines.js';

/** Whether a record's first non-blank cell may start a total or note line (a cheap test before trailerKind). */
const TRAILER_FIRST_CELL = (fields: readonly string[]): boolean => {
  for (const f of fields) {
    const t = f.trim();
    if (t !== '') return TRAILER_FIRST.has(t.normalize('NFKC').charCodeAt(0));
  }
  return false;
};

/** Row accounting: read = accepted + rejected, always. */
export interface RowCounts {
  read: number;
  accepted: number;
  rejected: number;
  /** Blank lines, skipped and not counted as rows. */
  blank: number;
  /** Title, unit, total and note lines around the table, skipped and not counted as rows (set only when there are some). */
  skipped?: number;
}

/** Warnings kept per code in memory and in warnings.csv (counts are always complete). */
export const WARNINGS_KEPT_PER_CODE = 10_000;

/**
 * What a {@link RecordHandler} does with what it reads: the sequential ingest accepts rows
 * into the run's dataset (checking duplicates at once); a parallel range worker keeps every
 * converted row as a candidate and leaves duplicates to the merge.
 */
export interface RecordTarget {
  /**
   * The file's header is known (mapped and checked): return the builder the fast path
   * writes into, with a column for every present field. May throw (E_MIXED_SHAPES).
   */
  onHeader(header: HeaderMapping, headers: string[], yearCol: boolean): DatasetBuilder;
  /** A record (or a broken stretch of input) starting on `line` is rejected. */
  reject(line: number, problem: CellProblem): void;
  /** The fast path converted the record on `line`: `plan.scratch`, `plan.id` and `plan.year` hold it. */
  acceptFast(plan: FastRowPlan, line: number): void;
  /** `convertRow` converted the record on `line` without a reason to reject it (warnings possible). */
  acceptConverted(row: ConvertedRow, line: number): void;
  /** Called after every 65,536th record read, with the file's records read so far. */
  progress?(read: number): void;
}

/** What a {@link RecordHandler} needs besides its target. */
export interface RecordHandlerSetup {
  profile: Profile;
  /** The profile's conversion tables ({@link convertSetup}). */
  convert: ConvertSetup;
  /** The source being read (its name is read when the header arrives). */
  info: SourceInfo;
  /** The path as given. */
  path: string;
  /** Longest field accepted, in characters (for the R_FIELD_TOO_LONG reason). */
  maxFieldChars?: number;
  /** Most fields in a record (for the header error and the R_FIELD_COUNT reason). */
  maxColumns?: number;
  /** Longest record, in characters (for the R_RECORD_TOO_LONG reason). */
  maxRecordChars?: number;
  /** Every row through convertRow (no fast path). */
  referencePath?: boolean;
  /** The header's line (`--header-row`), instead of searching the first rows for it. */
  headerRow?: number;
}

/**
 * The per-record work of reading one CSV file, shared by the sequential ingest and the
 * parallel range workers: the header row (mapped, checked, the fast path compiled for it),
 * blank lines, broken records, rows the fast path takes in place and rows `convertRow`
 * converts with their rejects. Where accepted rows go is the {@link RecordTarget}'s job.
 * Feed it records through {@link handle}, or hand {@link sink} to `CsvRecordParser.pushTo`.
 *
 * @example
 * const h = new RecordHandler({ profile, convert: convertSetup(profile, regions), info, path }, target, ',');
 * parser.pushTo(text, h.sink);
 */
export class RecordHandler {
  /** The file's header mapping, once read. */
  header: HeaderMapping | null = null;
  /** The file's header cells, once read. */
  headers: string[] = [];
  /** Whether the file has a year column (an annual-report panel). */
  yearCol = false;
  /** The fast path for this file's header (null before the header, or when it has none). */
  plan: FastRowPlan | null = null;
  /** Records read, accepted, rejected and blank lines (the target counts accepted and rejected). */
  readonly counts: RowCounts = { read: 0, accepted: 0, rejected: 0, blank: 0 };
  /** Plain lines go to the fast path in place; every other record and problem to {@link handle}. */
  readonly sink: CsvSink;
  /** Plain lines read as bytes (`ByteCsvReader`) go to the fast path; false hands the line to the parser. */
  readonly byteLine: ByteLineSink;
  /** Where the table starts (header line, title and unit lines above it), once found. */
  table: TableStart | null = null;
  /** Total and note lines after the header, in order. */
  readonly trailers: TableLine[] = [];
  private ctx: ConvertContext | null = null;
  private finder: TableFinder | null = null;

  /**
   * @param setup profile, conversion tables, source, options
   * @param target where rows and rejects go
   * @param delimiter the file's field delimiter (settable until the header arrives)
   */
  constructor(
    private readonly setup: RecordHandlerSetup,
    private readonly target: RecordTarget,
    public delimiter: string,
  ) {
    this.sink = {
      item: (item) => this.handle([item]),
      line: (text, start, end, line) => {
        const plan = this.plan;
        // a line that may be a total or a note goes to handle(), which tells
        if (plan === null || TRAILER_FIRST.has(text.charCodeAt(start)) || !plan.convertLine(text, start, end))
          return false;
        this.countRead();
        this.target.acceptFast(plan, line);
        return true;
      },
    };
    this.byteLine = (buf, start, end, line) => {
      const plan = this.plan;
      if (plan === null || this.delimiter.charCodeAt(0) >= 0x80) return false;
      // a line that may be a total or a note (its first character, 3 bytes of UTF-8) goes to handle(), which tells
      const b0 = buf[start];
      if (b0 >= 0xe0 && b0 < 0xf0 && end - start >= 3) {
        const c = ((b0 & 0x0f) << 12) | ((buf[start + 1] & 0x3f) << 6) | (buf[start + 2] & 0x3f);
        if (TRAILER_FIRST.has(c)) return false;
      }
      if (!plan.convertBytes(buf, start, end)) return false;
      this.countRead();
      this.target.acceptFast(plan, line);
      return true;
    };
  }

  /**
   * Take the header row: map and check it, tell the target, compile the fast path.
   *
   * @param cells the header cells
   * @throws SoqaError from the header checks and the target
   */
  setHeader(cells: string[], unit: Unit | null = null): void {
    const { profile, info, path } = this.setup;
    const { header, derived } = fileHeader(cells, profile, { info, path }, unit);
    this.headers = cells;
    this.header = header;
    this.yearCol = header.present.includes('year');
    const builder = this.target.onHeader(header, cells, this.yearCol);
    this.ctx = {
      fieldOf: header.fieldOf,
      headers: cells,
      ...this.setup.convert,
      checkCodes: profile.idKind !== 'plain',
      derived,
      ...(header.units.scale.some((f) => f !== 1) ? { scale: header.units.scale } : {}),
    };
    this.plan = this.setup.referencePath ? null : compileFastRow(this.ctx, header, builder, this.delimiter);
  }

  /** Handle parsed records and problems, in input order. */
  handle(items: CsvItem[]): void {
    const { info } = this.setup;
    for (const item of items) {
      if (item.kind !== 'record') {
        if (!this.header && this.finder) {
          const start = this.finder.flush();
          if (start) this.begin(start);
        }
        if (!this.header) throw headerProblemError(item, info.name, info.encoding, this.setup);
        this.counts.read++;
        this.target.reject(item.line, csvProblemReject(item, this.setup, this.headers.length));
        continue;
      }
      if (!this.header) {
        this.finder ??= new TableFinder(
          (cells) => judgeOrganizationHeader(cells, this.setup.profile),
          this.setup.headerRow,
          (best, hint) => organizationHeaderFailed(best, hint, this.setup),
          info.name,
        );
        const start = this.finder.push(item);
        if (start) this.begin(start);
        continue;
      }
      if (item.fields.length === 1 && item.fields[0].trim() === '') {
        this.counts.blank++;
        continue;
      }
      const trailer = TRAILER_FIRST_CELL(item.fields) ? trailerKind(item.fields, true) : null;
      if (trailer) {
        this.trailers.push({ line: item.line, kind: trailer, text: lineText(item.fields) });
        this.counts.skipped = (this.counts.skipped ?? 0) + 1;
        continue;
      }
      this.countRead();
      if (this.plan !== null && this.plan.convert(item.fields)) {
        this.target.acceptFast(this.plan, item.line);
        continue;
      }
      const r = convertRow(item.fields, this.ctx!);
      if (r.rejects.length) {
        this.target.reject(item.line, firstReject(r.rejects));
        continue;
      }
      this.target.acceptConverted(r, item.line);
    }
  }

  /**
   * The input ended: when the header is not known yet, decide it from the rows read.
   *
   * @throws SoqaError when no header is found (E_MISSING_COLUMN and the header checks)
   */
  finish(): void {
    if (this.header || !this.finder) return;
    const start = this.finder.end();
    if (start) this.begin(start);
  }

  /** The header is found: take it, count the lines above it, handle the rows read meanwhile. */
  private begin(start: TableStart): void {
    this.finder = null;
    this.table = start;
    this.setHeader(start.header, start.unit);
    this.counts.blank += start.blank;
    if (start.skipped.length) this.counts.skipped = (this.counts.skipped ?? 0) + start.skipped.length;
    this.handle(start.rest);
  }

  /**
   * Count the fields of the file's header that a converted row has missing into `counts`
   * (as `FastRowPlan.countMissing` does for a row of the fast path).
   *
   * @param row a row from `convertRow` that is accepted
   * @param counts field → rows missing it
   */
  countMissing(row: ConvertedRow, counts: Record<string, number>): void {
    for (const f of this.header!.present)
      if (row.values[f] === null || row.values[f] === undefined) counts[f] = (counts[f] ?? 0) + 1;
  }

  private countRead(): void {
    if ((++this.counts.read & 0xffff) === 0) this.target.progress?.(this.counts.read);
  }
}
