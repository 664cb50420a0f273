import { describe, expect, it } from 'vitest';
import { convertRow, type CellProblem, type ConvertContext } from '../../src/ingest/convert-row.js';
import { mapHeaders } from '../../src/ingest/header/map-headers.js';
import { loadProfile, regionsPathFor } from '../../src/ingest/profile/load-profile.js';
import { loadRegions } from '../../src/ingest/regions/load-regions.js';
import { regionResolver } from '../../src/domain/regions/region-resolver.js';
import { buildValueMap } from '../../src/ingest/values/build-value-map.js';
import { activityFieldAliases, loadFieldsOfActivity } from '../../src/ingest/load-fields-of-activity.js';
import { ORG_TYPES, STATUSES } from '../../src/dataset/fields.js';
import { checkCreditCode } from '../../src/domain/credit-code/index.js';
import { breakCheckChar, civilCode } from '../helpers/civil-code.js';
import { loadChinaGazetteer } from '../../src/ingest/regions/load-china-gazetteer.js';

const profile = loadProfile('default');
const regions = loadRegions(regionsPathFor(profile));
const categoryMaps = {
  type: buildValueMap(ORG_TYPES, profile.values?.type),
  status: buildValueMap(STATUSES, profile.values?.status),
  field: buildValueMap(
    loadFieldsOfActivity().map((f) => f.code),
    activityFieldAliases(),
  ),
};

/** The context ingest builds for a file with these headers (default profile, Inner Mongolia). */
function ctxFor(headers: string[], checkCodes = true): ConvertContext {
  const m = mapHeaders(headers, profile);
  return {
    fieldOf: m.fieldOf,
    headers,
    categoryMaps,
    resolveRegion: regionResolver(regions, loadChinaGazetteer),
    years: { min: 1949, max: 2035 },
    checkCodes,
  };
}

const SG = civilCode('1', '150100', 1); // a valid social group code issued in Hohhot (150100)
const BASE_HEADERS = ['org_id', 'name', 'type', 'region', 'registered', 'year'];
const BASE = {
  org_id: SG,
  name: '呼和浩特市志愿服务协会',
  type: 'social_group',
  region: '150100',
  registered: '2015-03-02',
  year: '2024',
};

/** Convert one row given as header → cell (columns in the order given). */
function convert(cells: Record<string, string>, checkCodes = true) {
  const headers = Object.keys(cells);
  return convertRow(Object.values(cells), ctxFor(headers, checkCodes));
}

const codes = (ps: CellProblem[]) => ps.map((p) => p.code);

describe('convertRow: a clean row', () => {
  it('the helper codes are valid credit codes', () => {
    expect(checkCreditCode(SG).valid).toBe(true);
  });

  it('converts every kind of cell to its typed value', () => {
    const r = convert({
      ...BASE,
      deregistered: '',
      status: '正常',
      field: '社会服务',
      community: '是',
      rating: '3A',
      staff_fulltime: '１２',
      staff_parttime: '3',
      rev_donations: '3.5万',
      assets_net: '-1,200.5',
      manager_age: '45',
    });
    expect(r.rejects).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(r.values).toEqual({
      org_id: SG,
      name: '呼和浩特市志愿服务协会',
      type: 'social_group',
      region: '150100',
      registered: 20150302,
      year: 2024,
      deregistered: null,
      status: 'active',
      field: 'social_services',
      community: 1,
      rating: 3,
      staff_fulltime: 12,
      staff_parttime: 3,
      rev_donations: 35000, // 3.5 × 10⁴ (万)
      assets_net: -1200.5, // net assets may be negative
      manager_age: 45,
    });
  });

  it('maps Chinese type labels and region names, and names columns by their header in problems', () => {
    const r = convertRow(
      [SG, '某协会', '社会团体', '呼和浩特市', '2015年3月2日', '2024年', '-1'],
      ctxFor(['统一社会信用代码', '社会组织名称', '社会组织类型', '地区', '成立登记日期', '年度', '专职人员（人）']),
    );
    expect(r.values).toMatchObject({ type: 'social_group', region: '150100', registered: 20150302, year: 2024 });
    expect(r.rejects).toEqual([
      {
        code: 'R_NEGATIVE',
        column: 'staff_fulltime (专职人员（人）)',
        value: '-1',
        reason: 'is negative; this field cannot be below zero',
      },
    ]);
  });

  it('reads a year written 2024年 or 2024年度', () => {
    expect(convert({ ...BASE, year: '2024年' }).values.year).toBe(2024);
    expect(convert({ ...BASE, year: '2024年度' }).values.year).toBe(2024);
    expect(convert({ ...BASE, year: '２０２４' }).values.year).toBe(2024);
  });

  it('skips ignored columns', () => {
    const r = convert({ ...BASE, 法定代表人: '张三' });
    expect(r.rejects).toEqual([]);
    expect(Object.keys(r.values)).toEqual(['org_id', 'name', 'type', 'region', 'registered', 'year']);
  });
});

