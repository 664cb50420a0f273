import { open } from 'node:fs/promises';
import { StringDictionary } from '../../dataset/string-dictionary.js';
import type { CategoryColumn, NumColumn } from '../../dataset/dataset.js';
import { CsvRecordParser } from '../csv/csv-record-parser.js';
import { ByteCsvReader } from '../csv/byte-csv-reader.js';
import { csvLimits } from '../csv/csv-problem.js';
import type { CellProblem } from '../convert-row.js';
import { convertSetup } from '../convert-setup.js';
import type { ProblemRow } from '../problem-row.js';
import { RangeCollector } from './range-collector.js';
import type { Profile } from '../profile/profile.js';
import { emptySourceInfo } from '../read-source.js';
import type { RegionsFile } from '../../domain/regions/regions.js';
import { RecordHandler } from '../record-handler.js';

/** One byte range of a UTF-8 CSV file (or of its bytes held in memory) to read: plain data, as a worker thread receives it. */
export interface RangeTask {
  path: string;
  /**
   * The whole input's bytes when they are held in memory (a decompressed gzip file, in a
   * SharedArrayBuffer so that each worker sees them without a copy): the range is read
   * from these (`start` and `end` index into them) instead of from the file at `path`.
   */
  bytes?: Uint8Array;
  /** File name as reported (`basename(path)`). */
  name: string;
  /** First byte (after a byte order mark for the first range). */
  start: number;
  /** Byte after the last. */
  end: number;
  /** Whether the range ends the file (its reader sees the end of input). */
  last: boolean;
  /** Header cells for a range that does not start the file (the first range reads its header itself). */
  header: string[] | null;
  delimiter: string;
  profile: Profile;
  regions: RegionsFile;
  maxFieldChars?: number;
  maxColumns?: number;
  maxRecordChars?: number;
}

/** A text column shipped as a dictionary and codes (a few distinct strings instead of one per row). */
export interface CodedText {
  codes: Int32Array;
  dict: string[];
}

/**
 * What reading one range gives: every converted row (duplicates included: they are found
 * when the ranges are merged, in order), rejects and warnings with lines counted from the
 * range's first line (1), and whether the range ended between two records.
 */
export interface RangeOutput {
  /** True when the reader stopped between two records at the range's end (always true for the last range). */
  clean: boolean;
  /** Physical lines in the range, as the CSV reader counts them (LF, CRLF, lone CR). */
  lines: number;
  read: number;
  blank: number;
  /** Title, unit, total and note lines met, and rows with a qualified type label (a file with any is read sequentially). */
  tableLines: number;
  rejects: ProblemRow[];
  replacementChars: number;
  /** Converted rows (candidates). */
  rows: number;
  num: Record<string, NumColumn>;
  cat: Record<string, CategoryColumn>;
  text: Record<string, CodedText>;
  /** Line of each row, from the range's first line. */
  line: Uint32Array;
  /** Row of each warning, in order. */
  warnRow: Int32Array;
  /** Code of each warning, as an index into `warnCodes`. */
  warnCode: Int32Array;
  warnCodes: string[];
  /** The first warnings of each code in this range (`WARNINGS_KEPT_PER_CODE` per code), in order. */
  kept: CellProblem[];
  /** Index (into warnRow) of each kept warning. */
  keptAt: Int32Array;
  /** Rows with each present field missing, over all candidate rows (a check for the merge). */
  missing: Record<string, number>;
}

/** Bytes read from the file at a time, into one buffer used again for each read. */
const READ_BYTES = 1 << 20;
/** Read buffers of finished ranges, for the next range of this thread (new memory costs page faults). */
const spareBuffers: Uint8Array[] = [];

/**
 * Read the range from its file through `reader`: one buffer, filled again after each read
 * with the incomplete line moved to its front (no new memory per chunk, which costs page
 * faults); a line longer than the buffer goes to the parser as it comes. `expect` is
 * told the bytes read after the first buffer.
 */
async function readRangeFile(task: RangeTask, reader: ByteCsvReader, expect: (used: number) => void): Promise<void> {
  const fh = await open(task.path, 'r');
  const buf = spareBuffers.pop() ?? new Uint8Array(READ_BYTES);
  try {
    let have = 0;
    let pos = task.start;
    while (pos < task.end) {
      const { bytesRead } = await fh.read(buf, have, Math.min(buf.length - have, task.end - pos), pos);
      if (bytesRead === 0) break;
      pos += bytesRead;
      have += bytesRead;
      const used = reader.lines(buf.subarray(0, have), have === buf.length);
      if (pos - have === task.start) expect(used);
      buf.copyWithin(0, used, have);
      have -= used;
    }
    reader.finish(buf.subarray(0, have), task.last);
  } finally {
    if (spareBuffers.length < 2) spareBuffers.push(buf);
    await fh.close();
  }
}

