import { describe, expect, it } from 'vitest';
import {
  combineHeaderRows,
  isSubHeader,
  lineText,
  preambleKind,
  trailerKind,
} from '../../../src/ingest/header/table-lines.js';
import { headerUnit, parseUnit, unitConflict, unitLine } from '../../../src/ingest/header/header-unit.js';
import { columnUnits } from '../../../src/ingest/header/column-units.js';
import { tableDelimiter } from '../../../src/ingest/header/table-layout.js';
import { TableFinder } from '../../../src/ingest/header/table-finder.js';
import { checkListTotals } from '../../../src/ingest/header/check-list-total.js';
import type { CsvRecord } from '../../../src/ingest/csv/csv-record-parser.js';

describe('lines around a table (issue 20)', () => {
  it('tells unit lines from titles above the header', () => {
    expect(preambleKind(['单位：个', '', ''])).toBe('unit');
    expect(preambleKind(['', '单位:万元'])).toBe('unit');
    expect(preambleKind(['表3-5 各盟市社会组织数', '', ''])).toBe('title');
    expect(preambleKind(['内蒙古自治区社会组织名录（截至2023年底）'])).toBe('title');
  });

  it('tells notes and totals after the header from rows', () => {
    expect(trailerKind(['注：本表不含分支机构。', '', ''], true)).toBe('note');
    expect(trailerKind(['资料来源：统计年鉴'], false)).toBe('note');
    expect(trailerKind(['说明：…'], true)).toBe('note');
    expect(trailerKind(['备注'], true)).toBe('note');
    expect(trailerKind(['合计', '', '120'], true)).toBe('total');
    expect(trailerKind(['', '总计', '7'], true)).toBe('total');
    expect(trailerKind(['全区', '2023', '12'], true)).toBe('total');
    // an aggregated table reads its own 全区/合计 rows as cross-checks: not table lines
    expect(trailerKind(['全区', '2023', '12'], false)).toBeNull();
    // a row of the table whose first cell merely starts like one
    expect(trailerKind(['全区老年协会', 'x'], true)).toBeNull();
    expect(trailerKind(['注：', 'x'], true)).toBeNull();
    expect(trailerKind(['51150100MJ00010104', '某协会'], true)).toBeNull();
  });

  it('keeps the text as written', () => {
    expect(lineText([' 注：本表 ', '', 'x'])).toBe('注：本表 x');
  });

  it('recognises and combines a two-row header', () => {
    const top = ['地区', '年份', '社会组织合计', '其中', '', ''];
    const sub = ['', '', '', '社会团体', '民办非企业单位', '基金会'];
    expect(isSubHeader(top, sub)).toBe(true);
    expect(combineHeaderRows(top, sub)).toEqual([
      '地区',
      '年份',
      '社会组织合计',
      '社会团体',
      '民办非企业单位',
      '基金会',
    ]);
    // a unit row under the headers
    expect(isSubHeader(['地区', '年份', '社会团体'], ['', '', '个'])).toBe(true);
    expect(combineHeaderRows(['地区', '年份', '社会团体'], ['', '', '个'])).toEqual(['地区', '年份', '社会团体（个）']);
    // data rows are not sub-headers: numbers, or a first cell
    expect(isSubHeader(top, ['', '2023', '', '5', '6', '7'])).toBe(false);
    expect(isSubHeader(top, ['呼和浩特市', '', '', '社会团体', '', ''])).toBe(false);
    // text under a header that is neither blank nor 其中 nor a unit
    expect(isSubHeader(['a', 'b'], ['', 'c'])).toBe(false);
  });
});