describe('convertRow: each reason to reject', () => {
  const one = (cells: Record<string, string>) => {
    const r = convert(cells);
    expect(r.rejects).toHaveLength(1);
    return r.rejects[0];
  };

  it('R_FIELD_COUNT: more or fewer cells than headers', () => {
    const ctx = ctxFor(BASE_HEADERS);
    expect(convertRow([SG, 'x'], ctx).rejects).toEqual([
      { code: 'R_FIELD_COUNT', column: '', value: '', reason: 'has 2 fields, the header has 6' },
    ]);
    expect(codes(convertRow([...Object.values(BASE), 'extra'], ctx).rejects)).toEqual(['R_FIELD_COUNT']);
  });

  it('R_CONTROL_CHAR: a NUL or other control character', () => {
    expect(one({ ...BASE, name: 'ab\u0000c' })).toMatchObject({
      code: 'R_CONTROL_CHAR',
      column: 'name',
      value: 'ab\u0000c',
    });
    expect(one({ ...BASE, name: 'a\u001bb' }).code).toBe('R_CONTROL_CHAR');
    // tab, LF and CR are not control characters here (they occur in quoted text)
    expect(convert({ ...BASE, name: 'a\tb\nc' }).rejects).toEqual([]);
  });

  it('R_UNDECODABLE: a replacement character from decoding', () => {
    expect(one({ ...BASE, name: '\uFFFD\uFFFD协会' })).toMatchObject({ code: 'R_UNDECODABLE', column: 'name' });
  });

  it('R_UNKNOWN_REGION', () => {
    expect(one({ ...BASE, region: '北京市' })).toMatchObject({
      code: 'R_UNKNOWN_REGION',
      column: 'region',
      value: '北京市',
    });
  });

  it('R_UNKNOWN_TYPE, R_UNKNOWN_STATUS, R_UNKNOWN_FIELD: a value no alias knows, listing the accepted labels', () => {
    const t = one({ ...BASE, type: '企业' });
    expect(t).toMatchObject({ code: 'R_UNKNOWN_TYPE', column: 'type', value: '企业' });
    // issue 20: the reject lists the labels accepted per code, and the qualifiers
    for (const code of ['social_group', 'private_non_enterprise', 'foundation', 'other'])
      expect(t.reason).toContain(code);
    expect(t.reason).toContain('社会团体');
    expect(t.reason).toContain('基金会');
    expect(t.reason).toContain('非公募');
    expect(one({ ...BASE, status: '休眠' })).toMatchObject({ code: 'R_UNKNOWN_STATUS', column: 'status' });
    expect(one({ ...BASE, field: '航天' })).toMatchObject({ code: 'R_UNKNOWN_FIELD', column: 'field' });
  });

  it('R_BAD_DATE: impossible or unreadable dates', () => {
    expect(one({ ...BASE, registered: '2024-02-30' })).toEqual({
      code: 'R_BAD_DATE',
      column: 'registered',
      value: '2024-02-30',
      reason: 'impossible date',
    });
    expect(one({ ...BASE, deregistered: 'soon' }).code).toBe('R_BAD_DATE');
  });

  it('R_BAD_FLAG, R_BAD_RATING', () => {
    expect(one({ ...BASE, community: 'maybe' })).toMatchObject({ code: 'R_BAD_FLAG', column: 'community' });
    expect(one({ ...BASE, rating: '6A' })).toMatchObject({ code: 'R_BAD_RATING', column: 'rating' });
  });

  it('R_BAD_NUMBER: not a number, or a year that is not whole', () => {
    expect(one({ ...BASE, staff_fulltime: 'abc' })).toEqual({
      code: 'R_BAD_NUMBER',
      column: 'staff_fulltime',
      value: 'abc',
      reason: 'not a number',
    });
    expect(one({ ...BASE, year: '2024.5' })).toEqual({
      code: 'R_BAD_NUMBER',
      column: 'year',
      value: '2024.5',
      reason: 'is not a whole year',
    });
    expect(one({ ...BASE, rev_donations: 'NaN' })).toMatchObject({
      code: 'R_BAD_NUMBER',
      reason: 'not a finite number',
    });
  });

  it('R_NEGATIVE: a count or an amount below zero', () => {
    expect(one({ ...BASE, staff_fulltime: '-3' })).toEqual({
      code: 'R_NEGATIVE',
      column: 'staff_fulltime',
      value: '-3',
      reason: 'is negative; this field cannot be below zero',
    });
    expect(one({ ...BASE, rev_donations: '-0.5万' }).code).toBe('R_NEGATIVE');
  });

  it('R_NOT_INTEGER: a count with a fraction', () => {
    expect(one({ ...BASE, staff_fulltime: '2.5' })).toEqual({
      code: 'R_NOT_INTEGER',
      column: 'staff_fulltime',
      value: '2.5',
      reason: 'is not a whole number',
    });
  });

  it('R_REQUIRED_MISSING: an empty required cell', () => {
    for (const f of ['org_id', 'name', 'type', 'region', 'registered'] as const) {
      const p = one({ ...BASE, [f]: f === 'name' ? '\u3000' : '' });
      expect(p).toMatchObject({ code: 'R_REQUIRED_MISSING', column: f, reason: 'is required but empty' });
    }
  });

  it('R_REQUIRED_MISSING: a placeholder for "no value" in a required cell is missing, not a value', () => {
    for (const f of ['org_id', 'name', 'type', 'region'] as const)
      for (const placeholder of ['-', '--', '—', '/', 'N/A', 'null', '暂无', '无数据', ' － ']) {
        const p = one({ ...BASE, [f]: placeholder });
        expect(p, `${f} = ${JSON.stringify(placeholder)}`).toEqual({
          code: 'R_REQUIRED_MISSING',
          column: f,
          value: placeholder,
          reason: 'is required but holds only a placeholder for "no value"',
        });
      }
  });

  it('a placeholder in an optional category or region cell reads as missing, not as an unknown value', () => {
    const r = convert({ ...BASE, status: '-', field: '暂无' });
    expect(r.rejects).toEqual([]);
    expect([r.values.status, r.values.field]).toEqual([null, null]);
  });

  it('R_REQUIRED_MISSING: an empty year in a file that has a year column (panel)', () => {
    expect(one({ ...BASE, year: '' })).toMatchObject({ code: 'R_REQUIRED_MISSING', column: 'year' });
    const r = convertRow(
      [SG, '某协会', '社会团体', '150100', '2015-03-02', ' '],
      ctxFor(['统一社会信用代码', '社会组织名称', '社会组织类型', '地区', '成立登记日期', '年度']),
    );
    expect(r.rejects).toEqual([
      {
        code: 'R_REQUIRED_MISSING',
        column: 'year (年度)',
        value: ' ',
        reason: 'is empty; every row of an annual-report panel (a file with a year column) needs its year',
      },
    ]);
    // a registry list (no year column) needs none
    const { year: _year, ...registry } = BASE;
    expect(convert(registry).rejects).toEqual([]);
  });

  it('R_YEAR_RANGE: years outside the profile range 1949–2035, for year, registered and deregistered', () => {
    expect(one({ ...BASE, year: '2036' })).toMatchObject({ code: 'R_YEAR_RANGE', column: 'year', value: '2036' });
    expect(one({ ...BASE, registered: '1948-12-31', year: '2024' })).toMatchObject({
      code: 'R_YEAR_RANGE',
      column: 'registered',
      value: '1948',
    });
    expect(one({ ...BASE, deregistered: '2040-01-01' })).toMatchObject({
      code: 'R_YEAR_RANGE',
      column: 'deregistered',
      value: '2040',
    });
    // the bounds themselves are inside
    expect(convert({ ...BASE, registered: '1949-10-01', year: '2035' }).rejects).toEqual([]);
  });

  it('collects every problem of a row, and runs no cross-check then', () => {
    const r = convert({ ...BASE, type: '企业', registered: '2024-02-30', staff_fulltime: '-1', year: '2010' });
    expect(codes(r.rejects)).toEqual(['R_UNKNOWN_TYPE', 'R_BAD_DATE', 'R_NEGATIVE']);
    expect(r.warnings).toEqual([]);
  });
});

