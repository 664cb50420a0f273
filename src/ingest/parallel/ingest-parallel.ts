import { existsSync } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Logger } from '../../core/logger.js';
import * as msg from '../../core/messages/index.js';
import { CsvRecordParser } from '../csv/csv-record-parser.js';
import { csvLimits } from '../csv/csv-problem.js';
import type { ConvertSetup } from '../convert-setup.js';
import { fileHeader } from '../header/file-header.js';
import { judgeOrganizationHeader } from '../header/judge-header.js';
import { tableDelimiter } from '../header/table-layout.js';
import { isSubHeader } from '../header/table-lines.js';
import type { HeaderMapping } from '../header/map-headers.js';
import type { IngestOptions } from '../ingest-options.js';
import type { IngestResult } from '../ingest-result.js';
import type { ParallelInfo, ParallelOptions } from './parallel-options.js';
import { emptySourceInfo, readSource, type SourceInfo } from '../read-source.js';
import { FIELDS } from '../../dataset/fields.js';
import { hashFile } from './hash-file.js';
import { ingestRange, rangeTransferList, type RangeOutput, type RangeTask } from './ingest-range.js';
import { mergeRanges, type MergedRanges } from './merge-ranges.js';
import { STREAM_RANGE_BYTES, streamRanges, type StreamRefusal } from './stream-ranges.js';
import { RANGE_WORKER_URL, startRangeWorkers, type RangeWorkers } from './range-workers.js';
import { readGzipText } from './read-gzip-text.js';
import { readTranscodedText } from './read-transcoded-text.js';
import { splitRanges } from './split-ranges.js';

export type { ParallelInfo, ParallelOptions } from './parallel-options.js';

/** Files smaller than this (decompressed, for gzip) are read sequentially. */
export const PARALLEL_MIN_BYTES = 16 * 1024 * 1024;
/** Gzip files larger than this (compressed) are read sequentially. */
export const PARALLEL_MAX_GZIP_BYTES = 256 * 1024 * 1024;
/** Gzip files that decompress to more than this are read sequentially (the text is held in memory). */
export const PARALLEL_MAX_GZIP_TEXT = 512 * 1024 * 1024;
/**
 * Gzip files whose text is more than this many times their size are read sequentially:
 * the parallel read holds the text and every range's rows in memory, and a ratio this high
 * (CSV exports compress 3–10 times) is a file of repeated rows or a decompression bomb,
 * which the sequential read takes in bounded memory.
 */
export const PARALLEL_MAX_GZIP_RATIO = 20;
/** Encodings read in parallel after transcoding the file to UTF-8 (in memory, up to {@link PARALLEL_MAX_GZIP_TEXT} bytes). */
const TRANSCODED: ReadonlySet<string> = new Set(['gb18030', 'utf-16le', 'utf-16be']);
/** Most worker threads used by default. */
const MAX_WORKERS = 4;

/**
 * Read one large UTF-8 CSV file by byte ranges in worker threads, with exactly the result
 * of the sequential ingest, or return null to have it read sequentially. Eligible: a
 * regular file (not stdin) of at least `minBytes`, or a gzip file of at most
 * {@link PARALLEL_MAX_GZIP_BYTES} whose text has from `minBytes` to
 * {@link PARALLEL_MAX_GZIP_TEXT} bytes, UTF-8 (detected as readSource detects it, or
 * forced), a header on one line, and at least two ranges. A gzip file is decompressed into
 * shared memory first (its SHA-256 computed meanwhile, {@link readGzipText}). The file or
 * text is cut just after line feeds; each worker reads its range (from the file, or from
 * the shared bytes) with the same parser, fast path and `convertRow` (no duplicate check),
 * while this thread hashes an uncompressed file (SHA-256 for provenance); the outputs are
 * merged in order ({@link mergeRanges}).
 * When a range did not start a record (a quoted field with a line break across a cut, a
 * broken quote whose recovery looks past it) or a worker fails, the parallel work is
 * dropped and null is returned.
 *
 * @param path the input file
 * @param options the ingest options (`parallel` set)
 * @param convert the run's conversion tables
 * @param log logger for the file's notes and warnings (written only when the result is returned)
 * @returns the ingest result, or null to read sequentially
 * @throws never for the input's content (errors are left to the sequential reader)
 * @example
 * const r = await ingestParallel('panel.csv', { profile, regions, parallel: {} }, convertSetup(profile, regions), log);
 */