describe('units (issue 20)', () => {
  it('reads the units of headers and unit lines', () => {
    expect(headerUnit('捐赠收入（万元）')).toEqual({ text: '万元', kind: 'money', factor: 1e4 });
    expect(headerUnit('净资产(千元)')?.factor).toBe(1e3);
    expect(headerUnit('收入（亿元）')?.factor).toBe(1e8);
    expect(headerUnit('收入（单位：万元）')?.factor).toBe(1e4);
    expect(headerUnit('专职人员（人）')?.kind).toBe('count');
    expect(headerUnit('占比（%）')?.kind).toBe('percent');
    expect(headerUnit('占比（％）')?.kind).toBe('percent');
    expect(headerUnit('名称（全称）')).toBeNull();
    expect(unitLine(['单位：万元'])?.factor).toBe(1e4);
    expect(parseUnit('家')?.kind).toBe('count');
  });

  it('a unit that contradicts its field is a conflict naming it', () => {
    expect(unitConflict('staff_fulltime', parseUnit('%')!)).toMatch(/count.*%/);
    expect(unitConflict('staff_fulltime', parseUnit('万元')!)).toMatch(/money unit 万元/);
    expect(unitConflict('rev_donations', parseUnit('人')!)).toMatch(/count unit 人/);
    expect(unitConflict('rev_donations', parseUnit('万元')!)).toBeNull();
    expect(unitConflict('name', parseUnit('%')!)).toBeNull();
    const u = columnUnits(['org_id', '专职人员（%）'], (c) => (c === 0 ? 'org_id' : 'staff_fulltime'), null);
    expect(u.conflicts).toEqual([
      { header: '专职人员（%）', field: 'staff_fulltime', reason: expect.stringMatching(/%/) },
    ]);
  });

  it('a unit line converts the money columns that state no unit of their own', () => {
    const fields = ['rev_donations', 'assets_net', 'staff_fulltime'];
    const u = columnUnits(['捐赠收入', '净资产（元）', '专职人员'], (c) => fields[c], parseUnit('万元'));
    expect(u.scale).toEqual([1e4, 1, 1]);
    expect(u.units.map((x) => [x.header, x.factor, x.from])).toEqual([
      ['捐赠收入', 1e4, 'unit-line'],
      ['净资产（元）', 1, 'header'],
    ]);
  });
});

describe('TableFinder', () => {
  const rec = (line: number, fields: string[]): CsvRecord => ({ kind: 'record', line, fields });
  const judge = (cells: string[]) => ({ ok: cells.includes('org_id') && cells.includes('name'), score: cells.length });
  const fail = (): never => {
    throw new Error('not found');
  };

  it('skips titles, unit and blank lines and waits for the row under the header', () => {
    const f = new TableFinder(judge, undefined, fail, 'a.csv');
    expect(f.push(rec(1, ['名录']))).toBeNull();
    expect(f.push(rec(2, ['']))).toBeNull();
    expect(f.push(rec(3, ['单位：个']))).toBeNull();
    expect(f.push(rec(4, ['org_id', 'name']))).toBeNull();
    const t = f.push(rec(5, ['x', 'y']))!;
    expect(t.header).toEqual(['org_id', 'name']);
    expect(t.headerLine).toBe(4);
    expect(t.blank).toBe(1);
    expect(t.skipped.map((s) => [s.line, s.kind])).toEqual([
      [1, 'title'],
      [3, 'unit'],
    ]);
    expect(t.rest.map((r) => r.line)).toEqual([5]);
  });

  it('--header-row takes the row on that line', () => {
    const f = new TableFinder(() => ({ ok: false, score: 0 }), 2, fail, 'a.csv');
    f.push(rec(1, ['org_id', 'name']));
    f.push(rec(2, ['a', 'b']));
    expect(f.push(rec(3, ['1', '2']))?.header).toEqual(['a', 'b']);
  });

  it('gives up after 30 rows and hands the closest row to the failure', () => {
    let best: string[] | null = null;
    const f = new TableFinder(
      (cells) => ({ ok: false, score: cells[0] === 'near' ? 5 : 0 }),
      undefined,
      (b) => {
        best = b;
        throw new Error('not found');
      },
      'a.csv',
    );
    expect(() => {
      for (let i = 1; i <= 40; i++) f.push(rec(i, [i === 3 ? 'near' : `t${i}`]));
    }).toThrow('not found');
    expect(best).toEqual(['near']);
  });

  it('picks the delimiter from the first line that has one (a title has none)', () => {
    expect(tableDelimiter('内蒙古自治区社会组织名录\n\nid\tname\ta\n')).toBe('\t');
    expect(tableDelimiter('id;name\n1;2\n')).toBe(';');
    expect(tableDelimiter('只有一行')).toBe(',');
  });
});

describe('total rows of an organization list (issue 20)', () => {
  const total = (text: string) => ({ line: 9, kind: 'total' as const, text });
  it('a total of one whole number is checked against the rows read', () => {
    expect(checkListTotals([total('合计 7')], 7)).toEqual([]);
    expect(checkListTotals([total('合计：7家')], 7)).toEqual([]);
    const [w] = checkListTotals([total('合计 8')], 7);
    expect(w).toMatchObject({ line: 9, code: 'W_TOTAL_MISMATCH', column: '合计' });
    expect(w.reason).toContain('total of 8 organizations, but the list above it has 7 rows');
  });
  it('a total with no number or several is only kept', () => {
    expect(checkListTotals([total('合计')], 7)).toEqual([]);
    expect(checkListTotals([total('合计 7 35 12')], 3)).toEqual([]);
    expect(checkListTotals([{ line: 9, kind: 'note', text: '注 8' }], 7)).toEqual([]);
  });
});
