// Regions detection and resolution end to end (in process), on the fixtures of
// test/fixtures/regions (make-region-fixtures.mjs; README.md there). Expected counts are the
// fixtures' own rows, counted by hand from the generator: provinces-forms 31 × 3 rows,
// prefectures-forms 8 × 4, guangdong-prefectures 4 × 3, inner-mongolia-forms 13 × 4 + 3,
// nanshan 4, national-provinces-2022 1 + 31.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { registerValidate } from '../../../src/cli/commands/validate.js';
import { registerAnalyze } from '../../../src/cli/commands/analyze.js';
import { chooseRegions, sampleKey } from '../../../src/ingest/regions/detect-regions.js';
import { loadRegions } from '../../../src/ingest/regions/load-regions.js';
import { builtInRegionsIds, loadProfile, regionsPathFor } from '../../../src/ingest/profile/load-profile.js';
import { runCommand, runMain } from '../../helpers/run-command.js';
import { fixture } from '../../helpers/run-soqa.js';
import { writeXlsx } from '../../fixtures/xlsx/write-xlsx.mjs';
import { writeFileSync } from 'node:fs';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
const validate = async (file: string, ...args: string[]) => {
  // the messages are asserted in English (the zh default is in test/cli/zh-terminal.test.ts)
  const r = await runCommand(registerValidate, [
    'validate',
    fixture(`regions/${file}`),
    '--json',
    '--lang',
    'en',
    ...args,
  ]);
  return { report: JSON.parse(r.out), err: r.err };
};

