/** One parsed CSV record and the physical line (1-based) it starts on. */
export interface CsvRecord {
  kind: 'record';
  fields: string[];
  line: number;
}

/** A stretch of input that could not be parsed as a record. */
export interface CsvProblem {
  kind: 'unterminated-quote' | 'field-too-long' | 'too-many-fields' | 'record-too-long';
  line: number;
  /** The first characters of the offending line, for the rejects file. */
  excerpt: string;
}

/** What the parser emits. */
export type CsvItem = CsvRecord | CsvProblem;

/**
 * Where {@link CsvRecordParser.pushTo} delivers its output, in input order: `line` is
 * offered each record that sits on one line without quotes, as the range
 * `text.slice(start, end)` (line break excluded), and returns true when it consumed it;
 * every other record and problem goes to `item`.
 */
export interface CsvSink {
  line?: (text: string, start: number, end: number, line: number) => boolean;
  item: (item: CsvItem) => void;
}

/** Options of {@link CsvRecordParser}. */
export interface CsvParserOptions {
  /** Field delimiter, one character (default `,`). */
  delimiter?: string;
  /** Longest field accepted, in decoded characters (`""` counts as one; default 1,048,576). */
  maxFieldChars?: number;
  /**
   * Most fields a record may have (default {@link MAX_COLUMNS}): a record is cut off as soon
   * as it has one more, reported as `too-many-fields` and the rest of its line skipped.
   */
  maxColumns?: number;
  /**
   * Longest record, in characters, line breaks inside quoted fields included (default
   * {@link MAX_RECORD_CHARS}): a longer one is reported as `record-too-long` and reading
   * resumes on the line after its first line.
   */
  maxRecordChars?: number;
  /**
   * Parse every record character by character, without the shortcut for records that sit
   * on one line without quotes (same records; for tests that compare the two).
   */
  noLineShortcut?: boolean;
}

/** Default of `maxFieldChars`: 1 MiB of characters. */
export const MAX_FIELD_CHARS = 1 << 20;
/** Default of `maxColumns`: fields in the header and in any record. */
export const MAX_COLUMNS = 10_000;
/** Default of `maxRecordChars`: 16 MiB of characters. */
export const MAX_RECORD_CHARS = 1 << 24;

const QUOTE = 34;
const LF = 10;
const CR = 13;

/**
 * An incremental RFC 4180 CSV reader that knows physical line numbers and recovers from
 * broken quotes. soqa reads CSV with this instead of papaparse because every rejected row
 * must carry the line it starts on, and an unterminated quote must cost one line, not the
 * rest of the file: on an unterminated quote (or a field longer than `maxFieldChars`) it
 * emits a problem for the record's first line and resumes on the next line.
 *
 * A quote is taken to be unterminated when it never closes, when the record it opens runs
 * over a line break and ends with another number of fields than the header, or when its
 * field runs over a line break and text follows the closing quote (the stray quote was
 * closed by the opening quote of a field on a later line).
 *
 * Time is linear in the input: a record that is not complete yet is parsed again only once
 * the text held has doubled, and no record holds more than `maxColumns` fields or
 * `maxRecordChars` characters.
 *
 * Line endings may be LF, CRLF or lone CR, mixed. Quotes inside unquoted fields are kept
 * as text; text after a closing quote is appended to the field (lenient, like papaparse)
 * when the field stays on one line.
 *
 * @example
 * const p = new CsvRecordParser({ delimiter: ',' });
 * p.push('a,b\n"x, y",2\n');
 * p.end(); // => [{ kind: 'record', fields: ['a','b'], line: 1 }, { kind: 'record', fields: ['x, y','2'], line: 2 }]
 */
export class CsvRecordParser {
  private buf = '';
  private line = 1;
  private readonly delim: number;
  private readonly delimText: string;
  private readonly maxField: number;
  private readonly maxColumns: number;
  private readonly maxRecord: number;
  /** Text held (an incomplete record) before the next parse is worth it: twice what the last one found incomplete. */
  private waitFor = 0;
  private readonly lineShortcut: boolean;
  /** Set while discarding the rest of an over-long unquoted line. */
  private skipping = false;
  /**
   * Number of fields a record should have (the header's), once known. A record that spans
   * several lines through a quoted field but has another number of fields is taken to be
   * a broken quote: its first line is reported and reading resumes on the next line.
   * Set from the first record (the header) unless given.
   */
  expectedFields = 0;

