import { createLogger } from '../core/logger.js';
import { SoqaError } from '../core/soqa-error.js';
import * as msg from '../core/messages/index.js';
import { FIELDS } from '../dataset/fields.js';
import { DatasetBuilder } from '../dataset/dataset-builder.js';
import type { Dataset } from '../dataset/dataset.js';
import { CsvRecordParser } from './csv/csv-record-parser.js';
import { tableDelimiter, tableLayout } from './header/table-layout.js';
import { checkListTotals } from './header/check-list-total.js';
import { csvLimits } from './csv/csv-problem.js';
import { emptySourceInfo, readSource } from './read-source.js';
import type { CellProblem } from './convert-row.js';
import { convertSetup } from './convert-setup.js';
import { OrgYearLedger } from './org-year-ledger.js';
import { duplicateReject } from './duplicate-reject.js';
import { RejectStore } from './reject-store.js';
import { RecordHandler, WARNINGS_KEPT_PER_CODE, type RecordTarget, type RowCounts } from './record-handler.js';
import { ingestParallel } from './parallel/ingest-parallel.js';
import type { IngestOptions } from './ingest-options.js';
import type { IngestResult } from './ingest-result.js';
import { feedWorkbook, openWorkbookInput, sniffInput } from './xlsx/workbook-input.js';
import { rowWhere } from './xlsx/row-label.js';

export type { RowCounts } from './record-handler.js';

export type { ProblemRow } from './problem-row.js';
export type { ChunkSink, IngestOptions } from './ingest-options.js';
export type { IngestResult } from './ingest-result.js';

/**
 * Read one or more registry or annual-report CSV files into a typed dataset. Every data
 * record ends up accepted or in `rejects` with its file, line, column, value and reason;
 * warnings are counted by code. Several files are one dataset (their headers may differ;
 * required columns must be in each).
 *
 * @param paths input files (`-` for stdin)
 * @param options profile, regions, encoding and delimiter overrides, logger
 * @returns the dataset, per-source information, rejects, warnings and counts
 * @throws SoqaError E_EMPTY_INPUT, E_MISSING_COLUMN, E_BINARY_INPUT, E_DUPLICATE_COLUMN, E_BAD_HEADER, E_MIXED_SHAPES,
 *   E_INPUT_READ (exit 2)
 * @example
 * const r = await ingestFiles(['orgs.csv'], { profile, regions });
 * r.counts.read === r.counts.accepted + r.counts.rejected; // => true
 */
