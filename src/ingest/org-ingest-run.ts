import type { Logger } from '../core/logger.js';
import { SoqaError } from '../core/soqa-error.js';
import * as msg from '../core/messages/index.js';
import { DatasetBuilder } from '../dataset/dataset-builder.js';
import type { Dataset } from '../dataset/dataset.js';
import { tableLayout } from './header/table-layout.js';
import { checkListTotals } from './header/check-list-total.js';
import type { CellProblem, ConvertedRow } from './convert-row.js';
import type { FastRowPlan } from './fast-row.js';
import type { HeaderMapping } from './header/map-headers.js';
import { OrgYearLedger } from './org-year-ledger.js';
import { duplicateReject } from './duplicate-reject.js';
import { RejectStore } from './reject-store.js';
import { WARNINGS_KEPT_PER_CODE, type RecordHandler, type RecordTarget } from './record-handler.js';
import type { IngestOptions } from './ingest-options.js';
import type { IngestResult } from './ingest-result.js';
import type { SourceInfo } from './read-source.js';
import { rowWhere } from './xlsx/row-label.js';
import { addCounts } from './add-counts.js';
import { countKinds } from './count-kinds.js';

/** One input file of an {@link OrgIngestRun}. */
export interface OrgIngestFile {
  /** Position of the file among the run's inputs. */
  readonly index: number;
  readonly info: SourceInfo;
  /** The file has a year column (an annual-report panel). */
  yearCol: boolean;
  /** The file's record handler (set once it is made). */
  handler: RecordHandler | null;
}

/**
 * The state of one `ingestFiles` run of organization files across its files: the result
 * being filled, the dataset builder, the accepted organization-years (duplicates), the
 * chunks handed to `options.chunks`. Each file's record handler reports to the file's
 * {@link target}; {@link endFile} closes a file, {@link finish} the run.
 */
export class OrgIngestRun {
  readonly result: IngestResult;
  private readonly rejectStore: RejectStore;
  private builder: DatasetBuilder | null = null;
  /** Accepted organization-years (duplicate detection, organization numbers); the reference path keeps `seen` instead. */
  private ledger: OrgYearLedger | null = null;
  private readonly seen = new Map<string, string>();
  private panel = false;
  /** Organization numbers of the chunk's rows (chunk by chunk). */
  private chunkOrgs = new Int32Array(0);
  private readonly chunks: IngestOptions['chunks'];

  /**
   * @param options the run's options
   * @param log where header notes and file warnings go
   */
  constructor(
    private readonly options: IngestOptions,
    private readonly log: Logger,
  ) {
    this.chunks = options.referencePath ? undefined : options.chunks;
    this.rejectStore = new RejectStore(options.rejectsKept, options.spillRejects);
    this.result = {
      dataset: undefined as unknown as Dataset,
      sources: [],
      counts: { read: 0, accepted: 0, rejected: 0, blank: 0 },
      rejects: this.rejectStore.kept,
      warnings: [],
      rejectCounts: {},
      warningCounts: {},
      missingCounts: {},
    };
  }

  /**
   * The record target of one file: its header, rejects and accepted rows go into the run.
   *
   * @param f the file
   * @returns the target for the file's record handler
   */
  target(f: OrgIngestFile): RecordTarget {
    return {
      onHeader: (header, _headers, hasYear) => this.onHeader(f, header, hasYear),
      reject: (line, p) => this.reject(f, line, p),
      acceptFast: (p, line) => this.acceptFast(f, p, line),
      acceptConverted: (r, line) => this.acceptConverted(f, r, line),
      progress: (read) => this.options.onProgress?.(this.result.counts.read + read),
    };
  }

  private onHeader(f: OrgIngestFile, header: HeaderMapping, hasYear: boolean): DatasetBuilder {
    if (!this.builder) this.builder = new DatasetBuilder(header.present);
    else for (const field of header.present) this.builder.ensureField(field);
    f.yearCol = hasYear;
    // a registry list read with a panel would give its rows no year
    if (f.index > 0 && this.panel !== f.yearCol)
      throw new SoqaError('E_MIXED_SHAPES', msg.mixedShapes(f.info.name, f.yearCol, this.result.sources[0].name), {
        file: f.info.name,
      });
    this.panel ||= f.yearCol;
    if (f.index === 0) {
      this.ledger = new OrgYearLedger(f.yearCol);
      if (this.chunks) this.chunkOrgs = new Int32Array(this.chunks.rows);
    }
    for (const extra of header.ignored) this.log.info('I_IGNORED_COLUMN', msg.ignoredColumn(f.info.name, extra));
    return this.builder;
  }

  private reject(f: OrgIngestFile, line: number, p: CellProblem): void {
    f.handler!.counts.rejected++;
    this.result.rejectCounts[p.code] = (this.result.rejectCounts[p.code] ?? 0) + 1;
    this.rejectStore.push({ file: f.info.name, line, ...p });
  }

  /** The accepted row with this id (and year, in a panel), as `file line n`, or null when there is none yet (it is recorded). */
  private firstOf(f: OrgIngestFile, id: string, year: number, line: number): string | null {
    const first = this.ledger!.findOrAdd(id, year, f.index, line);
    return first === null
      ? null
      : rowWhere(first.file === f.index ? f.info : this.result.sources[first.file], first.line);
  }

