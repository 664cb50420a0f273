import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { registerAnalyze } from '../../src/cli/commands/analyze.js';
import { registerValidate } from '../../src/cli/commands/validate.js';
import { registerTrends } from '../../src/cli/commands/trends.js';
import { registerPortrait } from '../../src/cli/commands/portrait.js';
import { runCommand } from '../helpers/run-command.js';
import { fixture, freshDir, readCsv, removeFreshDirs } from '../helpers/run-soqa.js';
import type { Results } from '../../src/results/results.js';
import { isSoqaError } from '../../src/core/soqa-error.js';
import { writeXlsx } from '../fixtures/xlsx/write-xlsx.mjs';

// Fixtures: test/fixtures/xlsx/make-xlsx-fixtures.mjs writes each workbook and its CSV twin
// (the same table as Excel shows it). Expected values below come from those tables.

afterAll(removeFreshDirs);

async function analyze(file: string, ...args: string[]) {
  const out = join(freshDir(), 'out');
  // regions named: the regions-file detection samples CSV inputs only (not yet a workbook's region cells)
  const run = await runCommand(registerAnalyze, [
    'analyze',
    fixture(file),
    '--regions',
    'inner-mongolia',
    '-o',
    out,
    '--format',
    'json',
    '-q',
    ...args,
  ]);
  if (run.error) throw run.error;
  const results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as Results;
  return { run, out, results, rejects: readCsv(join(out, 'rejects.csv')) };
}

/** results.json without what names the input file (name, hash, size, encoding, delimiter, sheet). */
function sameAnalysis(r: Results): unknown {
  const copy = JSON.parse(JSON.stringify(r)) as Results;
  copy.provenance.inputs = [];
  return dropNotes(copy, 'N_TABLE_LINES');
}

/** The results without the notes of one code, wherever they are (how the file was read, not what it holds). */
function dropNotes<T>(x: T, code: string): T {
  if (Array.isArray(x))
    return x
      .filter((e) => !(e && typeof e === 'object' && (e as { code?: string }).code === code))
      .map((e) => dropNotes(e, code)) as T;
  if (x && typeof x === 'object')
    return Object.fromEntries(
      Object.entries(x)
        .map(([k, v]) => [k, dropNotes(v, code)])
        .filter(([k, v]) => !(k === 'notes' && Array.isArray(v) && v.length === 0)),
    ) as T;
  return x;
}

