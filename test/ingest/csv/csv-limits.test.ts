import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  CsvRecordParser,
  MAX_COLUMNS,
  MAX_FIELD_CHARS,
  type CsvItem,
  type CsvParserOptions,
} from '../../../src/ingest/csv/csv-record-parser.js';

// Issue 23: the reader's limits (field length on the decoded text, fields per record,
// record length) and its behaviour on long runs. Expected values are built by hand from the
// input (counts of characters and lines), never taken from the parser's output.

/** Parse `text` pushed in pieces of `chunk` characters. */
function parseChunked(text: string, chunk: number, options: CsvParserOptions = {}): CsvItem[] {
  const p = new CsvRecordParser(options);
  const out: CsvItem[] = [];
  for (let i = 0; i < text.length; i += chunk) out.push(...p.push(text.slice(i, i + chunk)));
  out.push(...p.end());
  return out;
}

const kinds = (items: CsvItem[]) => items.map((i) => [i.kind, i.line]);

describe('field limit on the decoded length', () => {
  it('counts an escaped quote ("") as one character: 2,000,000 of them are over the 1 MiB default', () => {
    // the issue's attack: '"' + '""' × 2,000,000 is 2,000,000 characters decoded (> 1,048,576)
    const text = `a,b\n"${'""'.repeat(2_000_000)}",x\n1,2\n`;
    expect(kinds(parseChunked(text, 65_536))).toEqual([
      ['record', 1],
      ['field-too-long', 2],
      ['record', 3],
    ]);
  });

  it('accepts a field of exactly the limit however it is written, and refuses one character more', () => {
    // limit 10: 10 decoded characters as 10 letters, as 10 escaped quotes, or mixed
    for (const field of ['a'.repeat(10), '"'.repeat(10), 'a"'.repeat(5)]) {
      const ok = parseChunked(`h,i\n"${field.replace(/"/g, '""')}",x\n`, 3, { maxFieldChars: 10 });
      expect(ok[1]).toEqual({ kind: 'record', fields: [field, 'x'], line: 2 });
      const over = parseChunked(`h,i\n"${(field + '"').replace(/"/g, '""')}",x\n`, 3, { maxFieldChars: 10 });
      expect(kinds(over)).toEqual([
        ['record', 1],
        ['field-too-long', 2],
      ]);
    }
  });
});

describe('fields per record', () => {
  it('reports a header wider than the limit (default 10,000) as too-many-fields', () => {
    const wide = Array.from({ length: MAX_COLUMNS + 1 }, (_, i) => `c${i}`).join(',');
    expect(kinds(parseChunked(`${wide}\n1\n`, 65_536))).toEqual([
      ['too-many-fields', 1],
      ['record', 2],
    ]);
    const atLimit = Array.from({ length: MAX_COLUMNS }, (_, i) => `c${i}`).join(',');
    const items = parseChunked(`${atLimit}\n`, 4096);
    expect(items).toHaveLength(1);
    expect(items[0].kind === 'record' && items[0].fields.length).toBe(MAX_COLUMNS);
  });

  it('cuts off a data row of 5,000,000 empty fields at field 10,001 and reads the next line', () => {
    const text = `a,b\n${','.repeat(5_000_000)}\n1,2\n`;
    for (const chunk of [65_536, 1_000_003])
      expect(parseChunked(text, chunk)).toEqual([
        { kind: 'record', fields: ['a', 'b'], line: 1 },
        { kind: 'too-many-fields', line: 2, excerpt: ','.repeat(80) },
        { kind: 'record', fields: ['1', '2'], line: 3 },
      ]);
  });

  it('counts the lines of a quoted field before the cut-off', () => {
    // record on lines 2-3 (a line break inside its first field), 6 fields with a limit of 4
    const text = 'a,b\n"x\ny",1,2,3,4,5\n7,8\n';
    expect(kinds(parseChunked(text, 2, { maxColumns: 4 }))).toEqual([
      ['record', 1],
      ['too-many-fields', 2],
      ['record', 4],
    ]);
  });
});

