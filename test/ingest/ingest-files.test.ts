import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ingestFiles, type IngestResult } from '../../src/ingest/ingest-files.js';
import { loadProfile, regionsPathFor } from '../../src/ingest/profile/load-profile.js';
import { loadRegions } from '../../src/ingest/regions/load-regions.js';
import { catValue, type Dataset } from '../../src/dataset/dataset.js';
import { checkCreditCode } from '../../src/domain/credit-code/index.js';
import { isSoqaError } from '../../src/core/soqa-error.js';
import { EXIT } from '../../src/core/exit-codes.js';
import { encodeGbk } from '../helpers/gbk.js';
import { civilCode } from '../helpers/civil-code.js';

// The rows of each fixture, and so every count expected below, are laid out and explained
// in test/fixtures/make-fixtures.mjs (one comment block per file).
const FIXTURES = resolve(import.meta.dirname, '..', 'fixtures');
const fx = (name: string) => join(FIXTURES, name);
const profile = loadProfile('default');
const regions = loadRegions(regionsPathFor(profile));
const ingest = (paths: string[], extra: Partial<Parameters<typeof ingestFiles>[1]> = {}) =>
  ingestFiles(paths, { profile, regions, ...extra });

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'soqa-ingest-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const cat = (ds: Dataset, f: string) => Array.from({ length: ds.length }, (_, i) => catValue(ds.cat[f], i));
const num = (ds: Dataset, f: string) => Array.from(ds.num[f]);
const problems = (r: IngestResult, which: 'rejects' | 'warnings' = 'rejects') =>
  r[which].map((p) => [p.line, p.code, p.column]);

/** Every data record is accepted or rejected, per source and in total. */
function expectAccounting(r: IngestResult): void {
  expect(r.counts.read).toBe(r.counts.accepted + r.counts.rejected);
  for (const s of r.sources) expect(s.counts.read).toBe(s.counts.accepted + s.counts.rejected);
  expect(r.counts.read).toBe(r.sources.reduce((a, s) => a + s.counts.read, 0));
  expect(r.dataset.length).toBe(r.counts.accepted);
  expect(r.rejects).toHaveLength(r.counts.rejected);
  expect(Object.values(r.rejectCounts).reduce((a, b) => a + b, 0)).toBe(r.counts.rejected);
}

