import type { Logger } from '../../core/logger.js';
import { firstReject } from '../first-reject.js';
import { SoqaError } from '../../core/soqa-error.js';
import * as msg from '../../core/messages/index.js';
import { CsvRecordParser, type CsvItem, type CsvRecord } from '../csv/csv-record-parser.js';
import { judgeAggregateHeader } from '../header/judge-header.js';
import { TableFinder, type TableStart } from '../header/table-finder.js';
import { tableDelimiter, tableLayout } from '../header/table-layout.js';
import { lineText, trailerKind, type TableLine } from '../header/table-lines.js';
import { addCounts } from '../add-counts.js';
import { countKinds } from '../count-kinds.js';
import { csvLimits, csvProblemReject, headerProblemError } from '../csv/csv-problem.js';
import { WARNINGS_KEPT_PER_CODE, type RowCounts } from '../record-handler.js';
import type { RejectStore } from '../reject-store.js';
import { emptySourceInfo, readSource } from '../read-source.js';
import { isMissing, normalizeText } from '../../domain/normalize-text.js';
import { fillDown } from './fill-down.js';
import { aggregateHeaderFailed, checkHeader } from './check-aggregate-header.js';
import {
  ALL,
  convertAggregateRow,
  type AggregateEntry,
  type AggregateRowContext,
  type ConvertedAggregateRow,
} from './convert-aggregate-row.js';
import { mapAggregateHeader, type AggregateHeader } from './map-aggregate-header.js';
import { feedWorkbook, openWorkbookInput } from '../xlsx/workbook-input.js';
import { rowWhere } from '../xlsx/row-label.js';
import type { AggregateIngestOptions, AggregateIngestResult } from './aggregate-ingest-result.js';

/** The lookups every file of a run shares (an {@link AggregateRowContext} without its header), and the governance fields. */
export type AggregateLookups = Omit<AggregateRowContext, 'header' | 'headers'> & { governance: ReadonlySet<string> };

/** An accepted entry and where it was read. */
export interface AcceptedEntry {
  entry: AggregateEntry;
  file: string;
  line: number;
}

/** The state of an `ingestAggregate` run across its files. */
export interface AggregateRun {
  result: AggregateIngestResult;
  rejectStore: RejectStore;
  /** Accepted entries' keys → where they were read (duplicates). */
  seen: Map<string, string>;
  accepted: AcceptedEntry[];
  /** Measures some file gives. */
  given: Set<string>;
  hasFieldColumn: boolean;
  /** Columns present in some file, canonical names. */
  present: Set<string>;
}

/**
 * Reads one aggregated table (CSV or a workbook's sheet) into an {@link AggregateRun}: finds
 * the table's header, converts and checks each row, rejects duplicates, counts missing cells,
 * keeps the accepted entries; {@link finish} adds the file's source entry and counts.
 */
export class AggregateFileReader {
  readonly info = emptySourceInfo();
  readonly counts: RowCounts = { read: 0, accepted: 0, rejected: 0, blank: 0 };
  private header: AggregateHeader | null = null;
  private headerWidth = 0;
  private ctx: AggregateRowContext | null = null;
  private delimiter: string;
  private columns: { name: string; index: number }[] = [];
  private finder: TableFinder | null = null;
  private table: TableStart | null = null;
  private readonly trailers: TableLine[] = [];
  /** The region and year of the row above (merged cells exported as blanks are filled with them). */
  private readonly above: { region: string; year: string } = { region: '', year: '' };
  private filled = 0;

  /**
   * @param run the run the file's rows go into
   * @param options the run's options, with its logger
   * @param lookups the run's lookups
   */
  constructor(
    private readonly run: AggregateRun,
    private readonly options: AggregateIngestOptions & { logger: Logger },
    private readonly lookups: AggregateLookups,
  ) {
    this.delimiter = options.delimiter ?? '';
  }

