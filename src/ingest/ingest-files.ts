import { createLogger, type Logger } from '../core/logger.js';
import { FIELDS } from '../dataset/fields.js';
import { CsvRecordParser } from './csv/csv-record-parser.js';
import { tableDelimiter } from './header/table-layout.js';
import { csvLimits } from './csv/csv-problem.js';
import { emptySourceInfo, readSource, type SourceInfo } from './read-source.js';
import { convertSetup } from './convert-setup.js';
import { RecordHandler } from './record-handler.js';
import { ingestParallel } from './parallel/ingest-parallel.js';
import type { IngestOptions } from './ingest-options.js';
import type { IngestResult } from './ingest-result.js';
import { feedWorkbook, openWorkbookInput, sniffInput } from './xlsx/workbook-input.js';
import { OrgIngestRun, type OrgIngestFile } from './org-ingest-run.js';

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
  if (
    options.parallel &&
    paths.length === 1 &&
    !options.referencePath &&
    (await sniffInput(paths[0])).format === 'text'
  ) {
    const parallel = await ingestParallel(paths[0], options, convert, log);
    if (parallel !== null) return parallel;
  }
  const run = new OrgIngestRun(options, log);
  for (let index = 0; index < paths.length; index++) {
    const info = emptySourceInfo();
    const f: OrgIngestFile = { index, info, yearCol: false, handler: null };
    const setup = {
      profile,
      convert,
      info,
      path: paths[index],
      ...csvLimits(options),
      referencePath: options.referencePath,
      headerRow: options.headerRow,
    };
    f.handler = new RecordHandler(setup, run.target(f), options.delimiter ?? '');
    await feedOrgFile(f.handler, paths[index], info, { ...options, logger: log });
    run.endFile(f);
  }
  return run.finish();
}

/**
 * Feed one file's records to its handler. An Excel workbook: its sheet's rows are the
 * records (lines = row numbers). Text: plain lines (one line, no quotes) go straight to the
 * fast path, read in place; the parser makes records of the others, and of the lines the
 * fast path turns down.
 */
async function feedOrgFile(
  handler: RecordHandler,
  path: string,
  info: SourceInfo,
  options: IngestOptions & { logger: Logger },
): Promise<void> {
  const workbook = await openWorkbookInput(path, info, options, 'organizations');
  if (workbook) {
    await feedWorkbook(workbook, (items) => handler.handle(items), handler.counts, options.logger);
    info.mergedCellsFilled = workbook.stats.filled;
    return;
  }
  let parser: CsvRecordParser | null = null;
  for await (const text of (options.openSource ?? readSource)(path, info, options.encoding, options.maxInputBytes)) {
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

/** Canonical fields in canonical order (re-exported for callers building headers). */
export const CANONICAL_FIELD_NAMES = FIELDS.map((f) => f.name);