/**
 * Read one byte range of a UTF-8 CSV file (from the file, or from `task.bytes` when the
 * input is held in memory) the way the sequential ingest reads the whole file (same
 * parser, fast path and `convertRow`, through {@link RecordHandler}), keeping every
 * converted row. Runs in a worker thread (`ingest-range-worker.ts`) or inline.
 *
 * @param task the range and what reading it needs
 * @param onProgress called with the records read so far, now and then
 * @returns the range's rows, rejects and warnings
 * @throws Error when the file cannot be read (the caller falls back to reading sequentially)
 * @example
 * const out = await ingestRange({ path, name: 'a.csv', start: 0, end: size, last: true, header: null, delimiter: ',', profile, regions });
 * out.clean; // => true
 */
export async function ingestRange(task: RangeTask, onProgress?: (read: number) => void): Promise<RangeOutput> {
  const target = new RangeCollector(task.name, onProgress);
  const handler = rangeHandler(task, target);
  const parser = new CsvRecordParser({ delimiter: task.delimiter, ...csvLimits(task) });
  if (task.header) {
    handler.setHeader(task.header);
    parser.expectedFields = task.header.length;
  }
  const replacement = { chars: 0 };
  const reader = new ByteCsvReader(parser, {
    sink: handler.sink,
    bytes: handler.byteLine,
    decoded: (t) => countReplacements(t, replacement),
    maxLineBytes: parser.maxLineChars,
  });
  /** After the first MiB: room for the rows the range will give at that rate (2 % more), so that columns are not copied as they grow. */
  const expect = (used: number): void => {
    const b = target.builder;
    if (b !== null && b.length > 0 && used > 0)
      b.reserve(Math.ceil(((b.length * (task.end - task.start)) / used) * 1.02) + 16);
  };
  if (task.bytes) readRangeBytes(task, task.bytes, reader, expect);
  else await readRangeFile(task, reader, expect);
  // the first range may end right after the header row (its header was checked before the split)
  handler.finish();
  handler.plan?.flushMissing(target.missing);
  return rangeOutput(task, { target, handler, parser, replacementChars: replacement.chars });
}

/** The record handler of a range: the task's profile, conversion tables and limits, writing into `target`. */
function rangeHandler(task: RangeTask, target: RangeCollector): RecordHandler {
  const info = emptySourceInfo();
  info.path = task.path;
  info.name = task.name;
  const setup = { profile: task.profile, convert: convertSetup(task.profile, task.regions), info, path: task.path };
  return new RecordHandler({ ...setup, ...csvLimits(task) }, target, task.delimiter);
}

/** Count the replacement characters (U+FFFD) of a decoded line into `count.chars`; returns the line. */
function countReplacements(t: string, count: { chars: number }): string {
  for (let i = t.indexOf('\uFFFD'); i >= 0; i = t.indexOf('\uFFFD', i + 1)) count.chars++;
  return t;
}

/** Read the range from the input's bytes held in memory: the first MiB (then `expect`), then the rest. */
function readRangeBytes(
  task: RangeTask,
  bytes: Uint8Array,
  reader: ByteCsvReader,
  expect: (used: number) => void,
): void {
  const range = bytes.subarray(task.start, task.end);
  const first = reader.lines(range.subarray(0, Math.min(range.length, READ_BYTES)));
  expect(first);
  const rest = range.subarray(first);
  reader.finish(rest.subarray(reader.lines(rest)), task.last);
}

/** What reading a range left behind, for {@link rangeOutput}. */
interface RangeRead {
  target: RangeCollector;
  handler: RecordHandler;
  parser: CsvRecordParser;
  replacementChars: number;
}

/** The range's output from what its reading collected (text columns coded; arrays made typed, to transfer). */
function rangeOutput(task: RangeTask, { target, handler, parser, replacementChars }: RangeRead): RangeOutput {
  if (!target.builder) throw new Error(`range ${task.start}-${task.end} of ${task.name} has no header`);
  // the columns go to the main thread, which copies them once into the merged dataset (mergeColumns)
  const ds = target.builder.finish('registry', { inPlace: true });
  const text: Record<string, CodedText> = {};
  for (const [k, values] of Object.entries(ds.text)) text[k] = codeText(values);
  return {
    clean: task.last || parser.betweenRecords,
    lines: parser.nextLine - 1,
    read: handler.counts.read,
    blank: handler.counts.blank,
    tableLines: (handler.counts.skipped ?? 0) + target.qualified,
    rejects: target.rejects,
    replacementChars,
    rows: ds.length,
    num: ds.num,
    cat: ds.cat,
    text,
    line: ds.source.line,
    warnRow: Int32Array.from(target.warnRow),
    warnCode: Int32Array.from(target.warnCode),
    warnCodes: target.warnCodes.values,
    kept: target.kept,
    keptAt: Int32Array.from(target.keptAt),
    missing: target.missing,
  };
}

/** The buffers of a range's output, to transfer (not copy) to the main thread. */
export function rangeTransferList(out: RangeOutput): ArrayBuffer[] {
  const views = [
    ...Object.values(out.num),
    ...Object.values(out.cat).map((c) => c.codes),
    ...Object.values(out.text).map((t) => t.codes),
    out.line,
    out.warnRow,
    out.warnCode,
    out.keptAt,
  ];
  return [...new Set(views.map((v) => v.buffer as ArrayBuffer))];
}

function codeText(values: string[]): CodedText {
  const dict = new StringDictionary();
  const codes = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) codes[i] = dict.code(values[i]);
  return { codes, dict: dict.values };
}