describe('Excel input (in-process)', () => {
  it('registry.xlsx gives the results.json of registry.csv, and its rejects name the sheet row', async () => {
    const x = await analyze('xlsx/registry.xlsx');
    const c = await analyze('xlsx/registry.csv');
    expect(x.run.code, x.run.err).toBe(0);
    expect(sameAnalysis(x.results)).toEqual(sameAnalysis(c.results));
    // 7 rows: 6 accepted, the foundation with −2 full-time staff rejected (CSV line 8 = sheet row 8)
    expect(x.results.provenance.rows).toEqual({ read: 7, accepted: 6, rejected: 1, blank: 0 });
    const rows = x.results.provenance.rows;
    expect(rows.read).toBe(rows.accepted + rows.rejected);
    expect(x.results.provenance.inputs[0]).toMatchObject({
      file: 'registry.xlsx',
      sheet: '名录',
      mergedCellsFilled: 4,
      delimiter: '',
    });
    expect(x.rejects).toEqual([
      expect.objectContaining({ file: 'registry.xlsx', line: '名录!row 8', code: 'R_NEGATIVE', value: '-2' }),
    ]);
    expect(c.rejects).toEqual([expect.objectContaining({ file: 'registry.csv', line: '8', code: 'R_NEGATIVE' })]);
  });

  it('registry-title.xlsx: the title, unit line and blank row above the header are counted apart', async () => {
    const x = await analyze('xlsx/registry-title.xlsx');
    const c = await analyze('xlsx/registry.csv');
    // rows 1–3 (title, 单位：人, blank) are not rows of the table: the title and the unit line
    // are skipped table lines (listed in provenance), the blank row a blank line
    expect(x.results.provenance.rows).toEqual({ read: 7, accepted: 6, rejected: 1, blank: 1, skipped: 2 });
    const strip = (r: Results) => {
      const s = sameAnalysis(r) as Results;
      s.provenance.rows.blank = 0;
      s.quality.rows.blank = 0;
      delete s.provenance.rows.skipped;
      delete (s.quality.rows as { skipped?: number }).skipped;
      return s;
    };
    expect(strip(x.results)).toEqual(strip(c.results));
    // the header is on row 4, so the rejected foundation (the table's 7th row) is on row 11
    expect(x.rejects.map((r) => r.line)).toEqual(['社会组织名录!row 11']);
  });

  it('yearbook.xlsx (cities merged over their years) gives the results.json of yearbook.csv', async () => {
    const x = await analyze('xlsx/yearbook.xlsx');
    const c = await analyze('xlsx/yearbook.csv');
    expect(x.results.provenance.shape).toBe('aggregate');
    expect(x.results.provenance.inputs[0]).toMatchObject({ sheet: '表3-5', mergedCellsFilled: 2 });
    const strip = (r: Results) => {
      const s = sameAnalysis(r) as Results;
      s.provenance.rows.blank = 0;
      s.quality.rows.blank = 0;
      delete s.provenance.rows.skipped;
      delete (s.quality.rows as { skipped?: number }).skipped;
      return s;
    };
    expect(strip(x.results)).toEqual(strip(c.results));
    // the title row 表3-5 above the header is a skipped table line; the empty row between them
    // is not in the sheet's XML at all (a workbook stores no empty rows), so nothing counts it
    expect(x.results.provenance.rows).toEqual({ read: 4, accepted: 4, rejected: 0, blank: 0, skipped: 1 });
  });

  it('--sheet by name and by number; a missing sheet lists the sheets', async () => {
    const byName = await runCommand(registerValidate, [
      'validate',
      fixture('xlsx/registry.xlsx'),
      '--sheet',
      '名录',
      '--lang',
      'en',
    ]);
    expect(byName.out).toContain('registry.xlsx: sheet "名录", 7 rows (6 accepted, 1 rejected)');
    expect(byName.out).toContain('registry.xlsx 名录!row 8, column staff_fulltime');
    const byNumber = await runCommand(registerValidate, [
      'validate',
      fixture('xlsx/registry.xlsx'),
      '--sheet',
      '2',
      '--lang',
      'en',
    ]);
    expect(byNumber.out).toContain('sheet "名录"');
    const missing = await runCommand(registerTrends, ['trends', fixture('xlsx/registry.xlsx'), '--sheet', '名单']);
    expect(isSoqaError(missing.error) && missing.error.code).toBe('E_SHEET_NOT_FOUND');
    expect((missing.error as Error).message).toContain('Its sheets are: 1 "说明", 2 "名录"');
  });

  it('an old .xls, a CSV named .xlsx and a web page named .xls are refused with the fix', async () => {
    const dir = freshDir();
    const xls = join(dir, '名录.xls');
    writeFileSync(xls, Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(504)]));
    const csvNamed = join(dir, 'list.xlsx');
    writeFileSync(csvNamed, readFileSync(fixture('xlsx/registry.csv')));
    const html = join(dir, 'export.xls');
    writeFileSync(html, '<html><body><table><tr><td>地区</td></tr></table></body></html>');
    const error = async (path: string) =>
      (await runCommand(registerValidate, ['validate', path])).error as Error & { code: string };
    const e1 = await error(xls);
    expect(e1.code).toBe('E_XLS_UNSUPPORTED');
    expect(e1.message).toContain('libreoffice --headless --convert-to xlsx');
    const e2 = await error(csvNamed);
    expect(e2.code).toBe('E_XLSX_NOT_WORKBOOK');
    expect(e2.message).toContain('text (perhaps CSV or tab-separated)');
    expect(e2.message).toContain('rename it to .csv');
    const e3 = await error(html);
    expect(e3.message).toContain('an HTML page');
  });

  it('warnings.csv names workbook rows by sheet row too', async () => {
    const dir = freshDir();
    const path = join(dir, '年报.xlsx');
    // the second organization's code has a wrong 18th character (…0104 is valid, see
    // test/fixtures/good-utf8.csv; …0105 fails the GB 32100 check): a warning, not a reject
    writeFileSync(
      path,
      writeXlsx([
        {
          name: '名录',
          rows: [
            ['统一社会信用代码', '社会组织名称', '社会组织类型', '地区', '成立登记日期'],
            ['51150100MJ00010104', '呼和浩特市志愿服务协会', '社会团体', '呼和浩特市', { date: '2015-03-02' }],
            ['51150100MJ00010105', '呼和浩特市书法协会', '社会团体', '呼和浩特市', { date: '2016-03-02' }],
          ],
        },
      ]),
    );
    const out = join(dir, 'out');
    const run = await runCommand(registerAnalyze, ['analyze', path, '-o', out, '--format', 'json', '-q']);
    expect(run.error).toBeNull();
    const warnings = readCsv(join(out, 'warnings.csv'));
    expect(warnings.length).toBeGreaterThan(0);
    expect(warnings).toEqual([
      expect.objectContaining({ file: '年报.xlsx', line: '名录!row 3', code: 'W_CODE_CHECKSUM' }),
    ]);
  });

  it('a 15-digit id stored as a number is found by soqa portrait, digit for digit', async () => {
    const run = await runCommand(registerPortrait, [
      'portrait',
      '150100000012345',
      fixture('xlsx/registry.xlsx'),
      '--lang',
      'en',
    ]);
    expect(run.error).toBeNull();
    expect(run.out).toContain('呼和浩特市老年书画研究会  150100000012345');
    expect(run.out).toContain('registered: 2019-05-01'); // the date cell, as ISO text
  });

  it('SOQA_XLSX_MAX_BYTES caps what a workbook may expand to, on the command line too', async () => {
    const dir = freshDir();
    const path = join(dir, 'big.xlsx');
    const rows = [['统一社会信用代码', '社会组织名称', '社会组织类型', '地区', '成立登记日期']];
    for (let i = 0; i < 2000; i++) rows.push([`id${i}`, `组织${i}`, '社会团体', '呼和浩特市', '2015-03-02']);
    writeFileSync(path, writeXlsx([{ name: 'S', rows }]));
    const old = process.env.SOQA_XLSX_MAX_BYTES;
    try {
      process.env.SOQA_XLSX_MAX_BYTES = '50000';
      const run = await runCommand(registerValidate, ['validate', path]);
      expect((run.error as { code?: string }).code).toBe('E_XLSX_TOO_LARGE');
      // the shared strings (~60 KB here) may take a quarter of the budget: 12,500 bytes = 12.2 KiB
      expect((run.error as Error).message).toContain('xl/sharedStrings.xml expands to');
      expect((run.error as Error).message).toContain('past the limit of 12.2 KiB for the shared strings');
      process.env.SOQA_XLSX_MAX_BYTES = 'lots';
      const bad = await runCommand(registerValidate, ['validate', path]);
      expect((bad.error as { code?: string }).code).toBe('E_BAD_OPTION');
    } finally {
      if (old === undefined) delete process.env.SOQA_XLSX_MAX_BYTES;
      else process.env.SOQA_XLSX_MAX_BYTES = old;
    }
  });

  it('a workbook named .csv is read by its content', async () => {
    const dir = freshDir();
    const named = join(dir, 'registry.csv');
    writeFileSync(named, readFileSync(fixture('xlsx/registry.xlsx')));
    const run = await runCommand(registerValidate, ['validate', named, '--lang', 'en']);
    expect(run.out).toContain('registry.csv: sheet "名录", 7 rows (6 accepted, 1 rejected)');
  });
});