describe('regions detection (no --regions)', () => {
  it('reads 广东省 / 广东 / 广东省民政厅 with china-provinces', async () => {
    const { report, err } = await validate('provinces-forms.csv');
    expect(err).toMatch(/^regions: china-provinces \(detected: it places 100\.0% of the first 93 rows/m);
    expect(report.rows).toMatchObject({ read: 93, accepted: 93, rejected: 0 });
  });

  it('reads 深圳市 / 深圳 / 广东省深圳市 / 深圳市民政局 with china-prefectures (most rows name prefectures)', async () => {
    const { report, err } = await validate('prefectures-forms.csv');
    expect(err).toMatch(/^regions: china-prefectures \(detected/m);
    expect(report.rows).toMatchObject({ read: 32, accepted: 32 });
  });

  it('narrows to the one province all rows lie in', async () => {
    const { report, err } = await validate('guangdong-prefectures.csv');
    expect(err).toMatch(/^regions: china-prefectures within 440000/m);
    expect(report.rows).toMatchObject({ read: 12, accepted: 12 });
  });

  it('reads county, full, city + county and authority forms with inner-mongolia; the credit code places what the text does not', async () => {
    const { report, err } = await validate('inner-mongolia-forms.csv');
    expect(err).toMatch(/^regions: inner-mongolia \(detected/m);
    // 13 forms × 4 rows + 本市 + 市辖区 (placed by the credit code) + 内蒙古自治区民政厅 (no league: rejected)
    expect(report.rows).toMatchObject({ read: 55, accepted: 54, rejected: 1 });
    expect(report.warningsByCode).toEqual({ W_REGION_FROM_CREDIT_CODE: 2 });
    expect(report.rejectsByReason).toEqual({ R_UNKNOWN_REGION: 1 });
  });

  it('reads a national yearbook table with a 全国 row without --regions, and names the choice in provenance', async () => {
    const out = mkdtempSync(join(tmpdir(), 'soqa-geo-'));
    dirs.push(out);
    const r = await runCommand(registerAnalyze, [
      'analyze',
      fixture('regions/national-provinces-2022.csv'),
      '--format',
      'json',
      '-o',
      out,
      '--force',
    ]);
    expect(r.code, r.err).toBe(0);
    const results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8'));
    expect(results.provenance.regions).toMatchObject({ id: 'china-provinces', count: 31 });
    expect(results.provenance.regions.detected).toMatchObject({ id: 'china-provinces', rows: 32, share: 1 });
    expect(results.provenance.rows).toMatchObject({ read: 32, accepted: 32, rejected: 0 });
  });

  it('reads the national 全国-only table with china.json', async () => {
    const r = await runCommand(registerValidate, [
      'validate',
      fixture('aggregate/national-2012-2022.csv'),
      '--lang',
      'en',
    ]);
    expect(r.err).toMatch(/^regions: china \(detected/m);
  });

  it('keeps inner-mongolia for the built-in sample, without a detection message', async () => {
    const r = await runCommand(registerValidate, ['validate', '--json']);
    expect(r.err).not.toMatch(/regions:/);
  });
});

describe('regions detection in an Excel workbook', () => {
  // the rows of provinces-forms.csv (31 provinces × 3 forms) in a sheet under a title row,
  // after a sheet with no table: detection reads the sheet the ingest reads
  const csv = readFileSync(fixture('regions/provinces-forms.csv'), 'utf8').trim().split('\n');
  const rows = csv.map((line) => line.split(','));
  const workbook = (name: string): string => {
    const dir = mkdtempSync(join(tmpdir(), 'soqa-detect-xlsx-'));
    dirs.push(dir);
    const path = join(dir, name);
    writeFileSync(
      path,
      writeXlsx([
        { name: '说明', rows: [['本表为测试数据']] },
        { name: '名录', rows: [['2024年社会组织名录'], ...rows] },
      ]),
    );
    return path;
  };

  it('reads the region cells of the sheet with the table, under its title row', async () => {
    const r = await runCommand(registerValidate, ['validate', workbook('名录.xlsx'), '--json', '--lang', 'en']);
    expect(r.err).toMatch(/^regions: china-provinces \(detected: it places 100\.0% of the first 93 rows/m);
    expect(JSON.parse(r.out).rows).toMatchObject({ read: 93, accepted: 93, rejected: 0 });
  });

  it("says so when no built-in file places the sheet's regions, and rejects the rows it cannot place", async () => {
    // 火星市 and 月球县 are in no regions file, and the ids are not credit codes (nothing to
    // place them by); 呼和浩特市 is in the fallback, inner-mongolia: 1 of 3 rows accepted
    const dir = mkdtempSync(join(tmpdir(), 'soqa-detect-xlsx-'));
    dirs.push(dir);
    const path = join(dir, 'unknown.xlsx');
    const head = ['org_id', 'name', 'type', 'region', 'registered'];
    writeFileSync(
      path,
      writeXlsx([
        {
          name: 'S',
          rows: [
            head,
            ['A1', '甲', '社会团体', '火星市', '2018-05-03'],
            ['A2', '乙', '民办非企业单位', '月球县', '2018-05-04'],
            ['A3', '丙', '社会团体', '呼和浩特市', '2018-05-04'],
          ],
        },
      ]),
    );
    const r = await runCommand(registerValidate, ['validate', path, '--json', '--lang', 'en']);
    expect(r.err).toMatch(/^regions: no built-in file .* places 95% of the first rows; reading with inner-mongolia/m);
    const report = JSON.parse(r.out);
    expect(report.rows).toMatchObject({ read: 3, accepted: 1, rejected: 2 });
    expect(report.rejectsByReason).toEqual({ R_UNKNOWN_REGION: 2 });
  });

  it('leaves a damaged workbook to the ingest, which names the problem (detection does not fail first)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'soqa-detect-xlsx-'));
    dirs.push(dir);
    const path = join(dir, 'truncated.xlsx');
    writeFileSync(path, readFileSync(workbook('名录.xlsx')).subarray(0, 600));
    const r = await runMain(['validate', path, '--lang', 'en']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/E_XLSX_CORRUPT.*truncated\.xlsx: the workbook cannot be read/);
    expect(r.stderr).not.toMatch(/^regions:/m);
  });

  it('reads the sheet named by --sheet', async () => {
    const r = await runCommand(registerValidate, [
      'validate',
      workbook('名录.xlsx'),
      '--sheet',
      '名录',
      '--json',
      '--lang',
      'en',
    ]);
    expect(r.err).toMatch(/^regions: china-provinces \(detected/m);
  });
});

describe('ambiguous county names', () => {
  it('settles 南山区 by the credit code and rejects it, naming both candidates, without one', async () => {
    const r = await runCommand(registerValidate, [
      'validate',
      fixture('regions/nanshan.csv'),
      '--regions',
      'china-prefectures',
      '--lang',
      'en',
    ]);
    expect(r.out).toMatch(/4 rows \(3 accepted, 1 rejected\)/);
    expect(r.out).toMatch(/R_AMBIGUOUS_REGION/);
    expect(r.out).toContain('230404 南山区 (黑龙江省鹤岗市) and 440305 南山区 (广东省深圳市)');
  });
});

describe('chooseRegions (pure)', () => {
  const files = builtInRegionsIds().map((id) => {
    const f = loadRegions(regionsPathFor(loadProfile('default'), id));
    return { id, size: f.regions.length, load: () => f };
  });
  it('takes the smallest file that places 95%, counting the credit code division', () => {
    const sample = new Map([
      [sampleKey('150100', undefined), 50],
      [sampleKey('乱码', '51150627MJ0000011X'), 2],
    ]);
    expect(chooseRegions(sample, files)?.id).toBe('inner-mongolia');
  });
  it('gives null when no file places 95%', () => {
    expect(chooseRegions(new Map([[sampleKey('乱码', undefined), 10]]), files)).toBeNull();
    expect(chooseRegions(new Map(), files)).toBeNull();
  });
});