describe('convertRow: each warning', () => {
  const warn = (cells: Record<string, string>, checkCodes = true) => {
    const r = convert(cells, checkCodes);
    expect(r.rejects).toEqual([]);
    return r.warnings;
  };

  it('W_YEAR_BEFORE_REGISTRATION: a report for a year before the registration year', () => {
    expect(warn({ ...BASE, year: '2014' })).toEqual([
      {
        code: 'W_YEAR_BEFORE_REGISTRATION',
        column: 'year',
        value: '2014',
        reason: 'is before the registration year 2015',
      },
    ]);
    expect(warn({ ...BASE, year: '2015' })).toEqual([]);
  });

  it('W_DEREGISTERED_BEFORE_REGISTERED, comparing partial dates only as far as both are known', () => {
    const { year: _y, ...registry } = BASE;
    expect(warn({ ...registry, deregistered: '2015-03-01' })).toEqual([
      {
        code: 'W_DEREGISTERED_BEFORE_REGISTERED',
        column: 'deregistered',
        value: '20150301',
        reason: 'is before the registration date 20150302',
      },
    ]);
    expect(codes(warn({ ...registry, deregistered: '2014' }))).toEqual(['W_DEREGISTERED_BEFORE_REGISTERED']);
    expect(codes(warn({ ...registry, deregistered: '2015-02' }))).toEqual(['W_DEREGISTERED_BEFORE_REGISTERED']);
    // 2015 and 2015-03 may well be on or after 2015-03-02: no warning
    expect(warn({ ...registry, deregistered: '2015' })).toEqual([]);
    expect(warn({ ...registry, deregistered: '2015-03' })).toEqual([]);
    expect(warn({ ...registry, deregistered: '2015-03-02' })).toEqual([]);
    expect(warn({ ...registry, registered: '2015', deregistered: '2015-01-01' })).toEqual([]);
  });

  it('W_REPORT_AFTER_DEREGISTRATION: a report for a year after the deregistration year', () => {
    expect(warn({ ...BASE, deregistered: '2022-05-01' })).toEqual([
      {
        code: 'W_REPORT_AFTER_DEREGISTRATION',
        column: 'year',
        value: '2024',
        reason: 'reports after deregistration in 2022',
      },
    ]);
    expect(warn({ ...BASE, deregistered: '2024-05-01' })).toEqual([]);
  });

  it('W_CERT_EXCEEDS_STAFF: more certified social workers than staff', () => {
    // 3 + 2 + 1 = 6 certified against 4 full-time + 1 part-time = 5 staff
    expect(
      warn({ ...BASE, staff_fulltime: '4', staff_parttime: '1', cert_junior: '3', cert_mid: '2', cert_senior: '1' }),
    ).toEqual([
      {
        code: 'W_CERT_EXCEEDS_STAFF',
        column: 'cert_*',
        value: '6',
        reason: 'certified social workers (6) exceed total staff (5)',
      },
    ]);
    // 2 + 2 + 1 = 5 = 5 staff: fine
    expect(
      warn({ ...BASE, staff_fulltime: '4', staff_parttime: '1', cert_junior: '2', cert_mid: '2', cert_senior: '1' }),
    ).toEqual([]);
    // no part-time column: 3 certified against 2 full-time
    expect(codes(warn({ ...BASE, staff_fulltime: '2', cert_junior: '3' }))).toEqual(['W_CERT_EXCEEDS_STAFF']);
    // a missing senior count adds nothing: 3 + 0 > 2
    expect(codes(warn({ ...BASE, staff_fulltime: '2', cert_junior: '3', cert_mid: '0', cert_senior: '' }))).toEqual([
      'W_CERT_EXCEEDS_STAFF',
    ]);
    // unknown staff: no judgement
    expect(warn({ ...BASE, staff_fulltime: '', cert_junior: '3' })).toEqual([]);
  });

  it('W_CODE_CHECKSUM: a credit code that fails the GB 32100 check', () => {
    const bad = breakCheckChar(SG);
    const w = warn({ ...BASE, org_id: bad });
    expect(codes(w)).toEqual(['W_CODE_CHECKSUM']);
    expect(w[0].reason).toMatch(/^fails the GB 32100 check: check character is/);
  });

  it('W_CODE_TYPE: the type digit (char 2) disagrees with the type column', () => {
    const pne = civilCode('2', '150100', 2);
    expect(warn({ ...BASE, org_id: pne })).toEqual([
      {
        code: 'W_CODE_TYPE',
        column: 'org_id',
        value: pne,
        reason: 'says type private_non_enterprise (2nd character) but the type column says social_group',
      },
    ]);
  });

  it('W_CODE_REGION: the division (chars 3–8) disagrees with the region column, counties rolled up', () => {
    const w = warn({ ...BASE, region: '包头市' });
    expect(w).toEqual([
      {
        code: 'W_CODE_REGION',
        column: 'org_id',
        value: SG,
        reason: 'was issued in region 150100 (characters 3–8) but the region column says 150200',
      },
    ]);
    // a code issued by a banner of Ordos (150627) matches the Ordos row
    expect(warn({ ...BASE, org_id: civilCode('1', '150627', 5), region: '150600' })).toEqual([]);
  });

  it('W_CODE_LOWERCASE: a valid code in lower case is read in upper case', () => {
    const r = convert({ ...BASE, org_id: SG.toLowerCase() });
    expect(r.warnings).toEqual([
      {
        code: 'W_CODE_LOWERCASE',
        column: 'org_id',
        value: SG.toLowerCase(),
        reason: 'has lower-case letters; read as upper case',
      },
    ]);
    expect(r.values.org_id).toBe(SG);
  });

  it('checks no code when the profile says ids are plain, nor ids that are not 18 characters', () => {
    expect(warn({ ...BASE, org_id: breakCheckChar(SG) }, false)).toEqual([]);
    expect(warn({ ...BASE, org_id: 'ORG-0001' })).toEqual([]);
    expect(warn({ ...BASE, org_id: SG.slice(0, 17) })).toEqual([]);
  });

  it('removes white space inside an id', () => {
    expect(convert({ ...BASE, org_id: ` ${SG.slice(0, 9)} ${SG.slice(9)} ` }).values.org_id).toBe(SG);
  });
});