  /**
   * Read the file: an Excel workbook's sheet (lines = row numbers) or CSV text.
   *
   * @param path the file (`-` for stdin)
   * @throws SoqaError E_EMPTY_INPUT, E_MISSING_COLUMN, E_DUPLICATE_COLUMN, E_AGGREGATE_LAYOUT, E_BAD_HEADER, E_INPUT_READ
   */
  async read(path: string): Promise<void> {
    const { options, info } = this;
    const workbook = await openWorkbookInput(path, info, options, 'aggregate');
    if (workbook) {
      await feedWorkbook(workbook, this.handle, this.counts, options.logger);
      info.mergedCellsFilled = workbook.stats.filled;
    } else {
      let parser: CsvRecordParser | null = null;
      const open = options.openSource ?? readSource;
      for await (const text of open(path, info, options.encoding, options.maxInputBytes)) {
        if (!parser) {
          if (!this.delimiter) this.delimiter = tableDelimiter(text);
          parser = new CsvRecordParser({ delimiter: this.delimiter, ...csvLimits(options) });
        }
        this.handle(parser.push(text));
      }
      if (!parser) parser = new CsvRecordParser({ delimiter: this.delimiter || ',' });
      this.handle(parser.end());
    }
    if (!this.header && this.finder) {
      const start = this.finder.end();
      if (start) this.begin(start);
    }
    if (!this.header) throw new SoqaError('E_EMPTY_INPUT', msg.emptyInput(info.name), { file: info.name });
  }

  /** Handle parsed items: find the header, then convert each row. */
  readonly handle = (items: CsvItem[]): void => {
    for (const item of items) {
      if (item.kind !== 'record') {
        if (!this.header && this.finder) {
          const start = this.finder.flush();
          if (start) this.begin(start);
        }
        if (!this.header) throw headerProblemError(item, this.info.name, this.info.encoding, this.options);
        this.counts.read++;
        this.reject(item.line, csvProblemReject(item, this.options, this.headerWidth));
        continue;
      }
      if (!this.header) {
        this.findHeader(item);
        continue;
      }
      this.record(item, this.header);
    }
  };

  private findHeader(item: CsvRecord): void {
    const { profile } = this.options;
    this.finder ??= new TableFinder(
      (cells) => judgeAggregateHeader(cells, profile),
      this.options.headerRow,
      (best, hint) => aggregateHeaderFailed(best, hint, profile, this.info),
      this.info.name,
    );
    const start = this.finder.push(item);
    if (start) this.begin(start);
  }

  private begin(start: TableStart): void {
    const { info, run } = this;
    const log = this.options.logger;
    this.finder = null;
    this.table = start;
    const h = mapAggregateHeader(start.header, this.options.profile, start.unit);
    checkHeader(h, start.header, info);
    this.header = h;
    this.headerWidth = start.header.length;
    this.counts.blank += start.blank;
    if (start.skipped.length) this.counts.skipped = (this.counts.skipped ?? 0) + start.skipped.length;
    if (h.wideMeasures.length) log.warn('W_WIDE_TOTALS_IGNORED', msg.wideTotalsIgnored(info.name, h.wideMeasures));
    for (const extra of h.ignored)
      if (!h.wideMeasures.includes(extra)) log.info('I_IGNORED_COLUMN', msg.ignoredColumn(info.name, extra));
    for (const m of h.measures) run.given.add(m.name);
    run.hasFieldColumn ||= h.field >= 0;
    for (const p of h.present) run.present.add(p);
    this.columns = columnsOf(h);
    const { governance: _governance, ...lookups } = this.lookups;
    this.ctx = { header: h, headers: start.header, ...lookups };
    this.handle(start.rest);
  }

  private reject(line: number, p: { code: string; column: string; value: string; reason: string }): void {
    const { result, rejectStore } = this.run;
    this.counts.rejected++;
    result.rejectCounts[p.code] = (result.rejectCounts[p.code] ?? 0) + 1;
    rejectStore.push({ file: this.info.name, line, ...p });
  }

