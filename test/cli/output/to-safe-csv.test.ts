import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import fc from 'fast-check';
import { safeCell, safeCsvParts, toSafeCsv } from '../../../src/cli/output/to-safe-csv.js';

// Spreadsheet formula injection: cells starting with = + - @ tab or carriage return are run
// as formulas by Excel/LibreOffice (OWASP "CSV Injection"); soqa prefixes them with '.
describe('safeCell', () => {
  it('neutralises a formula', () => {
    expect(safeCell('=HYPERLINK("http://x","y")')).toBe('\'=HYPERLINK("http://x","y")');
    expect(safeCell('=1+1')).toBe("'=1+1");
  });

  it.each([
    ['+cmd', "'+cmd"],
    ['-1+2', "'-1+2"],
    ["-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"],
    ['@SUM(A1:A2)', "'@SUM(A1:A2)"],
    ['\t=1', "'\t=1"],
    ['\r=1', "'\r=1"],
    ['-', "'-"],
    ['+', "'+"],
  ])('prefixes %j', (raw, safe) => {
    expect(safeCell(raw)).toBe(safe);
  });

  it.each(['-3', '-1200.5', '+7', '-1.5e3', '3', '0.25', '2024-06-01', '社会团体', 'a=b', ' =1', "'quoted"])(
    'leaves %j alone',
    (raw) => {
      expect(safeCell(raw)).toBe(raw);
    },
  );

  it('writes numbers as numbers, non-finite numbers and null as empty', () => {
    expect(safeCell(-3)).toBe('-3');
    expect(safeCell(2.5)).toBe('2.5');
    expect(safeCell(Number.NaN)).toBe('');
    expect(safeCell(Number.POSITIVE_INFINITY)).toBe('');
    expect(safeCell(null)).toBe('');
    expect(safeCell(undefined)).toBe('');
    expect(safeCell(true)).toBe('true');
  });
});

describe('toSafeCsv', () => {
  it('writes a BOM, the header and one line per row, LF line ends, every cell neutralised', () => {
    const csv = toSafeCsv(
      ['file', 'line', 'value'],
      [
        { file: 'a.csv', line: 3, value: '=HYPERLINK("http://x","y")' },
        { file: 'a.csv', line: 4, value: -3 },
        { file: 'a.csv', line: 5, value: '-3' },
      ],
    );
    expect(csv).toBe('\uFEFFfile,line,value\na.csv,3,"\'=HYPERLINK(""http://x"",""y"")"\na.csv,4,-3\na.csv,5,-3\n');
  });

  it('quotes cells with commas, quotes and line breaks so that a CSV reader gets them back', () => {
    const rows = [{ v: 'a, b' }, { v: 'say "hi"' }, { v: 'two\nlines' }, { v: '+danger' }];
    const csv = toSafeCsv(['v'], rows);
    const back = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data;
    expect(back).toEqual([['v'], ['a, b'], ['say "hi"'], ['two\nlines'], ["'+danger"]]);
  });

  it('leaves a missing column empty', () => {
    expect(toSafeCsv(['a', 'b'], [{ a: 1 }])).toBe('\uFEFFa,b\n1,\n');
  });

  it('writes a header-only file for no rows, without a blank line after it', () => {
    expect(toSafeCsv(['file', 'line'], [])).toBe('\uFEFFfile,line\n');
  });
});

describe('safeCsvParts', () => {
  it('gives the header, then the rows a block at a time, then the last line break', () => {
    // hand-written: BOM + header line; rows "1" and "'=2" (formula neutralised); "x,y" quoted (RFC 4180)
    const rows = [
      { a: 1, b: 'x,y' },
      { a: '=2', b: null },
      { a: 3, b: '' },
    ];
    expect([...safeCsvParts(['a', 'b'], rows, 2)]).toEqual(['\uFEFFa,b\n', '1,"x,y"\n\'=2,', '\n3,', '\n']);
    expect([...safeCsvParts(['a', 'b'], [])]).toEqual(['\uFEFFa,b\n']);
  });

  it('joins to the text of toSafeCsv, whatever the block size', () => {
    // toSafeCsv is the reference: one papaparse call over all the rows
    const cell = fc.oneof(
      fc.constantFrom('', '=1+1', '-3', 'a,b', 'say "hi"', 'line\nbreak', ' pad ', '\r', '社会团体'),
      fc.integer(),
      fc.constant(null),
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3 }),
        fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { maxLength: 12 }),
        fc.integer({ min: 1, max: 5 }),
        (width, cells, block) => {
          const columns = ['x', 'y', 'z'].slice(0, width);
          const rows = cells.map((r) => Object.fromEntries(columns.map((c, k) => [c, r[k]])));
          expect([...safeCsvParts(columns, rows, block)].join('')).toBe(toSafeCsv(columns, rows));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('keeps the quirk of a last line that is one empty cell', () => {
    // one column, last row empty: papaparse writes nothing for it, and toSafeCsv adds no line break after "a\n"
    expect([...safeCsvParts(['a'], [{ a: '' }], 1)].join('')).toBe('\uFEFFa\n');
    expect([...safeCsvParts(['a'], [{ a: 1 }, { a: '' }], 1)].join('')).toBe(toSafeCsv(['a'], [{ a: 1 }, { a: '' }]));
  });
});