  /**
   * @param options delimiter (default `,`) and maxFieldChars (default 1 MiB of chars)
   * @throws Error when the delimiter is not a single character
   */
  constructor(options: CsvParserOptions = {}) {
    const d = options.delimiter ?? ',';
    if (d.length !== 1) throw new Error(`delimiter must be one character, got ${JSON.stringify(d)}`);
    this.delim = d.charCodeAt(0);
    this.delimText = d;
    this.maxField = options.maxFieldChars ?? MAX_FIELD_CHARS;
    this.maxColumns = options.maxColumns ?? MAX_COLUMNS;
    this.maxRecord = options.maxRecordChars ?? MAX_RECORD_CHARS;
    this.lineShortcut = !options.noLineShortcut;
  }

  /** Longest line, in characters, that may be taken whole without parsing it (the field and record limits). */
  get maxLineChars(): number {
    return Math.min(this.maxField, this.maxRecord);
  }

  /** The physical line (1-based) the next record starts on: lines read so far plus one. */
  get nextLine(): number {
    return this.line;
  }

  /**
   * True when everything pushed so far has been delivered and reading stopped between two
   * records: no partial record or open quote is held, and no over-long line is being
   * skipped. A parallel range that ends here ended where the sequential reader would
   * start a record.
   */
  get betweenRecords(): boolean {
    return this.buf.length === 0 && !this.skipping;
  }

  /**
   * Count one line that was read without this parser (a plain line taken as bytes by
   * `ByteCsvReader`); call only while {@link betweenRecords}.
   */
  skipLine(): void {
    this.line++;
  }

  /** Add decoded text; returns the items completed so far. */
  push(text: string): CsvItem[] {
    this.buf = this.buf.length === 0 ? text : this.buf + text;
    if (this.buf.length < this.waitFor) return [];
    return this.drain(false);
  }

  /** Signal the end of input; returns the remaining items. */
  end(): CsvItem[] {
    return this.drain(true);
  }

  /**
   * Add decoded text and deliver what it completes to `sink` (see {@link CsvSink}): a
   * caller that can read a plain line in place need not have it split into fields.
   */
  pushTo(text: string, sink: CsvSink): void {
    this.buf = this.buf.length === 0 ? text : this.buf + text;
    if (this.buf.length < this.waitFor) return;
    this.drain(false, sink);
  }

  /** Signal the end of input, delivering the rest to `sink`. */
  endTo(sink: CsvSink): void {
    this.drain(true, sink);
  }

