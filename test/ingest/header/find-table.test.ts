import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ingestInput, type AnyIngestResult } from '../../../src/ingest/ingest-input.js';
import { ingestFiles, type IngestResult } from '../../../src/ingest/ingest-files.js';
import type { AggregateIngestResult } from '../../../src/ingest/aggregate/ingest-aggregate.js';
import { loadProfile, regionsPathFor } from '../../../src/ingest/profile/load-profile.js';
import { loadRegions } from '../../../src/ingest/regions/load-regions.js';
import { rollup } from '../../../src/cube/cube.js';
import { isSoqaError } from '../../../src/core/soqa-error.js';

const FIX = resolve(import.meta.dirname, '..', '..', 'fixtures', 'issue-20');
const fx = (name: string): string => join(FIX, name);
const profile = loadProfile('default');
const regions = loadRegions(regionsPathFor(profile));
const dir = mkdtempSync(join(tmpdir(), 'soqa-table-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const file = (text: string): string => {
  const p = join(dir, `t${++n}.csv`);
  writeFileSync(p, text);
  return p;
};
const read = async (path: string, extra: object = {}): Promise<AnyIngestResult> =>
  (await ingestInput([path], { profile, regions, ...extra })).ingest;
const errorOf = async (p: Promise<unknown>): Promise<{ code: string; message: string }> => {
  try {
    await p;
  } catch (e) {
    if (isSoqaError(e)) return { code: e.code, message: e.message };
    throw e;
  }
  throw new Error('no error');
};

describe('finding the table (issue 20, item 2)', () => {
  it('an organization list under a title and a blank line, a 合计 row and two notes after it', async () => {
    const r = (await read(fx('titled-list.csv'))) as IngestResult;
    // the 7 data rows of good-utf8.csv (lines 4–10); lines 1 (title), 11 (合计), 12, 13 (notes) are not rows
    expect(r.counts).toEqual({ read: 7, accepted: 7, rejected: 0, blank: 1, skipped: 4 });
    expect(r.rejects).toEqual([]);
    const t = r.sources[0].table!;
    expect(t.headerLine).toBe(3);
    expect(t.lines.map((l) => [l.line, l.kind])).toEqual([
      [1, 'title'],
      [11, 'total'],
      [12, 'note'],
      [13, 'note'],
    ]);
    expect(t.lines[0].text).toBe('内蒙古自治区社会组织名录（截至2023年底）');
    expect(r.dataset.source.line[0]).toBe(4);
    // 合计 7 agrees with the 7 rows
    expect(r.warningCounts.W_TOTAL_MISMATCH ?? 0).toBe(0);
  });

  it('a registry list whose 合计 row disagrees with its rows: a cross-check warning with the line', async () => {
    const p = file(
      'org_id,name,type,region,registered\n51150100MJ00010104,某协会,社会团体,150100,2015\n合计,2,,,\n注：不含分支机构\n',
    );
    const r = (await read(p)) as IngestResult;
    expect(r.counts).toMatchObject({ read: 1, accepted: 1, rejected: 0, skipped: 2 });
    expect(r.warnings.map((w) => [w.line, w.code, w.column])).toEqual([[3, 'W_TOTAL_MISMATCH', '合计']]);
  });

  it('a yearbook table under a title and a unit line; 全区 rows stay cross-checks; notes are kept', async () => {
    const r = (await read(fx('yearbook-units.csv'))) as AggregateIngestResult;
    expect(r.dataset).toBeNull();
    expect(r.counts).toEqual({ read: 6, accepted: 6, rejected: 0, blank: 0, skipped: 4 });
    expect(r.wholeArea).toBe('checks');
    expect(r.sources[0].table!.lines.map((l) => l.kind)).toEqual(['title', 'unit', 'note', 'note']);
    // 全区 2022 says 120 social groups = 50 + 70 (呼和浩特市 + 包头市): no mismatch; 2023: 125 = 52 + 73
    expect(r.warningCounts.W_TOTAL_MISMATCH ?? 0).toBe(0);
    const cell = (region: string, year: number) =>
      rollup(r.cube, ['type'], { region, year }).find((g) => g.key.type === 'social_group')?.count;
    expect(cell('150100', 2023)).toBe(52);
  });

  it('a two-row header (社会组织合计, 其中 over the type columns) is one header', async () => {
    const r = (await read(fx('yearbook-two-row-header.csv'))) as AggregateIngestResult;
    expect(r.dataset).toBeNull();
    expect(r.counts).toEqual({ read: 4, accepted: 4, rejected: 0, blank: 0 });
    expect(r.sources[0].table).toMatchObject({ headerLine: 1, headerRows: 2 });
    expect(r.sources[0].header.typeColumns.map((c) => c.type)).toEqual([
      'social_group',
      'private_non_enterprise',
      'foundation',
    ]);
    // 社会组织合计 checks the type columns: 120 = 50 + 60 + 10, 145 = 70 + 70 + 5, 128 = 52 + 65 + 11, 153 = 73 + 75 + 5
    expect(r.warningCounts.W_TOTAL_MISMATCH ?? 0).toBe(0);
  });

  it('--header-row overrides the search; a missing header names the rows tried and the option', async () => {
    const p = file('说明行\norg_id,name,type,region,registered\n51150100MJ00010104,某协会,社会团体,150100,2015\n');
    const r = (await read(p, { headerRow: 2 })) as IngestResult;
    expect(r.counts.accepted).toBe(1);
    const bad = file('标题\n\n编号,名字\n1,2\n');
    const e = await errorOf(read(bad));
    expect(e.code).toBe('E_MISSING_COLUMN');
    expect(e.message).toMatch(/rows tried: line 1 "标题", line 3 "编号 名字"/);
    expect(e.message).toContain('--header-row');
    const beyond = await errorOf(read(p, { headerRow: 9 }));
    expect(beyond.code).toBe('E_HEADER_ROW');
  });
});

describe('merged cells in yearbook tables (issue 20, item 3)', () => {
  it('blank region and year cells are filled down, and counted once', async () => {
    const r = (await read(fx('yearbook-merged.csv'))) as AggregateIngestResult;
    expect(r.counts).toEqual({ read: 12, accepted: 12, rejected: 0, blank: 0 });
    // 10 blank region cells (lines 3–7, 9–13) and 8 blank year cells (lines 3, 4, 6, 7, 9, 10, 12, 13)
    expect(r.filled).toBe(18);
    expect(r.sources[0].table?.filled).toBe(18);
    expect(r.cube.years).toEqual([2022, 2023]);
    const all = rollup(r.cube, ['region'], { region: '150200', year: 2023 });
    expect(all[0].count).toBe(73 + 75 + 5);
  });

  it('an organization list is never filled down: a blank required cell stays a reject', async () => {
    const p = file(
      'org_id,name,type,region,registered\n51150100MJ00010104,某协会,社会团体,150100,2015\n52150200MJ00010293,某中心,民办非企业单位,,2018\n',
    );
    const r = (await read(p)) as IngestResult;
    expect(r.rejects.map((x) => [x.line, x.code])).toEqual([[3, 'R_REQUIRED_MISSING']]);
  });
});

describe('type labels, units and ids (issue 20, items 5–7)', () => {
  it('qualified type labels read as their type; an unknown label lists the accepted ones', async () => {
    const r = (await read(fx('qualified-types.csv'))) as IngestResult;
    const types = r.dataset.cat.type;
    const codes = Array.from(types.codes, (c) => types.dict[c]);
    expect(codes).toEqual([
      'social_group',
      'private_non_enterprise',
      'social_group',
      'foundation',
      'private_non_enterprise',
      'private_non_enterprise',
      'foundation',
    ]);
    expect(r.rejects.map((x) => [x.line, x.code])).toEqual([[9, 'R_UNKNOWN_TYPE']]);
    expect(r.rejects[0].reason).toContain('社会团体');
    // the informative qualifiers, by type (社会团体（法人） adds nothing: every social group is one)
    expect(r.typeQualifiers).toEqual({
      foundation: { 非公募: 1, 公募: 1 },
      private_non_enterprise: { 个体: 1, 合伙: 1 },
    });
  });

  it('a profile with only value aliases keeps the default headers and adds its labels', async () => {
    const own = loadProfile(fx('values-only-profile.json'));
    const r = (await ingestInput([fx('qualified-types.csv')], { profile: own, regions })).ingest as IngestResult;
    expect(r.counts).toMatchObject({ read: 8, accepted: 8, rejected: 0 });
  });

  it('万元 headers are read in yuan; 12.5万元, ¥1,234, 1,234元 and (1,234) are read; 约58 is rejected', async () => {
    const r = (await read(fx('wan-yuan.csv'))) as IngestResult;
    expect(r.rejects.map((x) => [x.line, x.code, x.value])).toEqual([[6, 'R_BAD_NUMBER', '约58']]);
    // 374 万元 = 3,740,000 yuan; 1.1 万元 = 11,000; 0.5 万元 = 5,000; 2 万元 = 20,000
    expect(Array.from(r.dataset.num.rev_donations)).toEqual([3740000, 11000, 5000, 20000]);
    // a cell with its own unit is not rescaled: 12.5万元 = 125,000; ¥1,234 = 1,234; 1,234元 = 1,234;
    // (1,234) has none, so it is in the column's 万元: −1,234 × 10⁴ = −12,340,000
    expect(Array.from(r.dataset.num.assets_net)).toEqual([125000, 1234, 1234, -12340000]);
    expect(r.sources[0].table?.units.map((u) => [u.field, u.factor])).toEqual([
      ['rev_donations', 1e4],
      ['assets_net', 1e4],
    ]);
  });

  it('a unit line 单位：万元 converts the money columns without a unit of their own', async () => {
    const p = file(
      '年报表\n单位：万元\norg_id,name,type,region,registered,year,捐赠收入\n51150100MJ00010104,某协会,社会团体,150100,2015,2023,2.5\n',
    );
    const r = (await read(p)) as IngestResult;
    expect(Array.from(r.dataset.num.rev_donations)).toEqual([25000]); // 2.5 × 10⁴
    expect(r.sources[0].table?.units[0]).toMatchObject({ unit: '万元', factor: 1e4, from: 'unit-line' });
  });

  it('a % in a count column is an error naming the column', async () => {
    const p = file(
      'org_id,name,type,region,registered,专职人员（%）\n51150100MJ00010104,某协会,社会团体,150100,2015,3\n',
    );
    const e = await errorOf(read(p));
    expect(e.code).toBe('E_UNIT_MISMATCH');
    expect(e.message).toContain('专职人员（%）');
  });

  it('ids with Excel artefacts are one organization: duplicates found, a warning per kind with its line', async () => {
    const p = file(
      [
        'org_id,name,type,region,registered',
        "'51150100MJ00010104,某协会,社会团体,150100,2015",
        '"=""51150100MJ00010104""",某协会,社会团体,150100,2015',
        '51150100MJ00010104\u200b,某协会,社会团体,150100,2015',
        '51150100MJ00010104,某协会,社会团体,150100,2015',
      ].join('\n'),
    );
    const r = (await read(p)) as IngestResult;
    expect(r.counts).toMatchObject({ read: 4, accepted: 1, rejected: 3 });
    expect(r.rejects.map((x) => x.code)).toEqual(['R_DUPLICATE', 'R_DUPLICATE', 'R_DUPLICATE']);
    expect(r.dataset.text.org_id).toEqual(['51150100MJ00010104']);
    expect(r.warnings.map((w) => [w.line, w.code])).toEqual([[2, 'W_ID_APOSTROPHE']]);
  });

  it('the fast path and convertRow agree on artefact ids and 万元 columns (the reference path)', async () => {
    for (const f of ['excel-ids.csv', 'wan-yuan.csv', 'titled-list.csv', 'qualified-types.csv']) {
      const fast = await ingestFiles([fx(f)], { profile, regions });
      const ref = await ingestFiles([fx(f)], { profile, regions, referencePath: true });
      expect(fast.rejects).toEqual(ref.rejects);
      expect(fast.warnings).toEqual(ref.warnings);
      expect(fast.counts).toEqual(ref.counts);
      expect(fast.dataset.num).toEqual(ref.dataset.num);
      expect(fast.dataset.text).toEqual(ref.dataset.text);
    }
  });
});