export async function ingestParallel(
  path: string,
  options: IngestOptions,
  convert: ConvertSetup,
  log: Logger,
): Promise<IngestResult | null> {
  const par = options.parallel ?? {};
  const tell = teller(par);
  const workers = par.workers ?? Math.min(availableParallelism(), MAX_WORKERS);
  // --max-input-bytes is checked as the sequential reader decompresses
  if (
    path === '-' ||
    workers < 2 ||
    options.maxInputBytes !== undefined ||
    (options.encoding !== undefined && options.encoding !== 'utf-8')
  )
    return tell('not-eligible');
  const fileSize = await regularFileSize(path);
  const minBytes = par.minBytes ?? PARALLEL_MIN_BYTES;
  const lead = fileSize === null ? null : await firstBytes(path, 3);
  if (fileSize === null || lead === null) return tell('not-eligible');
  const gzip = lead[0] === 0x1f && lead[1] === 0x8b;
  if (gzip ? fileSize > PARALLEL_MAX_GZIP_BYTES : fileSize < minBytes) return tell('not-eligible');
  if (!par.inline && !existsSync(fileURLToPath(RANGE_WORKER_URL))) return tell('no-worker');
  // the workers load their modules while this thread reads the header and decompresses
  let warm: RangeWorkers | null = null;
  if (!par.inline) {
    try {
      warm = startRangeWorkers(workers);
    } catch {
      return tell('worker-failed');
    }
  }
  try {
    return await readByRanges(path, options, log, { workers, gzip, fileSize, minBytes, lead, warm });
  } finally {
    warm?.stop();
  }
}

/** A function that tells `par.onInfo` an outcome (with the range bounds) and returns null, for `return tell(…)` where the file is to be read sequentially. */
function teller(par: ParallelOptions): (outcome: ParallelInfo['outcome'], bounds?: number[]) => null {
  return (outcome, bounds) => {
    par.onInfo?.({ outcome, bounds });
    return null;
  };
}

/** What {@link ingestParallel} found out before reading the ranges. */
interface Eligible {
  workers: number;
  gzip: boolean;
  fileSize: number;
  minBytes: number;
  lead: Buffer;
  /** Started workers (null: read inline). */
  warm: RangeWorkers | null;
}

/** The body of {@link ingestParallel} once the file is eligible and the workers started. */
async function readByRanges(
  path: string,
  options: IngestOptions,
  log: Logger,
  e: Eligible,
): Promise<IngestResult | null> {
  const { workers, gzip, fileSize, minBytes, lead, warm } = e;
  const par = options.parallel ?? {};
  const tell = teller(par);
  const info = emptySourceInfo();
  const head = await readHead(path, info, options);
  // GB18030 and UTF-16 files are transcoded to UTF-8 once, then read by ranges as UTF-8
  const transcode = !gzip && TRANSCODED.has(info.encoding) && options.encoding === undefined;
  if (head === null || info.gzip !== gzip || (info.encoding !== 'utf-8' && !transcode)) return tell('not-eligible');
  const delimiter = options.delimiter || tableDelimiter(head);
  const parsed = headerOf(head, delimiter, options, { info, path });
  if (parsed === null) return tell('header');
  const maxText = Math.min(PARALLEL_MAX_GZIP_TEXT, fileSize * PARALLEL_MAX_GZIP_RATIO);
  const unpacked = gzip
    ? await readGzipText(path, { minText: minBytes, maxText })
    : transcode
      ? await readTranscodedText(path, info.encoding, { maxText: PARALLEL_MAX_GZIP_TEXT, sizeHint: fileSize })
      : null;
  if ((gzip || transcode) && unpacked === null) return tell('not-eligible');
  const text = unpacked?.text;
  const size = text ? text.length : fileSize;
  const first = text ?? lead;
  // a GB18030 byte order mark is text (U+FEFF) to the sequential reader, as in the transcoded text
  const bom = !transcode && first[0] === 0xef && first[1] === 0xbb && first[2] === 0xbf ? 3 : 0;
  const headerEnd = bom + Buffer.byteLength(head.slice(0, parsed.lineEnd));
  // streamed (chunks): many ranges of ~16 MiB, so that only a few ranges' rows are in memory at once
  const parts = options.chunks ? Math.max(workers, Math.ceil(size / STREAM_RANGE_BYTES)) : workers;
  const wanted = par.splitAt ?? Array.from({ length: parts - 1 }, (_, k) => Math.floor((size * (k + 1)) / parts));
  const bounds = await splitRanges(text ?? path, size, wanted, { minStart: headerEnd, first: bom });
  if (bounds.length < 3) return tell('too-few-ranges', bounds);

  const name = basename(path);
  const tasks: RangeTask[] = bounds.slice(1).map((end, k) => ({
    path,
    bytes: text,
    name,
    start: bounds[k],
    end,
    last: k === bounds.length - 2,
    header: k === 0 ? null : parsed.cells,
    delimiter,
    profile: options.profile,
    regions: options.regions,
    ...csvLimits(options),
  }));
  const read = new Array<number>(tasks.length).fill(0);
  const progress = (k: number, n: number): void => {
    read[k] = n;
    options.onProgress?.(read.reduce((a, b) => a + b, 0));
  };
  const hashing = unpacked ? Promise.resolve({ sha256: unpacked.sha256, bytes: unpacked.bytes }) : hashFile(path);
  const present = FIELDS.map((f) => f.name).filter((f) => parsed.header.present.includes(f));
  const into = { header: parsed.header, present, sink: options.chunks };
  par.onReading?.();
  let merged: MergedRanges | StreamRefusal;
  if (into.sink) merged = await streamRanges(tasks, warm, progress, { ...into, sink: into.sink });
  else {
    const outs = await (warm === null ? runInline(tasks, progress) : warm.run(tasks, progress)).catch(() => null);
    merged = outs === null ? 'worker-failed' : mergeRanges(outs, name, parsed.header, present);
  }
  if (typeof merged === 'string') {
    await hashing.catch(() => undefined);
    options.chunks?.reset(); // rows already handed over are read again sequentially
    return tell(merged, bounds);
  }
  const { sha256, bytes } = await hashing;

  info.sha256 = sha256;
  info.bytes = bytes;
  info.replacementChars = merged.replacementChars;
  for (const extra of parsed.header.ignored) log.info('I_IGNORED_COLUMN', msg.ignoredColumn(info.name, extra));
  if (info.replacementChars > 0)
    log.warn('W_DECODE', msg.decodeReplacement(info.name, info.replacementChars, info.encoding));
  if (info.detected) log.warn('W_ENCODING_MISMATCH', msg.encodingMismatch(info.name, info.encoding, info.detected));
  par.onInfo?.({ outcome: 'parallel', bounds });
  const { dataset, counts, replacementChars: _, ...rest } = merged;
  return { dataset, sources: [{ ...info, delimiter, header: parsed.header, counts }], counts: { ...counts }, ...rest };
}