  /** A record under the header: blank, a note under the table, or a row converted and checked. */
  private record(item: CsvRecord, header: AggregateHeader): void {
    const { counts } = this;
    if (item.fields.length === 1 && item.fields[0].trim() === '') {
      counts.blank++;
      return;
    }
    const note = trailerKind(item.fields, false);
    if (note) {
      this.trailers.push({ line: item.line, kind: note, text: lineText(item.fields) });
      counts.skipped = (counts.skipped ?? 0) + 1;
      return;
    }
    this.filled += fillDown(item.fields, header, this.above);
    counts.read++;
    if ((counts.read & 0xffff) === 0) this.options.onProgress?.(this.run.result.counts.read + counts.read);
    const r = convertAggregateRow(item.fields, this.ctx!);
    if (r.rejects.length) {
      this.reject(item.line, firstReject(r.rejects));
      return;
    }
    this.accept(item, r);
  }

  /** A converted row: rejected as a duplicate, else its warnings, missing cells and entries kept. */
  private accept(item: CsvRecord, r: ConvertedAggregateRow): void {
    const { run, info } = this;
    const { result, seen } = run;
    const keys = r.entries.map(entryKey);
    const dup = keys.findIndex((k) => seen.has(k));
    if (dup >= 0) {
      const e = r.entries[dup];
      this.reject(item.line, {
        code: 'R_DUPLICATE',
        column: run.hasFieldColumn ? 'region, year, type, field' : 'region, year, type',
        value: describeKey(e),
        reason: `duplicates ${seen.get(keys[dup])}`,
      });
      return;
    }
    for (const k of keys) seen.set(k, rowWhere(info, item.line));
    for (const w of r.warnings) {
      const n = (result.warningCounts[w.code] = (result.warningCounts[w.code] ?? 0) + 1);
      if (n <= WARNINGS_KEPT_PER_CODE) result.warnings.push({ file: info.name, line: item.line, ...w });
    }
    this.counts.accepted++;
    for (const c of this.columns)
      if (isMissing(normalizeText(item.fields[c.index])))
        result.missingCounts[c.name] = (result.missingCounts[c.name] ?? 0) + 1;
    for (const entry of r.entries) run.accepted.push({ entry, file: info.name, line: item.line });
  }

  /** Close the file once read: decoding and fill-down warnings, table lines, its source entry and counts. */
  finish(): void {
    const { info, counts, filled } = this;
    const { result } = this.run;
    const log = this.options.logger;
    if (info.replacementChars > 0)
      log.warn('W_DECODE', msg.decodeReplacement(info.name, info.replacementChars, info.encoding));
    const h = this.header!;
    const layout = tableLayout(this.table, this.trailers, h.units.units, filled);
    if (layout?.lines.length) log.info('I_TABLE_LINES', msg.tableLinesSkipped(info.name, countKinds(layout.lines)));
    if (filled) {
      result.filled = (result.filled ?? 0) + filled;
      log.warn(
        'W_FILLED_DOWN',
        msg.filledDown(
          info.name,
          filled,
          ['region', 'year'].filter((d) => h[d as 'region'] >= 0),
        ),
      );
    }
    result.sources.push({
      ...info,
      delimiter: this.delimiter,
      header: h,
      counts,
      ...(layout ? { table: layout } : {}),
    });
    addCounts(result.counts, counts);
  }
}

const entryKey = (e: AggregateEntry): string => `${e.region}\u0001${e.year}\u0001${e.type}\u0001${e.field}`;
const describeKey = (e: AggregateEntry): string =>
  [e.region, e.year, e.type, ...(e.field ? [e.field] : [])].map((v) => (v === ALL ? 'total' : String(v))).join(' ');

/** The columns whose empty cells are counted as missing, with their canonical names. */
function columnsOf(h: AggregateHeader): { name: string; index: number }[] {
  const list: { name: string; index: number }[] = [];
  for (const d of ['region', 'year', 'type', 'field'] as const) if (h[d] >= 0) list.push({ name: d, index: h[d] });
  if (h.count >= 0) list.push({ name: 'count', index: h.count });
  for (const c of h.typeColumns) list.push({ name: `count:${c.type}`, index: c.index });
  if (h.countTotal >= 0) list.push({ name: 'count_total', index: h.countTotal });
  for (const m of h.measures) list.push({ name: m.name, index: m.index });
  for (const m of h.reporting) list.push({ name: `n_${m.name}`, index: m.index });
  return list;
}
