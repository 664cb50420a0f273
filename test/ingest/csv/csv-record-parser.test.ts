import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CsvRecordParser, type CsvItem, type CsvParserOptions } from '../../../src/ingest/csv/csv-record-parser.js';

/** Parse `text` pushed in the given pieces, then end(). */
function parsePieces(pieces: string[], options: CsvParserOptions = {}): CsvItem[] {
  const p = new CsvRecordParser(options);
  const out: CsvItem[] = [];
  for (const piece of pieces) out.push(...p.push(piece));
  out.push(...p.end());
  return out;
}

const parse = (text: string, options: CsvParserOptions = {}): CsvItem[] => parsePieces([text], options);

/**
 * The parser must give the same items however the text is cut into chunks: compare the
 * one-shot result with the text split in two at every position, and with one character
 * per push.
 */
function expectSameAtEverySplit(
  text: string,
  options: CsvParserOptions = {},
  compare: (items: CsvItem[]) => unknown = (x) => x,
): CsvItem[] {
  const whole = parse(text, options);
  for (let i = 0; i <= text.length; i++) {
    expect(
      compare(parsePieces([text.slice(0, i), text.slice(i)], options)),
      `split at ${i} of ${JSON.stringify(text)}`,
    ).toEqual(compare(whole));
  }
  expect(compare(parsePieces([...text], options)), 'one character per push').toEqual(compare(whole));
  return whole;
}

/**
 * Items without the problem excerpts. An excerpt is the first 80 characters of the broken
 * line, or fewer when only fewer had arrived when the problem showed (possible only with a
 * tiny maxFieldChars as in these tests): comparisons across chunkings ignore it.
 */
const withoutExcerpt = (items: CsvItem[]) =>
  items.map((i) => (i.kind === 'record' ? i : { kind: i.kind, line: i.line }));

const rec = (line: number, ...fields: string[]): CsvItem => ({ kind: 'record', fields, line });

describe('CsvRecordParser: records and line numbers', () => {
  it('reads plain records with their 1-based physical line numbers', () => {
    expect(expectSameAtEverySplit('a,b\n1,2\n3,4\n')).toEqual([rec(1, 'a', 'b'), rec(2, '1', '2'), rec(3, '3', '4')]);
  });

  it('reads the last record when the file does not end with a line break', () => {
    expect(expectSameAtEverySplit('a,b\n1,2')).toEqual([rec(1, 'a', 'b'), rec(2, '1', '2')]);
  });

  it('keeps a trailing empty field', () => {
    expect(expectSameAtEverySplit('a,b,c\n1,2,\n1,2,')).toEqual([
      rec(1, 'a', 'b', 'c'),
      rec(2, '1', '2', ''),
      rec(3, '1', '2', ''),
    ]);
  });

  it('unquotes fields, keeps embedded commas and doubled quotes, and counts embedded line breaks', () => {
    // physical lines: 1 header, 2 "x, y", 3 doubled quotes, 4–5 a two-line field, 6 last
    const text = 'id,name,n\n1,"x, y",2\n2,"he said ""hi""",3\n3,"two\nlines",4\n4,z,5\n';
    expect(expectSameAtEverySplit(text)).toEqual([
      rec(1, 'id', 'name', 'n'),
      rec(2, '1', 'x, y', '2'),
      rec(3, '2', 'he said "hi"', '3'),
      rec(4, '3', 'two\nlines', '4'),
      rec(6, '4', 'z', '5'),
    ]);
  });

  it('handles LF, CRLF and lone CR line endings mixed in one file', () => {
    // line 1 ends CRLF, line 2 CR, line 3 LF, line 4 CRLF, line 5 has no ending
    const text = 'h1,h2\r\na,b\rc,d\ne,f\r\ng,h';
    expect(expectSameAtEverySplit(text)).toEqual([
      rec(1, 'h1', 'h2'),
      rec(2, 'a', 'b'),
      rec(3, 'c', 'd'),
      rec(4, 'e', 'f'),
      rec(5, 'g', 'h'),
    ]);
  });

  it('counts a CRLF inside a quoted field as one line break and a lone CR as one', () => {
    // record 2 spans lines 2–3 (CRLF inside), record 3 spans lines 4–5 (CR inside), record 4 on line 6
    const text = 'a,b\r\n1,"x\r\ny"\r\n2,"p\rq"\r\n3,z\r\n';
    expect(expectSameAtEverySplit(text)).toEqual([
      rec(1, 'a', 'b'),
      rec(2, '1', 'x\r\ny'),
      rec(4, '2', 'p\rq'),
      rec(6, '3', 'z'),
    ]);
  });

  it('returns blank lines as one empty field, keeping the line count right', () => {
    expect(expectSameAtEverySplit('a,b\n\n1,2\r\n\r\n3,4\n')).toEqual([
      rec(1, 'a', 'b'),
      rec(2, ''),
      rec(3, '1', '2'),
      rec(4, ''),
      rec(5, '3', '4'),
    ]);
  });

  it('keeps quotes inside unquoted fields as text and appends text after a closing quote (lenient)', () => {
    expect(expectSameAtEverySplit('a,b\nx"y,"q"r\n')).toEqual([rec(1, 'a', 'b'), rec(2, 'x"y', 'qr')]);
  });

  it('uses the delimiter it is given', () => {
    expect(expectSameAtEverySplit('a;b\n"x;y";1,5\n', { delimiter: ';' })).toEqual([
      rec(1, 'a', 'b'),
      rec(2, 'x;y', '1,5'),
    ]);
    expect(expectSameAtEverySplit('a\tb\nx,y\t2\n', { delimiter: '\t' })).toEqual([
      rec(1, 'a', 'b'),
      rec(2, 'x,y', '2'),
    ]);
  });

  it('refuses a delimiter that is not one character', () => {
    expect(() => new CsvRecordParser({ delimiter: ',,' })).toThrow(/one character/);
    expect(() => new CsvRecordParser({ delimiter: '' })).toThrow(/one character/);
  });

  it('reads the example of its documentation', () => {
    const p = new CsvRecordParser({ delimiter: ',' });
    const items = [...p.push('a,b\n"x, y",2\n'), ...p.end()];
    expect(items).toEqual([rec(1, 'a', 'b'), rec(2, 'x, y', '2')]);
  });

  it('takes the number of fields from the header (first record)', () => {
    const p = new CsvRecordParser();
    p.push('a,b,c\n');
    expect(p.expectedFields).toBe(3);
  });
});