  private drain(final: boolean, sink?: CsvSink): CsvItem[] {
    const out: CsvItem[] = [];
    const emit = sink ? sink.item : (item: CsvItem) => out.push(item);
    const onLine = sink?.line;
    let p = 0;
    const s = this.buf;
    const n = s.length;
    // next quote and CR at or after p (n when none), looked up again once p passes them
    let quoteAt = -1;
    let crAt = -1;
    while (p < n) {
      if (this.lineShortcut && !this.skipping) {
        // shortcut: a record that ends on its own line with no quote in it is that line
        // split at the delimiter (what parseOne would make of it, at a fraction of the cost)
        if (quoteAt < p) {
          const q = s.indexOf('"', p);
          quoteAt = q < 0 ? n : q;
        }
        if (crAt < p) {
          const r = s.indexOf('\r', p);
          crAt = r < 0 ? n : r;
        }
        const lf = s.indexOf('\n', p);
        if (lf >= 0 && quoteAt > lf && (crAt > lf || crAt === lf - 1)) {
          const end = crAt === lf - 1 ? lf - 1 : lf;
          if (end - p <= this.maxField && end - p <= this.maxRecord && !this.tooManyFields(s, p, end)) {
            if (onLine !== undefined && onLine(s, p, end, this.line)) {
              if (this.expectedFields === 0) this.expectedFields = s.slice(p, end).split(this.delimText).length;
              this.line++;
              p = lf + 1;
              continue;
            }
            const fields = s.slice(p, end).split(this.delimText);
            if (this.expectedFields === 0) this.expectedFields = fields.length;
            emit({ kind: 'record', fields, line: this.line });
            this.line++;
            p = lf + 1;
            continue;
          }
        }
      }
      if (this.skipping) {
        const e = nextLineStart(s, p);
        if (e < 0) {
          p = n;
          break;
        }
        if (!final && e === n && s.charCodeAt(n - 1) === CR) {
          // a CR that ends the buffer may be the first half of a CRLF: keep it
          p = n - 1;
          break;
        }
        this.line++;
        p = e;
        this.skipping = false;
        continue;
      }
      const r = this.parseOne(s, p, final);
      if (r === null) {
        // incomplete: wait for more text (twice as much, so that a long record is parsed
        // O(log n) times), unless the record is already longer than allowed
        if (n - p <= this.maxRecord) {
          this.waitFor = 2 * (n - p);
          break;
        }
        const b = this.broken(s, p, this.line, 'record-too-long', final);
        emit(b.item);
        p = b.next;
        continue;
      }
      if (r.item) {
        if (this.expectedFields === 0 && r.item.kind === 'record') this.expectedFields = r.item.fields.length;
        emit(r.item);
      }
      p = r.next;
    }
    this.buf = p >= n ? '' : s.slice(p);
    if (this.buf.length === 0) this.waitFor = 0;
    if (final && this.buf.length > 0) {
      // only possible while skipping
      this.buf = '';
    }
    return out;
  }

  /**
   * Parse one record at `start`. Returns null when more input is needed.
   */
  // eslint-disable-next-line max-lines-per-function -- hot path, kept as one loop / positional arguments for speed
  private parseOne(s: string, start: number, final: boolean): { item?: CsvItem; next: number } | null {
    const n = s.length;
    const fields: string[] = [];
    const startLine = this.line;
    let lines = 0;
    let p = start;
    for (;;) {
      // start of a field
      if (p < n && s.charCodeAt(p) === QUOTE) {
        let q = p + 1;
        let value = '';
        /** Escaped quotes ("") seen so far: the decoded field is that many characters shorter than its text. */
        let escapes = 0;
        let closed = false;
        let innerLines = 0;
        while (q < n) {
          const c = s.charCodeAt(q);
          if (c === QUOTE) {
            if (q + 1 < n && s.charCodeAt(q + 1) === QUOTE) {
              q += 2;
              escapes++;
              // the limit is on the decoded field: each "" is one character
              if (q - p - 1 - escapes > this.maxField) return this.broken(s, start, startLine, 'field-too-long', final);
              continue;
            }
            if (q + 1 >= n && !final) return null; // can't tell "" from " yet
            value = escapes === 0 ? s.slice(p + 1, q) : s.slice(p + 1, q).replaceAll('""', '"');
            q++;
            closed = true;
            break;
          }
          if (c === LF || (c === CR && s.charCodeAt(q + 1) !== LF)) innerLines++;
          if (q - p - 1 - escapes >= this.maxField) return this.broken(s, start, startLine, 'field-too-long', final);
          q++;
        }
        if (!closed) {
          if (!final) return null; // the loop reports the field once it passes maxField
          return this.broken(s, start, startLine, 'unterminated-quote', final);
        }
        lines += innerLines;
        // lenient: text after the closing quote up to the delimiter is kept
        let e = q;
        while (e < n) {
          const c = s.charCodeAt(e);
          if (c === this.delim || c === LF || c === CR) break;
          e++;
        }
        if (e >= n && !final) return null;
        // a quoted field that ran over a line break and is followed by more text was opened
        // by a stray quote and closed by the opening quote of a later field: a broken record
        if (e > q && innerLines > 0) return this.broken(s, start, startLine, 'unterminated-quote', final);
        if (e > q) value += s.slice(q, e);
        fields.push(value);
        p = e;
      } else {
        let e = p;
        while (e < n) {
          const c = s.charCodeAt(e);
          if (c === this.delim || c === LF || c === CR) break;
          e++;
        }
        if (e - p > this.maxField) {
          // discard the rest of this physical line
          this.line = startLine;
          this.skipping = true;
          return { item: { kind: 'field-too-long', line: startLine, excerpt: excerptAt(s, start) }, next: e };
        }
        if (e >= n && !final) return null;
        fields.push(s.slice(p, e));
        p = e;
      }
      // after a field
      if (fields.length > this.maxColumns) {
        // far more fields than any header may have: report it now, skip the rest of the line
        this.line = startLine + lines;
        this.skipping = true;
        return { item: { kind: 'too-many-fields', line: startLine, excerpt: excerptAt(s, start) }, next: p };
      }
      if (p >= n) {
        if (lines > 0 && this.expectedFields > 0 && fields.length !== this.expectedFields)
          return this.broken(s, start, startLine, 'unterminated-quote', final);
        if (p - start > this.maxRecord) return this.broken(s, start, startLine, 'record-too-long', final);
        this.line = startLine + lines + 1;
        return { item: { kind: 'record', fields, line: startLine }, next: p };
      }
      const c = s.charCodeAt(p);
      if (c === this.delim) {
        p++;
        if (p >= n && !final) return null;
        if (p >= n) {
          fields.push('');
          if (p - start > this.maxRecord) return this.broken(s, start, startLine, 'record-too-long', final);
          this.line = startLine + lines + 1;
          return { item: { kind: 'record', fields, line: startLine }, next: p };
        }
        continue;
      }
      // end of line
      if (lines > 0 && this.expectedFields > 0 && fields.length !== this.expectedFields)
        return this.broken(s, start, startLine, 'unterminated-quote', final);
      if (p - start > this.maxRecord) return this.broken(s, start, startLine, 'record-too-long', final);
      if (c === CR) {
        if (p + 1 >= n && !final) return null;
        p += s.charCodeAt(p + 1) === LF ? 2 : 1;
      } else p++;
      lines++;
      this.line = startLine + lines;
      return { item: { kind: 'record', fields, line: startLine }, next: p };
    }
  }