describe('record length', () => {
  it('reports a record longer than maxRecordChars and resumes on its next line', () => {
    // five fields of 9 characters: 49 characters with the delimiters, limit 30
    const row = Array.from({ length: 5 }, () => 'x'.repeat(9)).join(',');
    expect(kinds(parseChunked(`a\n${row}\nok\n`, 4, { maxRecordChars: 30 }))).toEqual([
      ['record', 1],
      ['record-too-long', 2],
      ['record', 3],
    ]);
    expect(kinds(parseChunked(`a\n${row}\nok\n`, 4, { maxRecordChars: 60 }))).toEqual([
      ['record', 1],
      ['record', 2],
      ['record', 3],
    ]);
  });
});

describe('long runs (property): lines of 100,000+ characters', () => {
  /** A field of long runs: repeated quotes, delimiters, line breaks and letters. */
  const runArb = fc
    .array(fc.tuple(fc.constantFrom('"', ',', '\n', '\r\n', 'a', '中', ' '), fc.integer({ min: 1, max: 60_000 })), {
      minLength: 1,
      maxLength: 4,
    })
    .map((runs) => runs.map(([c, n]) => c.repeat(n)).join(''));
  const quote = (f: string) => (/[",\r\n]/.test(f) || f === '' ? `"${f.replace(/"/g, '""')}"` : f);
  const breaks = (f: string) => (f.match(/\r\n|\r|\n/g) ?? []).length;

  it('gives back every field and line number of quoted long runs, in any chunking', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 3 })
          .chain((w) =>
            fc.tuple(
              fc.constant(w),
              fc.array(fc.array(runArb, { minLength: w, maxLength: w }), { minLength: 1, maxLength: 3 }),
            ),
          ),
        fc.integer({ min: 1, max: 200_000 }),
        ([w, rows], chunk) => {
          const header = Array.from({ length: w }, (_, i) => `h${i}`);
          const text = [header, ...rows].map((r) => r.map(quote).join(',')).join('\n') + '\n';
          const items = parseChunked(text, chunk, { maxFieldChars: 1 << 20 });
          let line = 2;
          const expected = rows.map((r) => {
            const item = { kind: 'record', fields: r, line };
            line += 1 + r.reduce((s, f) => s + breaks(f), 0);
            return item;
          });
          expect(items).toEqual([{ kind: 'record', fields: header, line: 1 }, ...expected]);
        },
      ),
      { numRuns: 20 },
    );
  });

  it('a line of 100,000+ characters without quotes is one record or one problem, never more', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 100_000, max: 400_000 }),
        fc.constantFrom(',', 'a', ';'),
        fc.integer({ min: 1, max: 70_000 }),
        (n, c, chunk) => {
          const text = `x,y\n${c.repeat(n)}\nz,w\n`;
          const items = parseChunked(text, chunk);
          // commas: n + 1 fields > 10,000 (cut off); letters or ';': one field of n characters
          const second = c === ',' ? 'too-many-fields' : 'record';
          expect(kinds(items)).toEqual([
            ['record', 1],
            [second, 2],
            ['record', 3],
          ]);
          if (c !== ',') expect(items[1]).toEqual({ kind: 'record', fields: [c.repeat(n)], line: 2 });
        },
      ),
      { numRuns: 20 },
    );
  });

  it('an unterminated quote before 100,000+ characters of lines costs exactly one line', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1_000, max: 20_000 }), fc.integer({ min: 1, max: 50_000 }), (lines, chunk) => {
        // a stray quote on line 2, then `lines` rows of 'p,q': the quote never closes
        const text = `a,b\n"x,1\n${'p,q\n'.repeat(lines)}`;
        const items = parseChunked(text, chunk, { maxFieldChars: MAX_FIELD_CHARS });
        expect(items[1]).toMatchObject({ kind: 'unterminated-quote', line: 2 });
        expect(items).toHaveLength(2 + lines);
        expect(items[items.length - 1]).toEqual({ kind: 'record', fields: ['p', 'q'], line: 2 + lines });
      }),
      { numRuns: 10 },
    );
  });
});