describe('CsvRecordParser: broken quotes', () => {
  it('reports an unterminated quote at the end of the file on its first line and resumes on the next line', () => {
    const text = 'h1,h2\n1,"abc\n2,x\n3,y\n';
    expect(expectSameAtEverySplit(text)).toEqual([
      rec(1, 'h1', 'h2'),
      { kind: 'unterminated-quote', line: 2, excerpt: '1,"abc' },
      rec(3, '2', 'x'),
      rec(4, '3', 'y'),
    ]);
  });

  it('reports a stray quote closed by a later line when the field count then differs', () => {
    // the quote opened on line 2 closes at the first quote of line 3; that record would
    // have 4 fields against the header's 3
    const text = 'a,b,c\n1,"x,2\n3,4,"y"\n5,6,7\n';
    expect(expectSameAtEverySplit(text)).toEqual([
      rec(1, 'a', 'b', 'c'),
      { kind: 'unterminated-quote', line: 2, excerpt: '1,"x,2' },
      rec(3, '3', '4', 'y'),
      rec(4, '5', '6', '7'),
    ]);
  });

  it("reports a stray quote closed by the next line's opening quote in the same column (same field count)", () => {
    // line 2's quote would close at the quote that opens line 3's second field; read
    // leniently that makes a 3-field record ['1', 'x,2\n3,y"', '4'] that swallows line 3.
    // Text right after the closing quote of a field that ran over a line break shows the
    // quote was never meant to close there.
    const text = 'a,b,c\n1,"x,2\n3,"y",4\n5,6,7\n';
    expect(expectSameAtEverySplit(text)).toEqual([
      rec(1, 'a', 'b', 'c'),
      { kind: 'unterminated-quote', line: 2, excerpt: '1,"x,2' },
      rec(3, '3', 'y', '4'),
      rec(4, '5', '6', '7'),
    ]);
  });

  it('reports each of several broken quotes with its own line (CRLF file)', () => {
    const text = 'a,b\r\n"p,1\r\nq,2\r\n"r,3\r\ns,4\r\n';
    const items = expectSameAtEverySplit(text);
    expect(items).toEqual([
      rec(1, 'a', 'b'),
      // line 2's quote runs to line 4's quote: 2 fields but text follows the closing quote
      { kind: 'unterminated-quote', line: 2, excerpt: '"p,1' },
      rec(3, 'q', '2'),
      { kind: 'unterminated-quote', line: 4, excerpt: '"r,3' },
      rec(5, 's', '4'),
    ]);
  });
});