  /** Whether the line `s.slice(start, end)` has more than `maxColumns` fields (counted only when it could). */
  private tooManyFields(s: string, start: number, end: number): boolean {
    if (end - start < this.maxColumns) return false;
    let fields = 1;
    for (let i = s.indexOf(this.delimText, start); i >= 0 && i < end; i = s.indexOf(this.delimText, i + 1))
      if (++fields > this.maxColumns) return true;
    return false;
  }

  /** Report a broken record and resume on the line after its first line. */
  // eslint-disable-next-line max-params -- hot path, kept as one loop / positional arguments for speed
  private broken(
    s: string,
    start: number,
    startLine: number,
    kind: CsvProblem['kind'],
    final: boolean,
  ): { item: CsvItem; next: number } {
    const e = nextLineStart(s, start);
    const excerpt = excerptAt(s, start);
    if (e < 0 || (!final && e === s.length && s.charCodeAt(e - 1) === CR)) {
      // the line has not ended yet (or ends in a CR whose LF may follow): drop what we have
      // and keep discarding up to its end
      this.line = startLine;
      this.skipping = true;
      return { item: { kind, line: startLine, excerpt }, next: e < 0 ? s.length : e - 1 };
    }
    this.line = startLine + 1;
    return { item: { kind, line: startLine, excerpt }, next: e };
  }
}

/** The first characters (at most 80) of the line starting at `start`, without its line break. */
function excerptAt(s: string, start: number): string {
  const e = nextLineStart(s, start);
  return s.slice(start, Math.min(start + 80, e < 0 ? s.length : e)).replace(/[\r\n]+$/, '');
}

/** Index just after the next line break at or after `p`, or -1. */
function nextLineStart(s: string, p: number): number {
  for (let i = p; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === LF) return i + 1;
    if (c === CR) return s.charCodeAt(i + 1) === LF ? i + 2 : i + 1;
  }
  return -1;
}