describe('ingestFiles on the fixtures', () => {
  it('keeps read = accepted + rejected for every fixture that loads', async () => {
    const names = readdirSync(FIXTURES).filter((f) => f.endsWith('.csv') && f !== 'missing-column.csv');
    expect(names.length).toBeGreaterThanOrEqual(10);
    for (const n of names) expectAccounting(await ingest([fx(n)]));
  });

  it('good-utf8.csv: 7 clean panel rows with typed values', async () => {
    const r = await ingest([fx('good-utf8.csv')]);
    expect(r.counts).toEqual({ read: 7, accepted: 7, rejected: 0, blank: 0 });
    expect(r.rejects).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(r.sources[0]).toMatchObject({ name: 'good-utf8.csv', encoding: 'utf-8', delimiter: ',', gzip: false });
    const ds = r.dataset;
    expect(ds.shape).toBe('panel');
    expect(ds.present).toEqual([
      'org_id',
      'name',
      'type',
      'region',
      'registered',
      'year',
      'field',
      'rating',
      'staff_fulltime',
      'staff_parttime',
    ]);
    expect(num(ds, 'year')).toEqual([2023, 2024, 2023, 2024, 2023, 2024, 2024]);
    expect(num(ds, 'staff_fulltime')).toEqual([3, 4, 10, 12, 0, 1, 2]);
    // rating 3A 3A 4A 4A 0 0, then empty (missing) in the last row
    expect(num(ds, 'rating')).toEqual([3, 3, 4, 4, 0, 0, Number.NaN]);
    expect(r.missingCounts.rating).toBe(1);
    expect(r.missingCounts.staff_fulltime).toBe(0);
    expect(cat(ds, 'region')).toEqual(['150100', '150100', '150200', '150200', '150100', '150100', '150600']);
    expect(cat(ds, 'field')).toEqual([
      'social_services',
      'social_services',
      'elderly_care',
      'elderly_care',
      'culture',
      'culture',
      'ecology',
    ]);
    expect(Array.from(ds.source.line)).toEqual([2, 3, 4, 5, 6, 7, 8]);
    for (const id of ds.text.org_id) expect(checkCreditCode(id).valid).toBe(true);
  });

  it('gbk-chinese-headers.csv: GBK with Chinese headers, type labels and region names', async () => {
    const r = await ingest([fx('gbk-chinese-headers.csv')]);
    expect(r.counts).toEqual({ read: 4, accepted: 4, rejected: 0, blank: 0 });
    expect(r.warnings).toEqual([]);
    expect(r.sources[0]).toMatchObject({
      encoding: 'gb18030',
      encodingReason: 'fallback-gb18030',
      replacementChars: 0,
    });
    expect(r.sources[0].header.fieldOf).toEqual([
      'org_id',
      'name',
      'type',
      'region',
      'registered',
      'year',
      'staff_fulltime',
    ]);
    const ds = r.dataset;
    // 社会团体, 民办非企业单位, 基金会, 社团
    expect(cat(ds, 'type')).toEqual(['social_group', 'private_non_enterprise', 'foundation', 'social_group']);
    // 呼和浩特市, 鄂尔多斯, 包头市, 乌海市
    expect(cat(ds, 'region')).toEqual(['150100', '150600', '150200', '150300']);
    // 2016年5月4日, 2019/9/1, 2021-01-01, 2012年
    expect(num(ds, 'registered')).toEqual([20160504, 20190901, 20210101, 20120000]);
    expect(num(ds, 'staff_fulltime')).toEqual([5, 8, 3, 0]);
    expect(ds.text.name[0]).toBe('呼和浩特市社区服务协会');
    // CRLF line ends: lines 2..5
    expect(Array.from(ds.source.line)).toEqual([2, 3, 4, 5]);
  });

  it('broken-quotes.csv: each broken quote costs its own line only', async () => {
    const r = await ingest([fx('broken-quotes.csv')]);
    // 7 records: lines 2, 3–4, 5 (broken), 6, 7, 8 (broken), 9
    expect(r.counts).toEqual({ read: 7, accepted: 5, rejected: 2, blank: 0 });
    expect(problems(r)).toEqual([
      [5, 'R_UNTERMINATED_QUOTE', ''],
      [8, 'R_UNTERMINATED_QUOTE', ''],
    ]);
    expect(r.rejects[0].value).toMatch(/^53150600MJ\w+,"鄂尔多斯市慈善基金会,foundation/);
    expect(r.warnings).toEqual([]);
    const ds = r.dataset;
    expect(Array.from(ds.source.line)).toEqual([2, 3, 6, 7, 9]);
    expect(ds.text.name).toEqual([
      '呼和浩特市志愿者协会, 新城区分会',
      '包头市"夕阳红"养老\n服务中心',
      '乌海市青年志愿者协会',
      '赤峰市"绿色"环保协会',
      '兴安盟体育协会',
    ]);
  });

  it('negative-staff.csv: negative and fractional counts are rejected with line and column', async () => {
    const r = await ingest([fx('negative-staff.csv')]);
    expect(r.counts).toEqual({ read: 5, accepted: 2, rejected: 3, blank: 0 });
    expect(r.rejects.map((p) => [p.line, p.code, p.column, p.value])).toEqual([
      [3, 'R_NEGATIVE', 'staff_fulltime', '-3'],
      [4, 'R_NEGATIVE', 'staff_parttime', '-1'],
      [5, 'R_NOT_INTEGER', 'staff_fulltime', '2.5'],
    ]);
    expect(r.rejectCounts).toEqual({ R_NEGATIVE: 2, R_NOT_INTEGER: 1 });
    expect(r.rejects.every((p) => p.file === 'negative-staff.csv')).toBe(true);
  });

  it('duplicate-rows.csv: the second row of an organization-year is rejected, pointing at the first', async () => {
    const r = await ingest([fx('duplicate-rows.csv')]);
    expect(r.counts).toEqual({ read: 5, accepted: 3, rejected: 2, blank: 0 });
    expect(r.rejects.map((p) => [p.line, p.code, p.column, p.reason])).toEqual([
      [5, 'R_DUPLICATE', 'org_id, year', 'duplicates duplicate-rows.csv line 3'],
      [6, 'R_DUPLICATE', 'org_id, year', 'duplicates duplicate-rows.csv line 4'],
    ]);
    // the first rows are kept: line 4 had 6 full-time staff, the rejected line 6 had 7
    expect(num(r.dataset, 'staff_fulltime')).toEqual([2, 3, 6]);
  });

  it('bom-semicolon.csv: BOM dropped, semicolon detected, a comma inside a name kept', async () => {
    const r = await ingest([fx('bom-semicolon.csv')]);
    expect(r.counts).toEqual({ read: 2, accepted: 2, rejected: 0, blank: 0 });
    expect(r.sources[0]).toMatchObject({ encoding: 'utf-8', encodingReason: 'bom', delimiter: ';' });
    expect(r.sources[0].header.fieldOf[0]).toBe('org_id');
    expect(r.dataset.text.name[0]).toBe('呼和浩特市书画协会,老年分会');
    expect(num(r.dataset, 'assets_net')).toEqual([-1200.5, 35000]);
  });

  it('utf16le.csv: UTF-16LE with BOM and tabs', async () => {
    const r = await ingest([fx('utf16le.csv')]);
    expect(r.counts).toEqual({ read: 3, accepted: 3, rejected: 0, blank: 0 });
    expect(r.sources[0]).toMatchObject({ encoding: 'utf-16le', delimiter: '\t' });
    expect(r.dataset.text.name).toEqual(['呼伦贝尔市冰雪运动协会', '巴彦淖尔市河套文化研究中心', '阿拉善盟绿洲基金会']);
    expect(cat(r.dataset, 'region')).toEqual(['150700', '150800', '152900']);
  });

  it('dates-mixed.csv: every date form read, impossible dates rejected', async () => {
    const r = await ingest([fx('dates-mixed.csv')]);
    expect(r.counts).toEqual({ read: 8, accepted: 6, rejected: 2, blank: 0 });
    expect(r.dataset.shape).toBe('registry');
    expect(r.rejects.map((p) => [p.line, p.code, p.value, p.reason])).toEqual([
      [7, 'R_BAD_DATE', '2024-02-30', 'impossible date'],
      [8, 'R_BAD_DATE', '2023-02-29', 'impossible date'],
    ]);
    // 2024年6月1日, 2024/6/1, 202406, Excel 45444 (= 2024-06-01, see parse-date.test.ts), 2020, 2024-02-29
    expect(num(r.dataset, 'registered')).toEqual([20240601, 20240601, 20240600, 20240601, 20200000, 20240229]);
  });

  it('fullwidth-numbers.csv: full-width digits, ideographic spaces, separators and 万', async () => {
    const r = await ingest([fx('fullwidth-numbers.csv')]);
    expect(r.counts).toEqual({ read: 2, accepted: 2, rejected: 0, blank: 0 });
    const ds = r.dataset;
    expect(cat(ds, 'region')).toEqual(['150100', '150200']);
    expect(num(ds, 'registered')).toEqual([20150302, 20160101]);
    expect(num(ds, 'year')).toEqual([2024, 2024]);
    expect(num(ds, 'staff_fulltime')).toEqual([12, 5]);
    expect(num(ds, 'volunteers')).toEqual([1234, 80]);
    expect(num(ds, 'rev_gov_purchase')).toEqual([35000, 12000]); // 3.5万 = 3.5 × 10⁴
  });

  it('credit-code-warnings.csv: each credit-code warning once, rows still accepted', async () => {
    const r = await ingest([fx('credit-code-warnings.csv')]);
    expect(r.counts).toEqual({ read: 5, accepted: 5, rejected: 0, blank: 0 });
    expect(problems(r, 'warnings')).toEqual([
      [2, 'W_CODE_CHECKSUM', 'org_id'],
      [3, 'W_CODE_TYPE', 'org_id'],
      [4, 'W_CODE_REGION', 'org_id'],
      [5, 'W_CODE_LOWERCASE', 'org_id'],
    ]);
    expect(r.warningCounts).toEqual({ W_CODE_CHECKSUM: 1, W_CODE_TYPE: 1, W_CODE_REGION: 1, W_CODE_LOWERCASE: 1 });
    expect(r.dataset.text.org_id[3]).toMatch(/^51150300MJ/);
  });

  it('missing-column.csv: E_MISSING_COLUMN (exit 2) names the column and lists the headers found', async () => {
    const err = await ingest([fx('missing-column.csv')]).catch((e: unknown) => e);
    expect(isSoqaError(err)).toBe(true);
    expect(err).toMatchObject({ code: 'E_MISSING_COLUMN', exitCode: EXIT.UNUSABLE_INPUT });
    const m = (err as Error).message;
    expect(m).toContain('required column registered not found');
    expect(m).toContain('headers found: "org_id", "name", "type", "region", "year", "staff_fulltime"');
  });
});

describe('ingestFiles: several files are one dataset', () => {
  it("adds up the counts and keeps each row's file and line", async () => {
    const r = await ingest([fx('good-utf8.csv'), fx('negative-staff.csv')]);
    // 7 + 5 read, 7 + 2 accepted, 0 + 3 rejected
    expect(r.counts).toEqual({ read: 12, accepted: 9, rejected: 3, blank: 0 });
    expectAccounting(r);
    expect(r.sources.map((s) => [s.name, s.counts.read])).toEqual([
      ['good-utf8.csv', 7],
      ['negative-staff.csv', 5],
    ]);
    expect(Array.from(r.dataset.source.file)).toEqual([0, 0, 0, 0, 0, 0, 0, 1, 1]);
    expect(Array.from(r.dataset.source.line)).toEqual([2, 3, 4, 5, 6, 7, 8, 2, 6]);
    // columns of either file; rows of the other read as missing
    expect(r.dataset.present).toEqual([
      'org_id',
      'name',
      'type',
      'region',
      'registered',
      'year',
      'field',
      'rating',
      'staff_fulltime',
      'staff_parttime',
    ]);
    expect(cat(r.dataset, 'field').slice(7)).toEqual([null, null]);
  });

  it('takes columns that only a later file has, earlier rows missing', async () => {
    const r = await ingest([fx('negative-staff.csv'), fx('fullwidth-numbers.csv')]);
    expect(r.counts.accepted).toBe(4);
    expect(num(r.dataset, 'volunteers')).toEqual([Number.NaN, Number.NaN, 1234, 80]);
    expect(r.missingCounts.volunteers).toBe(0);
  });

  it('rejects a row that repeats an organization-year of an earlier file', async () => {
    const copy = join(dir, 'good-copy.csv');
    copyFileSync(fx('good-utf8.csv'), copy);
    const r = await ingest([fx('good-utf8.csv'), copy]);
    expect(r.counts).toEqual({ read: 14, accepted: 7, rejected: 7, blank: 0 });
    expect(r.rejects[0]).toMatchObject({
      file: 'good-copy.csv',
      line: 2,
      code: 'R_DUPLICATE',
      reason: 'duplicates good-utf8.csv line 2',
    });
  });

  it('reads files of different encodings and delimiters together', async () => {
    const r = await ingest([fx('gbk-chinese-headers.csv'), fx('utf16le.csv'), fx('bom-semicolon.csv')]);
    expect(r.counts).toEqual({ read: 9, accepted: 9, rejected: 0, blank: 0 });
    expect(r.sources.map((s) => [s.encoding, s.delimiter])).toEqual([
      ['gb18030', ','],
      ['utf-16le', '\t'],
      ['utf-8', ';'],
    ]);
  });

  it('refuses to mix a registry list with an annual-report panel (E_MIXED_SHAPES, exit 2)', async () => {
    for (const paths of [
      [fx('good-utf8.csv'), fx('dates-mixed.csv')],
      [fx('dates-mixed.csv'), fx('good-utf8.csv')],
    ]) {
      const err = await ingest(paths).catch((e: unknown) => e);
      expect(err).toMatchObject({ code: 'E_MIXED_SHAPES', exitCode: EXIT.UNUSABLE_INPUT });
      expect((err as Error).message).toMatch(/year column/);
    }
  });
});

describe('ingestFiles: unusable input and edge cases', () => {
  const write = (name: string, data: string | Uint8Array) => {
    const p = join(dir, name);
    writeFileSync(p, data);
    return p;
  };

  it('E_EMPTY_INPUT for an empty file', async () => {
    await expect(ingest([write('empty.csv', '')])).rejects.toMatchObject({
      code: 'E_EMPTY_INPUT',
      exitCode: EXIT.UNUSABLE_INPUT,
    });
  });

  it('E_BAD_HEADER when the header has an unterminated quote', async () => {
    await expect(ingest([write('bad-header.csv', 'org_id,"name,type\n1,2,3\n')])).rejects.toMatchObject({
      code: 'E_BAD_HEADER',
      exitCode: EXIT.UNUSABLE_INPUT,
    });
  });

  it('E_DUPLICATE_COLUMN when two columns map to one field', async () => {
    const err = await ingest([write('dup-col.csv', 'org_id,统一社会信用代码,name,type,region,registered\n')]).catch(
      (e: unknown) => e,
    );
    expect(err).toMatchObject({ code: 'E_DUPLICATE_COLUMN', exitCode: EXIT.UNUSABLE_INPUT });
    expect((err as Error).message).toContain('"org_id" and "统一社会信用代码" both map to org_id');
  });

  it('E_INPUT_READ for a missing file', async () => {
    await expect(ingest([join(dir, 'nope.csv')])).rejects.toMatchObject({
      code: 'E_INPUT_READ',
      exitCode: EXIT.UNUSABLE_INPUT,
    });
  });

  it('a header-only file reads 0 rows', async () => {
    const r = await ingest([write('header-only.csv', 'org_id,name,type,region,registered\n')]);
    expect(r.counts).toEqual({ read: 0, accepted: 0, rejected: 0, blank: 0 });
    expect(r.dataset.length).toBe(0);
  });

  it('skips blank lines without counting them as rows, keeping line numbers', async () => {
    const code = civilCode('1', '150100', 9001);
    const p = write(
      'blank-lines.csv',
      `org_id,name,type,region,registered\n\n${code},协会,social_group,150100,2020\n   \n`,
    );
    const r = await ingest([p]);
    expect(r.counts).toEqual({ read: 1, accepted: 1, rejected: 0, blank: 2 });
    expect(Array.from(r.dataset.source.line)).toEqual([3]);
  });

  it('rejects a panel row whose year is empty (a year column makes a panel)', async () => {
    const code = civilCode('1', '150100', 9002);
    const p = write(
      'empty-year.csv',
      `org_id,name,type,region,registered,year\n${code},协会,social_group,150100,2020,2024\n${civilCode('1', '150100', 9003)},协会二,social_group,150100,2020,\n`,
    );
    const r = await ingest([p]);
    expect(r.counts).toEqual({ read: 2, accepted: 1, rejected: 1, blank: 0 });
    expect(problems(r)).toEqual([[3, 'R_REQUIRED_MISSING', 'year']]);
  });

  it('a row with a wrong number of fields is rejected as R_FIELD_COUNT', async () => {
    const r = await ingest([write('short.csv', 'org_id,name,type,region,registered\nX,协会,social_group\n')]);
    expect(problems(r)).toEqual([[2, 'R_FIELD_COUNT', '']]);
  });

  it('sums the reasons of a row with several problems into one reject naming the others', async () => {
    const r = await ingest([
      write('many.csv', 'org_id,name,type,region,registered,staff_fulltime\nX,协会,企业,北京,2024-02-30,-1\n'),
    ]);
    expect(r.rejects).toHaveLength(1);
    expect(r.rejects[0].code).toBe('R_UNKNOWN_TYPE');
    expect(r.rejects[0].reason).toMatch(/\(and 3 more: region, registered, staff_fulltime\)$/);
  });

  it('an over-long field is rejected as R_FIELD_TOO_LONG with its line', async () => {
    const code = civilCode('1', '150100', 9004);
    const p = write(
      'long.csv',
      `org_id,name,type,region,registered\n${code},${'长'.repeat(50)},social_group,150100,2020\n${code},短,social_group,150100,2020\n`,
    );
    const r = await ingest([p], { maxFieldChars: 20 });
    expect(problems(r)).toEqual([[2, 'R_FIELD_TOO_LONG', '']]);
    expect(r.counts).toEqual({ read: 2, accepted: 1, rejected: 1, blank: 0 });
  });

  it('rows with undecodable bytes are rejected and counted', async () => {
    // a UTF-8 file with one stray GBK name: detection says UTF-8 from the first valid bytes…
    const head = Buffer.from('org_id,name,type,region,registered\n');
    const good = Buffer.from(`${civilCode('1', '150100', 9005)},好协会,social_group,150100,2020\n`);
    const bad = Buffer.concat([
      Buffer.from(`${civilCode('1', '150100', 9006)},`),
      encodeGbk('社会团体'),
      Buffer.from(',social_group,150100,2020\n'),
    ]);
    const r = await ingest([write('stray-gbk.csv', Buffer.concat([head, good, bad]))], { encoding: 'utf-8' });
    expect(problems(r)).toEqual([[3, 'R_UNDECODABLE', 'name']]);
    expect(r.sources[0].replacementChars).toBeGreaterThan(0);
  });

  it('a forced delimiter wins over detection', async () => {
    const r = await ingest([fx('bom-semicolon.csv')], { delimiter: ',' }).catch((e: unknown) => e);
    // with ',' the header is one column that maps to nothing: required columns missing
    expect(r).toMatchObject({ code: 'E_MISSING_COLUMN' });
  });
});

describe('ingestFiles: a large GBK file read in chunks', () => {
  it('reports the exact lines of problems far into the file', async () => {
    // 4,000 data rows of ~80 bytes: ~320 KB, several 64 KiB read chunks. Row k (1-based) is
    // on line k + 1. Row 3,000 gets an unterminated quote in its name, row 3,500 a negative
    // staff count; row 1,000 has a name with an embedded line break, which moves every later
    // row down one line: row 3,000 is on line 3,002 and row 3,500 on line 3,502.
    const lines = ['统一社会信用代码,社会组织名称,社会组织类型,地区,成立登记日期,年度,专职人员'];
    for (let k = 1; k <= 4000; k++) {
      const code = civilCode('1', '150100', k);
      let name = `呼和浩特市第${k}社会团体`;
      if (k === 1000) name = `"呼和浩特市第${k}\n社会团体"`;
      if (k === 3000) name = `"呼和浩特市第${k}社会团体`;
      lines.push(`${code},${name},社会团体,呼和浩特市,2015年3月2日,2024,${k === 3500 ? -2 : k % 7}`);
    }
    const p = join(dir, 'big-gbk.csv');
    writeFileSync(p, encodeGbk(`${lines.join('\r\n')}\r\n`));
    const r = await ingest([p]);
    expect(r.sources[0].encoding).toBe('gb18030');
    expect(r.counts).toEqual({ read: 4000, accepted: 3998, rejected: 2, blank: 0 });
    expect(problems(r)).toEqual([
      [3002, 'R_UNTERMINATED_QUOTE', ''],
      [3502, 'R_NEGATIVE', 'staff_fulltime (专职人员)'],
    ]);
    expect(r.dataset.source.line[999]).toBe(1001);
    expect(r.dataset.source.line[1000]).toBe(1003);
    expect(r.dataset.text.name[999]).toBe('呼和浩特市第1000\n社会团体');
  });
});
