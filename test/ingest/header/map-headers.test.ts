import { describe, expect, it } from 'vitest';
import { mapHeaders } from '../../../src/ingest/header/map-headers.js';
import { normalizeHeader } from '../../../src/ingest/header/normalize-header.js';
import { loadProfile } from '../../../src/ingest/profile/load-profile.js';
import type { Profile } from '../../../src/ingest/profile/profile.js';
import { REQUIRED_FIELDS } from '../../../src/dataset/fields.js';

const profile = loadProfile('default');

describe('normalizeHeader', () => {
  it('folds case and width, drops spaces, underscores, hyphens, dots and a trailing unit', () => {
    expect(normalizeHeader(' Staff_FullTime（人） ')).toBe('stafffulltime');
    expect(normalizeHeader('ＯＲＧ＿ＩＤ')).toBe('orgid');
    expect(normalizeHeader('org-id')).toBe('orgid');
    expect(normalizeHeader('org.id')).toBe('orgid');
    expect(normalizeHeader('专职人员（人）')).toBe('专职人员');
    expect(normalizeHeader('捐赠收入 (元)')).toBe('捐赠收入');
    expect(normalizeHeader('专职\u3000人员')).toBe('专职人员');
  });

  it('drops a BOM left on the first header', () => {
    expect(normalizeHeader('\uFEFForg_id')).toBe('orgid');
  });

  it('keeps parentheses that are not at the end', () => {
    expect(normalizeHeader('收入(元)合计')).toBe('收入(元)合计');
  });

  it('gives an empty key for a blank header', () => {
    expect(normalizeHeader('  ')).toBe('');
    expect(normalizeHeader('\u3000')).toBe('');
  });
});

describe('mapHeaders', () => {
  it('maps the canonical English names onto themselves', () => {
    const m = mapHeaders(['org_id', 'name', 'type', 'region', 'registered', 'year', 'staff_fulltime'], profile);
    expect(m.fieldOf).toEqual(['org_id', 'name', 'type', 'region', 'registered', 'year', 'staff_fulltime']);
    expect(m.missingRequired).toEqual([]);
    expect(m.duplicates).toEqual([]);
    expect(m.ignored).toEqual([]);
    expect(m.blank).toEqual([]);
  });

  it('maps the Chinese headers of registry exports through the default profile', () => {
    const headers = [
      '统一社会信用代码',
      '社会组织名称',
      '社会组织类型',
      '地区',
      '成立登记日期',
      '年度',
      '专职人员（人）',
      '兼职人员数',
      '评估等级',
      '注销日期',
      '登记状态',
      '业务领域',
    ];
    const m = mapHeaders(headers, profile);
    expect(m.fieldOf).toEqual([
      'org_id',
      'name',
      'type',
      'region',
      'registered',
      'year',
      'staff_fulltime',
      'staff_parttime',
      'rating',
      'deregistered',
      'status',
      'field',
    ]);
    expect(m.missingRequired).toEqual([]);
  });

  it('ignores case, width, spaces and underscores in headers', () => {
    const m = mapHeaders(
      ['ORG_ID', 'Name ', 'ｔｙｐｅ', 'Region Code', 'Registration Date', 'Full-Time Staff (persons)'],
      profile,
    );
    expect(m.fieldOf).toEqual(['org_id', 'name', 'type', 'region', 'registered', 'staff_fulltime']);
  });

  it('lists the present canonical fields in canonical order, whatever the column order', () => {
    const m = mapHeaders(['year', 'registered', 'region', 'type', 'name', 'org_id'], profile);
    expect(m.present).toEqual(['org_id', 'name', 'type', 'region', 'registered', 'year']);
  });

  it('lists the required fields that have no column', () => {
    const m = mapHeaders(['org_id', 'name', 'type', 'year'], profile);
    expect(m.missingRequired).toEqual(['region', 'registered']);
    expect(mapHeaders([], profile).missingRequired).toEqual([...REQUIRED_FIELDS]);
    // DOMAIN/fields.ts: the five required fields
    expect(REQUIRED_FIELDS).toEqual(['org_id', 'name', 'type', 'region', 'registered']);
  });

  it('reports columns that map to the same field, keeping the first', () => {
    const m = mapHeaders(
      ['org_id', '统一社会信用代码', 'name', '名称', 'type', 'region', 'registered', 'ORG ID'],
      profile,
    );
    expect(m.fieldOf).toEqual(['org_id', null, 'name', null, 'type', 'region', 'registered', null]);
    expect(m.duplicates).toEqual([
      { field: 'org_id', headers: ['org_id', '统一社会信用代码', 'ORG ID'] },
      { field: 'name', headers: ['name', '名称'] },
    ]);
  });

  it('lists unknown headers as ignored and blank headers by 1-based position', () => {
    const m = mapHeaders(['org_id', '法定代表人', '', 'name', '  ', '备注'], profile);
    expect(m.fieldOf).toEqual(['org_id', null, null, 'name', null, null]);
    expect(m.ignored).toEqual(['法定代表人', '备注']);
    expect(m.blank).toEqual([3, 5]);
  });

  it('uses the aliases of the profile it is given, and the canonical names always', () => {
    const custom: Profile = { id: 'custom', columns: { org_id: ['编号'], region: ['旗县'] } };
    const m = mapHeaders(['编号', '旗县', 'name', 'type', 'registered', '统一社会信用代码'], custom);
    expect(m.fieldOf).toEqual(['org_id', 'region', 'name', 'type', 'registered', null]);
    expect(m.ignored).toEqual(['统一社会信用代码']);
  });

  it('lets a canonical name win over an alias spelling it for another field', () => {
    const custom: Profile = { id: 'custom', columns: { org_id: ['name'] } };
    expect(mapHeaders(['name'], custom).fieldOf).toEqual(['name']);
  });
});