describe('CsvRecordParser: field too long', () => {
  it('reports an over-long unquoted field on its line and resumes on the next line', () => {
    // the excerpt is the broken line only, never the lines after it
    const text = 'a,b\n123456,x\n1,2\n';
    expect(expectSameAtEverySplit(text, { maxFieldChars: 5 }, withoutExcerpt)).toEqual([
      rec(1, 'a', 'b'),
      { kind: 'field-too-long', line: 2, excerpt: '123456,x' },
      rec(3, '1', '2'),
    ]);
  });

  it('accepts a field of exactly maxFieldChars characters, quoted or not, wherever the chunks are cut', () => {
    expect(expectSameAtEverySplit('a,b\n"12345",x\n12345,y\n', { maxFieldChars: 5 })).toEqual([
      rec(1, 'a', 'b'),
      rec(2, '12345', 'x'),
      rec(3, '12345', 'y'),
    ]);
  });

  it('reports an over-long quoted field and resumes on the line after its first line', () => {
    // the quoted field starting on line 2 passes 5 characters; reading resumes on line 3,
    // whose text `567",x` is an ordinary unquoted record
    const text = 'a,b\n"1234\n567",x\n1,2\n';
    expect(expectSameAtEverySplit(text, { maxFieldChars: 5 }, withoutExcerpt)).toEqual([
      rec(1, 'a', 'b'),
      { kind: 'field-too-long', line: 2, excerpt: '"1234' },
      rec(3, '567"', 'x'),
      rec(4, '1', '2'),
    ]);
  });

  it('keeps line numbers right when the rest of an over-long line ends in a CRLF cut between chunks', () => {
    // the over-long quoted field never closes on line 2; its line is skipped up to the
    // CRLF, which must count as one line break even when a chunk ends between CR and LF
    const long = 'x'.repeat(120);
    const text = `a,b\r\n"${long}\r\n1,2\r\n3,4\r\n`;
    const items = expectSameAtEverySplit(text, { maxFieldChars: 100 });
    expect(items.map((i) => [i.kind, i.line])).toEqual([
      ['record', 1],
      ['field-too-long', 2],
      ['record', 3],
      ['record', 4],
    ]);
  });

  it('keeps line numbers right for an over-long unquoted field ending in CRLF cut between chunks', () => {
    const text = `a,b\r\n${'y'.repeat(120)}\r\n1,2\r\n`;
    const items = expectSameAtEverySplit(text, { maxFieldChars: 100 });
    expect(items.map((i) => [i.kind, i.line])).toEqual([
      ['record', 1],
      ['field-too-long', 2],
      ['record', 3],
    ]);
  });
});

describe('CsvRecordParser: round trip of arbitrary RFC 4180 text (property)', () => {
  const fieldArb = fc.string({ unit: fc.constantFrom('a', '1', ',', '"', '\n', '\r', '中', ' ', ';'), maxLength: 6 });
  const quote = (f: string) => (/[",\r\n]/.test(f) || f === '' ? `"${f.replace(/"/g, '""')}"` : f);
  /** Physical line breaks inside a field: CRLF counts once, lone CR and LF once each. */
  const breaks = (f: string) => (f.match(/\r\n|\r|\n/g) ?? []).length;

  it('gives back every field and the line each record starts on, however the text is chunked', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 4 })
          .chain((width) =>
            fc.array(fc.array(fieldArb, { minLength: width, maxLength: width }), { minLength: 1, maxLength: 6 }),
          ),
        fc.constantFrom('\n', '\r\n', '\r'),
        fc.boolean(),
        fc.array(fc.nat(), { maxLength: 4 }),
        (rows, eol, finalEol, cuts) => {
          const text = rows.map((r) => r.map(quote).join(',')).join(eol) + (finalEol ? eol : '');
          const pos = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((x, y) => x - y);
          const pieces: string[] = [];
          let at = 0;
          for (const c of pos) {
            pieces.push(text.slice(at, c));
            at = c;
          }
          pieces.push(text.slice(at));
          const items = parsePieces(pieces);
          let line = 1;
          const expected = rows.map((r) => {
            const item = rec(line, ...r);
            line += 1 + r.reduce((s, f) => s + breaks(f), 0);
            return item;
          });
          expect(items).toEqual(expected);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('CsvRecordParser: chunking never changes the result (property)', () => {
  const textArb = fc.string({ unit: fc.constantFrom('a', 'b', ',', '"', '\n', '\r', ' ', '中'), maxLength: 40 });

  it('gives the same items for any text cut anywhere, including broken quotes and over-long fields', () => {
    fc.assert(
      fc.property(
        textArb,
        fc.array(fc.nat(), { maxLength: 5 }),
        fc.option(fc.integer({ min: 1, max: 8 }), { nil: undefined }),
        (text, cuts, maxFieldChars) => {
          const pos = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((x, y) => x - y);
          const pieces: string[] = [];
          let at = 0;
          for (const c of pos) {
            pieces.push(text.slice(at, c));
            at = c;
          }
          pieces.push(text.slice(at));
          const options = { maxFieldChars };
          // with a tiny maxFieldChars an excerpt may be cut short by the chunk end (see withoutExcerpt)
          const cmp = maxFieldChars === undefined ? (x: CsvItem[]) => x : withoutExcerpt;
          expect(cmp(parsePieces(pieces, options))).toEqual(cmp(parse(text, options)));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('numbers every item with a line that exists and never goes backwards', () => {
    fc.assert(
      fc.property(textArb, (text) => {
        const items = parse(text);
        const physical = (text.match(/\r\n|\r|\n/g) ?? []).length + 1;
        for (let i = 0; i < items.length; i++) {
          expect(items[i].line).toBeGreaterThanOrEqual(1);
          expect(items[i].line).toBeLessThanOrEqual(physical);
          if (i > 0) expect(items[i].line).toBeGreaterThan(items[i - 1].line);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
