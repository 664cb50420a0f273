import type { InputEncoding } from './decode/detect-encoding.js';
import { detectInputKind, type InputKind } from './aggregate/detect-input-kind.js';
import { ingestAggregate, type AggregateIngestResult } from './aggregate/ingest-aggregate.js';
import { ingestFiles, type IngestOptions, type IngestResult } from './ingest-files.js';
import { peekHeader } from './peek-header.js';
import { emptySourceInfo, readSource, type SourceInfo } from './read-source.js';
import { openWorkbookInput } from './xlsx/workbook-input.js';

/** What reading an input gives: organization rows (`dataset` set) or an aggregated table (`dataset: null`, `cube` set). */
export type AnyIngestResult = IngestResult | AggregateIngestResult;

/** Options of {@link ingestInput}: those of ingestFiles plus the input kind. */
export interface IngestInputOptions extends IngestOptions {
  /** Force the kind instead of detecting it from the first file's header. */
  inputKind?: InputKind;
}

/**
 * Read the inputs as organization rows or as an aggregated (yearbook-style) table: the kind
 * is `inputKind` when given, else detected from the header of the first file (see
 * {@link detectInputKind}); the first file is read once either way (standard input too).
 *
 * @param paths input files (`-` for stdin); several files are one input of one kind
 * @param options profile, regions, encoding, delimiter, logger, and the kind
 * @returns the ingest result with its kind
 * @throws SoqaError as ingestFiles and ingestAggregate
 * @example
 * const r = await ingestInput(['national.csv'], { profile, regions });
 * r.dataset === null; // => true for an aggregated table
 */
export async function ingestInput(
  paths: string[],
  options: IngestInputOptions,
): Promise<{ kind: InputKind; ingest: AnyIngestResult }> {
  let kind = options.inputKind;
  let openSource = options.openSource;
  const info = emptySourceInfo();
  const workbook = kind === undefined && paths.length ? await openWorkbookInput(paths[0], info, options, 'any') : null;
  if (workbook) {
    // a workbook: its chosen sheet's header row says the kind; the reader takes the sheet as opened
    kind = detectInputKind(workbook.headerCells, options.profile);
    const prepared = { path: paths[0], opened: workbook, info };
    try {
      if (kind === 'aggregate') return { kind, ingest: await ingestAggregate(paths, { ...options, prepared }) };
      return { kind, ingest: await ingestFiles(paths, { ...options, prepared }) };
    } finally {
      workbook.close();
    }
  }
  if (kind === undefined) {
    const peeked = paths.length
      ? await peekHeader(paths[0], {
          encoding: options.encoding,
          delimiter: options.delimiter,
          profile: options.profile,
          headerRow: options.headerRow,
          maxInputBytes: options.maxInputBytes,
        })
      : null;
    kind = peeked?.header ? detectInputKind(peeked.header, options.profile) : 'organizations';
    if (peeked) {
      let replayed = false;
      openSource = (path: string, info: SourceInfo, encoding?: InputEncoding, maxInputBytes?: number) => {
        if (path === paths[0] && !replayed) {
          replayed = true;
          return peeked.replay(info);
        }
        return (options.openSource ?? readSource)(path, info, encoding, maxInputBytes);
      };
    }
  }
  if (kind === 'aggregate') return { kind, ingest: await ingestAggregate(paths, { ...options, openSource }) };
  return { kind, ingest: await ingestFiles(paths, { ...options, openSource }) };
}
