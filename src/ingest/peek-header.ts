import type { InputEncoding } from './decode/detect-encoding.js';
import { CsvRecordParser } from './csv/csv-record-parser.js';
import { detectDelimiter } from './csv/detect-delimiter.js';
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

/**
 * Read an input just far enough to know its header row (decoding and gzip as usual), then
 * hand back a replay of the whole source, so that the header can decide how the input is
 * read without reading a file, or standard input, twice.
 *
 * @param path file path, or `-` for standard input
 * @param encoding force an encoding instead of detecting it
 * @param delimiter force a delimiter instead of detecting it from the first line
 * @param maxInputBytes refuse an input larger than this, decompressed (see readSource)
 * @returns the header cells and the replay
 * @throws SoqaError E_INPUT_READ when the file cannot be opened (exit 2)
 * @example
 * const p = await peekHeader('table.csv');
 * p.header; // => ['地区', '年份', '社会团体', '民办非企业单位', '基金会']
 */
export async function peekHeader(
  path: string,
  encoding?: InputEncoding,
  delimiter?: string,
  maxInputBytes?: number,
): Promise<PeekedSource> {
  const peekInfo = emptySourceInfo();
  const source = readSource(path, peekInfo, encoding, maxInputBytes);
  const seen: string[] = [];
  let parser: CsvRecordParser | null = null;
  let header: string[] | null = null;
  let done = false;
  for (;;) {
    const next = await source.next();
    if (next.done) {
      done = true;
      const first = (parser ?? new CsvRecordParser({ delimiter: delimiter || ',' })).end()[0];
      if (first?.kind === 'record') header = first.fields;
      break;
    }
    seen.push(next.value);
    if (!parser) {
      const text = next.value;
      const i = text.search(/[\r\n]/);
      parser = new CsvRecordParser({ delimiter: delimiter || detectDelimiter(i < 0 ? text : text.slice(0, i)) });
    }
    const items = parser.push(next.value);
    if (items.length) {
      if (items[0].kind === 'record') header = items[0].fields;
      break;
    }
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