export async function ingestFiles(paths: string[], options: IngestOptions): Promise<IngestResult> {
  const log = options.logger ?? createLogger();
  const { profile } = options;
  const convert = convertSetup(profile, options.regions);
  const chunks = options.referencePath ? undefined : options.chunks;
  if (
    options.parallel &&
    paths.length === 1 &&
    !options.referencePath &&
    (await sniffInput(paths[0])).format === 'text'
  ) {
    const parallel = await ingestParallel(paths[0], options, convert, log);
    if (parallel !== null) return parallel;
  }
  const rejectStore = new RejectStore(options.rejectsKept, options.spillRejects);
  const result: IngestResult = {
    dataset: undefined as unknown as Dataset,
    sources: [],
    counts: { read: 0, accepted: 0, rejected: 0, blank: 0 },
    rejects: rejectStore.kept,
    warnings: [],
    rejectCounts: {},
    warningCounts: {},
    missingCounts: {},
  };
  let builder: DatasetBuilder | null = null;
  /** Accepted organization-years (duplicate detection, organization numbers); the reference path keeps `seen` instead. */
  let ledger: OrgYearLedger | null = null;
  const seen = new Map<string, string>();
  let panel = false;
  /** Organization numbers of the chunk's rows (chunk by chunk). */
  let chunkOrgs = new Int32Array(0);
  const flushChunk = (): void => {
    if (!builder || builder.length === 0) return;
    const n = builder.length;
    chunks!.onChunk(builder.flush(panel ? 'panel' : 'registry'), chunkOrgs.slice(0, n));
  };

  for (let fileIndex = 0; fileIndex < paths.length; fileIndex++) {
    const path = paths[fileIndex];
    const info = emptySourceInfo();
    let parser: CsvRecordParser | null = null;
    let yearCol = false;
    /** The accepted row with this id (and year, in a panel), as `file line n`, or null when there is none yet (it is recorded). */
    const firstOf = (id: string, year: number, line: number): string | null => {
      const first = ledger!.findOrAdd(id, year, fileIndex, line);
      return first === null ? null : rowWhere(first.file === fileIndex ? info : result.sources[first.file], first.line);
    };
    const reject = (line: number, p: CellProblem) => {
      counts.rejected++;
      result.rejectCounts[p.code] = (result.rejectCounts[p.code] ?? 0) + 1;
      rejectStore.push({ file: info.name, line, ...p });
    };
    const target: RecordTarget = {
      onHeader(header, _headers, hasYear) {
        if (!builder) builder = new DatasetBuilder(header.present);
        else for (const f of header.present) builder.ensureField(f);
        yearCol = hasYear;
        // a registry list read with a panel would give its rows no year
        if (fileIndex > 0 && panel !== yearCol)
          throw new SoqaError('E_MIXED_SHAPES', msg.mixedShapes(info.name, yearCol, result.sources[0].name), {
            file: info.name,
          });
        panel ||= yearCol;
        if (fileIndex === 0) {
          ledger = new OrgYearLedger(yearCol);
          if (chunks) chunkOrgs = new Int32Array(chunks.rows);
        }
        for (const extra of header.ignored) log.info('I_IGNORED_COLUMN', msg.ignoredColumn(info.name, extra));
        return builder;
      },
      reject,
      /** Account for a row the fast path converted: a duplicate, or accepted into the dataset. */
      acceptFast(p, line) {
        const prev = firstOf(p.id, p.year, line);
        if (prev !== null) {
          reject(line, duplicateReject(p.id, p.year, yearCol, prev));
          return;
        }
        counts.accepted++;
        p.countMissing(result.missingCounts);
        builder!.appendScratch(p.scratch, fileIndex, line);
        if (chunks) chunkRow();
      },
      acceptConverted(r, line) {
        const id = String(r.values.org_id);
        let prev: string | null | undefined;
        if (options.referencePath) {
          const key = yearCol ? `${id}|${r.values.year}` : id;
          prev = seen.get(key);
          if (prev === undefined) seen.set(key, rowWhere(info, line));
        } else prev = firstOf(id, Number(r.values.year), line);
        if (prev !== undefined && prev !== null) {
          reject(line, duplicateReject(id, r.values.year, yearCol, prev));
          return;
        }
        for (const w of r.warnings) {
          const n = (result.warningCounts[w.code] = (result.warningCounts[w.code] ?? 0) + 1);
          if (n <= WARNINGS_KEPT_PER_CODE) result.warnings.push({ file: info.name, line, ...w });
        }
        counts.accepted++;
        if (r.qualifier) {
          const byType = ((result.typeQualifiers ??= {})[String(r.values.type)] ??= {});
          byType[r.qualifier] = (byType[r.qualifier] ?? 0) + 1;
        }
        handler.countMissing(r, result.missingCounts);
        builder!.add(r.values, fileIndex, line);
        if (chunks) chunkRow();
      },
      progress: (read) => options.onProgress?.(result.counts.read + read),
    };
    /** Record the accepted row's organization; hand the chunk over when it is full. */
    const chunkRow = (): void => {
      chunkOrgs[builder!.length - 1] = ledger!.lastOrg;
      if (builder!.length >= chunks!.rows) flushChunk();
    };
    const handler = new RecordHandler(
      {
        profile,
        convert,
        info,
        path,
        ...csvLimits(options),
        referencePath: options.referencePath,
        headerRow: options.headerRow,
      },
      target,
      options.delimiter ?? '',
    );
    const counts = handler.counts;

    // an Excel workbook: its sheet's rows are the records (lines = row numbers)
    const workbook = await openWorkbookInput(path, info, { ...options, logger: log }, 'organizations');
    if (workbook) {
      await feedWorkbook(workbook, (items) => handler.handle(items), counts, log);
      info.mergedCellsFilled = workbook.stats.filled;
    } else {
      // plain lines (one line, no quotes) go straight to the fast path, read in place; the
      // parser makes records of the others, and of the lines the fast path turns down
      for await (const text of (options.openSource ?? readSource)(
        path,
        info,
        options.encoding,
        options.maxInputBytes,
      )) {
        if (!parser) {
          if (!handler.delimiter) handler.delimiter = tableDelimiter(text);
          parser = new CsvRecordParser({
            delimiter: handler.delimiter,
            ...csvLimits(options),
            noLineShortcut: options.referencePath,
          });
        }
        if (options.referencePath) handler.handle(parser.push(text));
        else parser.pushTo(text, handler.sink);
      }
      if (!parser) parser = new CsvRecordParser({ delimiter: handler.delimiter || ',' });
      if (options.referencePath) handler.handle(parser.end());
      else parser.endTo(handler.sink);
    }
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
  for (const f of (builder as DatasetBuilder | null)?.fields ?? []) result.missingCounts[f] ??= 0;
  if (chunks) flushChunk();
  result.dataset = (builder ?? new DatasetBuilder([])).finish(panel ? 'panel' : 'registry');
  const spill = rejectStore.spill();
  if (spill) result.rejectSpill = spill;
  return result;
}

/**
 * Add one file's row counts to the run's (`skipped` only when some lines were skipped).
 *
 * @param total the run's counts
 * @param counts the file's
 */
export function addCounts(total: RowCounts, counts: RowCounts): void {
  for (const k of ['read', 'accepted', 'rejected', 'blank'] as const) total[k] += counts[k];
  if (counts.skipped) total.skipped = (total.skipped ?? 0) + counts.skipped;
}

/**
 * Lines around a table by kind (`{ title: 1, note: 2 }`), for the log.
 *
 * @param lines the lines
 * @returns counts by kind, in order of first appearance
 */
export function countKinds(lines: readonly { kind: string }[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const l of lines) out[l.kind] = (out[l.kind] ?? 0) + 1;
  return out;
}

/** Canonical fields in canonical order (re-exported for callers building headers). */
export const CANONICAL_FIELD_NAMES = FIELDS.map((f) => f.name);
