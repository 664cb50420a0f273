import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { safeCell, toSafeCsv } from '../../../src/cli/output/to-safe-csv.js';

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
