import type { InputEncoding } from './decode/detect-encoding.js';
import { CsvRecordParser } from './csv/csv-record-parser.js';
import { SoqaError } from '../core/soqa-error.js';
import type { CsvItem } from './csv/csv-record-parser.js';
import { judgeAnyHeader } from './header/judge-header.js';
import { TableFinder } from './header/table-finder.js';
import { tableDelimiter } from './header/table-layout.js';
import type { Profile } from './profile/profile.js';
import { emptySourceInfo, readSource, type SourceInfo } from './read-source.js';

/** A source whose header was read ahead, and a way to read it again from the start. */
export interface PeekedSource {
  /** The header cells, or null when the first record could not be parsed (or there is none). */
  header: string[] | null;
  /**
   * Stream the source from its first character, as {@link readSource} would, filling
   * `info` (the bytes are read once: what the peek read is replayed). Call it once.
   */
  replay: (info: SourceInfo) => AsyncGenerator<string>;
}

/** What {@link peekHeader} looks for the header with. */
export interface PeekOptions {
  /** Force an encoding instead of detecting it. */
  encoding?: InputEncoding;
  /** Force a delimiter instead of detecting it. */
  delimiter?: string;
  /** The profile: the header is the first row that maps the required columns of either kind of input. */
  profile?: Profile;
  /** The header's line (`--header-row`). */
  headerRow?: number;
  /** Refuse an input larger than this, decompressed (see readSource). */
  maxInputBytes?: number;
}

/** Thrown inside the peek when no header is found: the reader proper reports it. */
const NOT_FOUND = Symbol('no header');

/**
 * Read an input just far enough to know its header row (decoding and gzip as usual): with a
 * profile, the first row within the first 30 that maps the required columns of organization
 * rows or of an aggregated table (titles and unit lines above it skipped, a two-row header
 * combined; see TableFinder), else the first record. Then hand back a replay of the whole
 * source, so that the header can decide how the input is read without reading a file, or
 * standard input, twice.
 *
 * @param path file path, or `-` for standard input
 * @param options encoding, delimiter, profile, header line, input size limit
 * @returns the header cells and the replay
 * @throws SoqaError E_INPUT_READ when the file cannot be opened (exit 2)
 * @example
 * const p = await peekHeader('table.csv', { profile });
 * p.header; // => ['地区', '年份', '社会团体', '民办非企业单位', '基金会']
 */
export async function peekHeader(path: string, options: PeekOptions = {}): Promise<PeekedSource> {
  const { encoding, delimiter, profile, headerRow, maxInputBytes } = options;
  const peekInfo = emptySourceInfo();
  const source = readSource(path, peekInfo, encoding, maxInputBytes);
  const seen: string[] = [];
  let parser: CsvRecordParser | null = null;
  let header: string[] | null = null;
  let done = false;
  const finder = new TableFinder(
    (cells) => (profile ? judgeAnyHeader(cells, profile) : { ok: true, score: 0 }),
    headerRow,
    () => {
      throw NOT_FOUND;
    },
    path,
  );
  /** Feed items to the finder; true once decided (or undecidable). */
  const take = (items: CsvItem[], atEnd: boolean): boolean => {
    try {
      for (const item of items) {
        if (item.kind !== 'record') return true;
        const start = finder.push(item);
        if (start) {
          header = start.header;
          return true;
        }
      }
      if (atEnd) header = finder.end()?.header ?? null;
      return atEnd;
    } catch (e) {
      if (e === NOT_FOUND || e instanceof SoqaError) return true;
      throw e;
    }
  };
  for (;;) {
    const next = await source.next();
    if (next.done) {
      done = true;
      take((parser ?? new CsvRecordParser({ delimiter: delimiter || ',' })).end(), true);
      break;
    }
    seen.push(next.value);
    parser ??= new CsvRecordParser({ delimiter: delimiter || tableDelimiter(next.value) });
    if (take(parser.push(next.value), false)) break;
  }
  const replay = async function* (info: SourceInfo): AsyncGenerator<string> {
    try {
      Object.assign(info, peekInfo);
      for (const t of seen.splice(0)) yield t;
      if (!done) for await (const t of source) yield t;
      Object.assign(info, peekInfo);
    } finally {
      // a reader that stops early (return()) closes the source
      if (!done) await source.return(undefined);
    }
  };
  return { header, replay };
}
