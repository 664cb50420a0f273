import type { CsvRecordParser, CsvSink } from './csv-record-parser.js';

/**
 * Offered each plain line of the input as bytes: `buf.subarray(start, end)`, the line break
 * excluded, no quote and no CR in it, starting on physical line `line`. Returns true when
 * it took the line; false sends the line, decoded, to the text parser.
 */
export type ByteLineSink = (buf: Uint8Array, start: number, end: number, line: number) => boolean;

/** What a {@link ByteCsvReader} needs besides the parser. */
export interface ByteCsvReaderSetup {
  /** Where the parser delivers records and problems. */
  sink: CsvSink;
  /** The byte path for plain lines. */
  bytes: ByteLineSink;
  /** Told each text decoded for the parser (e.g. to count U+FFFD), returns it. */
  decoded?: (text: string) => string;
  /** Longest line offered to `bytes` (longer lines are the parser's: its field and record limits). */
  maxLineBytes: number;
}

const LF = 10;
const CR = 13;
const QUOTE = 34;

/**
 * Reads UTF-8 CSV input as bytes: line feeds, quotes and carriage returns are found in the
 * raw bytes (`indexOf`), and a line with neither quote nor CR goes to the byte path without
 * being decoded. Every other line — quoted fields, CR line ends, a line the byte path
 * refuses, and everything while the parser is inside a record (a quoted line break) or
 * skipping a broken line — is decoded and pushed to the text parser ({@link CsvRecordParser}),
 * which numbers lines and reports problems as before: the parser sees lines cut at line
 * feeds, which decode to the same text as the whole input.
 *
 * @example
 * const r = new ByteCsvReader(parser, { sink: handler.sink, bytes: handler.byteLine, maxLineBytes: 1 << 20 });
 * const used = r.lines(bytes); // complete lines
 * r.finish(bytes.subarray(used), true);
 */
export class ByteCsvReader {
  private readonly decoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

  /**
   * @param parser the text parser, for every line the byte path does not take
   * @param setup sink, byte path, decoded-text hook and line limit
   */
  constructor(
    private readonly parser: CsvRecordParser,
    private readonly setup: ByteCsvReaderSetup,
  ) {}

  /**
   * Read the complete lines of `buf` (up to its last line feed).
   *
   * @param buf the next bytes of the input (used during the call only)
   * @param whole when `buf` holds no line feed at all, hand it to the parser as it is (a line longer than the caller's buffer)
   * @returns where the incomplete line at its end starts (`buf.length` when it ends with a line feed):
   *   the caller passes those bytes again, followed by the next ones
   */
  lines(buf: Uint8Array, whole = false): number {
    const n = buf.length;
    const { parser } = this;
    const { bytes, maxLineBytes } = this.setup;
    let p = 0;
    // next quote and CR at or after p (n when none), looked up again once p passes them
    let quoteAt = -1;
    let crAt = -1;
    while (p < n) {
      const lf = buf.indexOf(LF, p);
      if (lf < 0) break;
      if (parser.betweenRecords && lf - p <= maxLineBytes) {
        if (quoteAt < p) {
          const q = buf.indexOf(QUOTE, p);
          quoteAt = q < 0 ? n : q;
        }
        if (crAt < p) {
          const r = buf.indexOf(CR, p);
          crAt = r < 0 ? n : r;
        }
        if (quoteAt > lf && crAt > lf && bytes(buf, p, lf, parser.nextLine)) {
          parser.skipLine();
          p = lf + 1;
          continue;
        }
      }
      this.text(buf, p, lf + 1);
      p = lf + 1;
    }
    if (whole && p === 0 && n > 0) {
      this.text(buf, p, n);
      p = n;
    }
    return p;
  }

  /**
   * The bytes end: hand what is left (a line without its line feed, or nothing) to the parser.
   *
   * @param rest the bytes after the last line feed
   * @param last whether this is the end of the input (the parser then ends too)
   */
  finish(rest: Uint8Array, last: boolean): void {
    if (rest.length > 0) this.text(rest, 0, rest.length);
    const tail = this.decoder.decode();
    if (tail) this.parser.pushTo(this.setup.decoded ? this.setup.decoded(tail) : tail, this.setup.sink);
    if (last) this.parser.endTo(this.setup.sink);
  }

  private text(buf: Uint8Array, a: number, b: number): void {
    // streaming: a line cut at the end of a long buffer may end inside a character
    const t = this.decoder.decode(buf.subarray(a, b), { stream: true });
    this.parser.pushTo(this.setup.decoded ? this.setup.decoded(t) : t, this.setup.sink);
  }
}
