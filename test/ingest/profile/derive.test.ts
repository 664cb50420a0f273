import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingestFiles, type IngestResult } from '../../../src/ingest/ingest-files.js';
import { loadRegions } from '../../../src/ingest/regions/load-regions.js';
import { regionsPathFor, loadProfile } from '../../../src/ingest/profile/load-profile.js';
import type { Profile } from '../../../src/ingest/profile/profile.js';
import { catValue } from '../../../src/dataset/dataset.js';
import { SoqaError } from '../../../src/core/soqa-error.js';
import { creditCodeCheckChar, orgCodeCheckChar } from '../../../src/domain/credit-code/index.js';

const dir = mkdtempSync(join(tmpdir(), 'soqa-derive-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const csv = (lines: string[]): string => {
  const p = join(dir, `in-${n++}.csv`);
  writeFileSync(p, `${lines.join('\n')}\n`);
  return p;
};

const im = loadRegions(regionsPathFor(loadProfile('default')));
const us = loadRegions(regionsPathFor(loadProfile('irs-eo-bmf')));

async function ingest(profile: Profile, lines: string[], regions = im): Promise<IngestResult> {
  return ingestFiles([csv(lines)], { profile, regions });
}

/** Column values of the accepted rows, by canonical field. */
function col(r: IngestResult, field: string): (string | number | null)[] {
  const ds = r.dataset;
  return Array.from({ length: ds.length }, (_, i) => {
    if (ds.num[field]) return Number.isNaN(ds.num[field][i]) ? null : ds.num[field][i];
    if (ds.cat[field]) return catValue(ds.cat[field], i);
    return ds.text[field][i] === '' ? null : ds.text[field][i];
  });
}

function civilCode(typeDigit: string, division: string, serial: number): string {
  const body = `MJ${String(serial).padStart(6, '0')}`;
  const first17 = `5${typeDigit}${division}${body}${orgCodeCheckChar(body)}`;
  return first17 + creditCodeCheckChar(first17);
}

/** A minimal IRS-like profile: every derive feature the EO BMF needs. */
const irsLike: Profile = {
  id: 'irs-like',
  idKind: 'plain',
  years: { min: 1900, max: 2035 },
  columns: { org_id: ['EIN'], name: ['NAME'], region: ['STATE'], revenue_total: ['REVENUE_AMT'] },
  values: { field: { education: ['B'], culture: ['A'] } },
  derive: {
    registered: { from: 'RULING', format: 'yyyymm', unknown: ['000000'] },
    type: {
      rules: [
        { when: { SUBSECTION: ['03'], FOUNDATION: ['02', '03', '04'] }, value: 'foundation' },
        { when: { SUBSECTION: ['03'] }, value: 'private_non_enterprise' },
        { when: { SUBSECTION: ['04', '19'] }, value: 'social_group' },
      ],
      otherwise: 'other',
    },
    field: { from: 'NTEE_CD', slice: [0, 1], unknown: ['Z'] },
  },
};
const IRS_HEADER = 'EIN,NAME,STATE,SUBSECTION,FOUNDATION,RULING,REVENUE_AMT,NTEE_CD';

describe('derive: from + format + unknown (IRS RULING)', () => {
  it('reads yyyymm as a date, rejects 000000 as an unknown required value and a wrong shape as R_BAD_DATE', async () => {
    const r = await ingest(
      irsLike,
      [
        IRS_HEADER,
        '010631747,A,WY,03,15,194603,,B94',
        '010631748,B,WY,03,15,000000,5,B20',
        '010631749,C,WY,03,15,1946-3,5,B20',
        '010631750,D,WY,03,15,,5,B20',
      ],
      us,
    );
    expect(r.counts).toMatchObject({ read: 4, accepted: 1, rejected: 3 });
    expect(col(r, 'registered')).toEqual([19460300]);
    expect(r.rejects.map((p) => [p.line, p.code, p.column, p.value])).toEqual([
      [3, 'R_REQUIRED_MISSING', 'registered (from RULING)', '000000'],
      [4, 'R_BAD_DATE', 'registered (from RULING)', '1946-3'],
      [5, 'R_REQUIRED_MISSING', 'registered (from RULING)', ''],
    ]);
    expect(r.rejects[0].reason).toMatch(/000000.*unknown/);
    expect(r.rejects[1].reason).toMatch(/yyyymm/);
  });

  it('keeps zero-padded ids and codes as strings; blank amounts are missing, not zero; negatives are kept', async () => {
    const r = await ingest(
      irsLike,
      [
        IRS_HEADER,
        '010631747,A,WY,03,15,194603,,B94',
        '020000001,B,AK,03,15,200101,-2181,',
        '020000002,C,AK,3,15,200101,0,A20',
      ],
      us,
    );
    expect(col(r, 'org_id')).toEqual(['010631747', '020000001', '020000002']);
    expect(col(r, 'revenue_total')).toEqual([null, -2181, 0]);
    expect(col(r, 'field')).toEqual(['education', null, 'culture']);
    // "3" is not the code "03": it falls through to `otherwise`
    expect(col(r, 'type')).toEqual(['private_non_enterprise', 'private_non_enterprise', 'other']);
    expect(r.missingCounts).toMatchObject({ revenue_total: 1, field: 1, type: 0 });
  });
});

describe('derive: rules (IRS SUBSECTION + FOUNDATION → type)', () => {
  it('takes the first rule whose every column matches, else `otherwise`', async () => {
    const rows = [
      ['03', '04', 'foundation'],
      ['03', '02', 'foundation'],
      ['03', '15', 'private_non_enterprise'],
      ['04', '00', 'social_group'],
      ['19', '00', 'social_group'],
      ['02', '00', 'other'],
      ['04', '04', 'social_group'],
    ];
    const r = await ingest(
      irsLike,
      [IRS_HEADER, ...rows.map(([s, f], i) => `${100 + i},N${i},ND,${s},${f},199001,1,B`)],
      us,
    );
    expect(r.counts.rejected).toBe(0);
    expect(col(r, 'type')).toEqual(rows.map((x) => x[2]));
  });

  it('without `otherwise`, an unmatched row has no type and is rejected as required-missing', async () => {
    const p: Profile = {
      ...irsLike,
      derive: {
        ...irsLike.derive,
        type: { rules: [{ when: { SUBSECTION: ['03'] }, value: 'private_non_enterprise' }] },
      },
    };
    const r = await ingest(p, [IRS_HEADER, '1,A,ND,03,15,199001,1,B', '2,B,ND,04,00,199001,1,B'], us);
    expect(r.rejects).toHaveLength(1);
    expect(r.rejects[0]).toMatchObject({ line: 3, code: 'R_REQUIRED_MISSING', column: 'type (from SUBSECTION)' });
    expect(r.rejects[0].reason).toMatch(/no derive\.type rule matches SUBSECTION=04/);
  });

  it('a rule value that is no known type is rejected like a bad cell', async () => {
    const p: Profile = {
      ...irsLike,
      derive: { ...irsLike.derive, type: { rules: [{ when: { SUBSECTION: ['03'] }, value: 'charity' }] } },
    };
    const r = await ingest(p, [IRS_HEADER, '1,A,ND,03,15,199001,1,B'], us);
    expect(r.rejects[0]).toMatchObject({
      code: 'R_UNKNOWN_TYPE',
      column: 'type (from SUBSECTION)',
      value: 'charity (SUBSECTION=03)',
    });
  });
});

describe('derive: header handling', () => {
  it('a derived required field is not a missing column; its source columns are not reported as ignored', async () => {
    const r = await ingest(irsLike, [IRS_HEADER, '1,A,ND,03,15,199001,1,B'], us);
    const h = r.sources[0].header;
    expect(h.missingRequired).toEqual([]);
    expect(h.present).toEqual(['org_id', 'name', 'type', 'region', 'registered', 'field', 'revenue_total']);
    expect(h.ignored).toEqual([]);
  });

  it('a rule whose source column is absent does not run: a required field then is a missing column (exit 2)', async () => {
    const err = await ingest(irsLike, ['EIN,NAME,STATE,SUBSECTION,FOUNDATION,REVENUE_AMT', '1,A,ND,03,15,1'], us).catch(
      (e) => e,
    );
    expect(err).toBeInstanceOf(SoqaError);
    expect(err).toMatchObject({ code: 'E_MISSING_COLUMN', exitCode: 2 });
    expect(err.message).toContain('registered');
  });

  it('rules need every column they name: without FOUNDATION there is no type', async () => {
    const err = await ingest(irsLike, ['EIN,NAME,STATE,SUBSECTION,RULING', '1,A,ND,03,199001'], us).catch((e) => e);
    expect(err).toMatchObject({ code: 'E_MISSING_COLUMN' });
    expect(err.message).toContain('type');
  });
});

const zhTypes = { social_group: ['社会团体'], private_non_enterprise: ['民办非企业单位'], foundation: ['基金会'] };

describe('derive: alternatives (region from the credit code, else the authority name)', () => {
  const cn: Profile = {
    values: { type: zhTypes },
    id: 'cn-like',
    columns: {
      org_id: ['统一社会信用代码'],
      name: ['社会组织名称'],
      type: ['社会组织类型'],
      registered: ['成立登记日期'],
      region: ['地区'],
    },
    derive: {
      region: [
        { from: 'org_id', pattern: '^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$', slice: [2, 8] },
        { from: '登记管理机关', stripSuffixes: ['民政局', '行政审批和政务服务局'] },
      ],
    },
  };
  const H = '统一社会信用代码,社会组织名称,社会组织类型,成立登记日期,登记管理机关';

  it('uses the first alternative that resolves, and falls back to the next one', async () => {
    const r = await ingest(cn, [
      H,
      `${civilCode('1', '150102', 1)},甲,社会团体,2015-03-02,包头市民政局`, // code wins: 150102 → Hohhot
      '蒙民证字第0099号,乙,社会团体,2009-11-11,呼和浩特市民政局', // not a credit code (pattern) → authority
      `${civilCode('2', '150000', 3)},丙,民办非企业单位,2019-09-09,乌海市行政审批和政务服务局`, // province-level code → authority
      `${civilCode('1', '150000', 4)},丁,社会团体,1985-06-01,内蒙古自治区民政厅`, // neither resolves → first problem
      `${civilCode('1', '150000', 5)},戊,社会团体,1985-06-01,`, // code fails, no authority
    ]);
    expect(col(r, 'region')).toEqual(['150100', '150100', '150300']);
    expect(r.rejects.map((p) => [p.line, p.code, p.column])).toEqual([
      [5, 'R_UNKNOWN_REGION', 'region (from 统一社会信用代码)'],
      [6, 'R_UNKNOWN_REGION', 'region (from 统一社会信用代码)'],
    ]);
    expect(r.rejects[0].value).toBe(`150000 (${civilCode('1', '150000', 4)})`);
    // a code issued at Baotou but a Hohhot authority: the code wins, no W_CODE_REGION (region came from the code)
    expect(r.warningCounts).toEqual({});
  });

  it('a region column wins where it has a value; derivation fills its empty cells', async () => {
    const r = await ingest(cn, [
      `${H},地区`,
      `${civilCode('1', '150102', 1)},甲,社会团体,2015-03-02,包头市民政局,150600`,
      `${civilCode('1', '150203', 2)},乙,社会团体,2015-03-02,包头市民政局,`,
      `${civilCode('1', '150203', 3)},丙,社会团体,2015-03-02,包头市民政局,火星`,
    ]);
    // 火星 places nothing: the credit code's division (150203, in 包头市 150200) places the row,
    // with a warning (issue 20, "Regions from anything an export writes")
    expect(col(r, 'region')).toEqual(['150600', '150200', '150200']);
    expect(r.warningCounts).toEqual({ W_CODE_REGION: 1, W_REGION_FROM_CREDIT_CODE: 1 });
    expect(r.rejects).toEqual([]);
  });
});

describe('values for non-category fields', () => {
  it('replaces a cell equal to an alias by its canonical text before conversion', async () => {
    const p: Profile = {
      id: 'aliases',
      columns: {
        org_id: ['id'],
        name: ['名称'],
        type: ['类型'],
        registered: ['日期'],
        region: ['登记管理机关'],
        rating: ['评估等级'],
      },
      values: { type: zhTypes, region: { '150100': ['呼和浩特市民政局', '呼市'] }, rating: { '0': ['未参评'] } },
    };
    const r = await ingest(p, [
      'id,名称,类型,日期,登记管理机关,评估等级',
      'X1,甲,社会团体,2015,呼和浩特市民政局,未参评',
      'X2,乙,基金会,2016,呼市,4A',
      'X3,丙,基金会,2016,包头市,',
    ]);
    expect(col(r, 'region')).toEqual(['150100', '150100', '150200']);
    expect(col(r, 'rating')).toEqual([0, 4, null]);
  });
});