/** The file's size when it is a regular file, else null. */
async function regularFileSize(path: string): Promise<number | null> {
  try {
    const s = await stat(path);
    return s.isFile() ? s.size : null;
  } catch {
    return null;
  }
}

/** The first `n` bytes of a file, or null when it cannot be read. */
async function firstBytes(path: string, n: number): Promise<Buffer | null> {
  try {
    const fh = await open(path, 'r');
    try {
      const b = Buffer.alloc(n);
      await fh.read(b, 0, n, 0);
      return b;
    } finally {
      await fh.close();
    }
  } catch {
    return null;
  }
}

/**
 * The first text chunk of the input, opened as the sequential ingest opens it (so the
 * encoding is decided the same way and a peeked header is replayed), then closed; `info`
 * holds the encoding afterwards. Null when there is no text or it cannot be read.
 */
async function readHead(path: string, info: SourceInfo, options: IngestOptions): Promise<string | null> {
  const source = (options.openSource ?? readSource)(path, info, options.encoding)[Symbol.asyncIterator]();
  try {
    const first = await source.next();
    return first.done ? null : first.value;
  } catch {
    return null;
  } finally {
    await source.return?.(undefined);
  }
}

/** The header cells when the header sits on the first physical line and is usable, with the end of that line (line break included) in `text`. */
function headerOf(
  text: string,
  delimiter: string,
  options: IngestOptions,
  source: { info: SourceInfo; path: string },
): { cells: string[]; header: HeaderMapping; lineEnd: number } | null {
  try {
    const i = text.search(/[\r\n]/);
    if (i < 0 || (options.headerRow !== undefined && options.headerRow !== 1)) return null;
    const lineEnd = text.startsWith('\r\n', i) ? i + 2 : i + 1;
    const parser = new CsvRecordParser({ delimiter, ...csvLimits(options) });
    const items = parser.push(text.slice(0, lineEnd));
    const first = items[0];
    if (items.length !== 1 || first.kind !== 'record' || parser.nextLine !== 2 || !parser.betweenRecords) return null;
    // the sequential reader's table finder would take these rows as the header: the same here,
    // or the file is read sequentially (a header further down, or on two rows)
    if (!judgeOrganizationHeader(first.fields, options.profile).ok) return null;
    const j = text.slice(lineEnd).search(/[\r\n]/);
    const second = new CsvRecordParser({ delimiter }).push(j < 0 ? '' : text.slice(lineEnd, lineEnd + j + 1))[0];
    if (j < 0 || (second?.kind === 'record' && isSubHeader(first.fields, second.fields))) return null;
    const { header } = fileHeader(first.fields, options.profile, source);
    return { cells: first.fields, header, lineEnd };
  } catch {
    return null;
  }
}

/** Read the ranges one after another in this thread, each output cloned as a worker would post it. */
async function runInline(tasks: RangeTask[], progress: (k: number, n: number) => void): Promise<RangeOutput[]> {
  const outs: RangeOutput[] = [];
  for (let k = 0; k < tasks.length; k++) {
    const out = await ingestRange(structuredClone(tasks[k]), (n) => progress(k, n));
    outs.push(structuredClone(out, { transfer: rangeTransferList(out) }));
  }
  return outs;
}