  /** Account for a row the fast path converted: a duplicate, or accepted into the dataset. */
  private acceptFast(f: OrgIngestFile, p: FastRowPlan, line: number): void {
    const prev = this.firstOf(f, p.id, p.year, line);
    if (prev !== null) {
      this.reject(f, line, duplicateReject(p.id, p.year, f.yearCol, prev));
      return;
    }
    f.handler!.counts.accepted++;
    p.countMissing(this.result.missingCounts);
    this.builder!.appendScratch(p.scratch, f.index, line);
    if (this.chunks) this.chunkRow();
  }

  /** The first accepted row with the converted row's id (and year), as `file line n`, if any. */
  private previous(f: OrgIngestFile, id: string, r: ConvertedRow, line: number): string | null | undefined {
    if (!this.options.referencePath) return this.firstOf(f, id, Number(r.values.year), line);
    const key = f.yearCol ? `${id}|${r.values.year}` : id;
    const prev = this.seen.get(key);
    if (prev === undefined) this.seen.set(key, rowWhere(f.info, line));
    return prev;
  }

  private acceptConverted(f: OrgIngestFile, r: ConvertedRow, line: number): void {
    const { result } = this;
    const id = String(r.values.org_id);
    const prev = this.previous(f, id, r, line);
    if (prev !== undefined && prev !== null) {
      this.reject(f, line, duplicateReject(id, r.values.year, f.yearCol, prev));
      return;
    }
    for (const w of r.warnings) {
      const n = (result.warningCounts[w.code] = (result.warningCounts[w.code] ?? 0) + 1);
      if (n <= WARNINGS_KEPT_PER_CODE) result.warnings.push({ file: f.info.name, line, ...w });
    }
    f.handler!.counts.accepted++;
    if (r.qualifier) {
      const byType = ((result.typeQualifiers ??= {})[String(r.values.type)] ??= {});
      byType[r.qualifier] = (byType[r.qualifier] ?? 0) + 1;
    }
    f.handler!.countMissing(r, result.missingCounts);
    this.builder!.add(r.values, f.index, line);
    if (this.chunks) this.chunkRow();
  }

  /** Record the accepted row's organization; hand the chunk over when it is full. */
  private chunkRow(): void {
    this.chunkOrgs[this.builder!.length - 1] = this.ledger!.lastOrg;
    if (this.builder!.length >= this.chunks!.rows) this.flushChunk();
  }

  private flushChunk(): void {
    const { builder } = this;
    if (!builder || builder.length === 0) return;
    const n = builder.length;
    this.chunks!.onChunk(builder.flush(this.panel ? 'panel' : 'registry'), this.chunkOrgs.slice(0, n));
  }

  /**
   * Close a file that has been read: its warnings (decoding, list totals), its table lines,
   * its source entry and counts.
   *
   * @param f the file
   * @throws SoqaError E_EMPTY_INPUT when the file has no header
   */
  endFile(f: OrgIngestFile): void {
    const { result, log } = this;
    const { info } = f;
    const handler = f.handler!;
    const counts = handler.counts;
    handler.finish();
    handler.plan?.flushMissing(result.missingCounts);
    if (!handler.header) throw new SoqaError('E_EMPTY_INPUT', msg.emptyInput(info.name), { file: info.name });
    if (info.replacementChars > 0)
      log.warn('W_DECODE', msg.decodeReplacement(info.name, info.replacementChars, info.encoding));
    if (info.detected) log.warn('W_ENCODING_MISMATCH', msg.encodingMismatch(info.name, info.encoding, info.detected));
    // a registry list's total row (合计 120) is checked against its rows; a panel's rows are organization-years
    if (!handler.yearCol)
      for (const w of checkListTotals(handler.trailers, counts.read)) {
        const k = (result.warningCounts[w.code] = (result.warningCounts[w.code] ?? 0) + 1);
        if (k <= WARNINGS_KEPT_PER_CODE) result.warnings.push({ file: info.name, ...w });
        log.warn(w.code, msg.totalProblem(info.name, w.line, w.column, w.reason));
      }
    const table = tableLayout(handler.table, handler.trailers, handler.header.units.units);
    if (table?.lines.length) log.info('I_TABLE_LINES', msg.tableLinesSkipped(info.name, countKinds(table.lines)));
    result.sources.push({
      ...info,
      delimiter: handler.delimiter,
      header: handler.header,
      counts,
      ...(table ? { table } : {}),
    });
    addCounts(result.counts, counts);
  }

  /**
   * Close the run: missing counts of every field, the last chunk, the dataset, the spilled rejects.
   *
   * @returns the run's result
   */
  finish(): IngestResult {
    const { result } = this;
    for (const f of this.builder?.fields ?? []) result.missingCounts[f] ??= 0;
    if (this.chunks) this.flushChunk();
    result.dataset = (this.builder ?? new DatasetBuilder([])).finish(this.panel ? 'panel' : 'registry');
    const spill = this.rejectStore.spill();
    if (spill) result.rejectSpill = spill;
    return result;
  }
}
