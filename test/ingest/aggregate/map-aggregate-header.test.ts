import { describe, expect, it } from 'vitest';
import { mapAggregateHeader } from '../../../src/ingest/aggregate/map-aggregate-header.js';
import { detectInputKind } from '../../../src/ingest/aggregate/detect-input-kind.js';
import { AGGREGATE_MEASURES } from '../../../src/ingest/aggregate/aggregate-columns.js';
import { loadProfile } from '../../../src/ingest/profile/load-profile.js';
import { DERIVED_FIELDS } from '../../../src/cube/derived-fields.js';

const profile = loadProfile('default');

describe('mapAggregateHeader', () => {
  it('maps a long table with canonical names, totals and reporting counts', () => {
    const h = mapAggregateHeader(
      ['region', 'year', 'type', 'field', 'count', 'staff_fulltime', 'n_staff_fulltime', 'rev_total', 'note'],
      profile,
    );
    expect(h.layout).toBe('long');
    expect([h.region, h.year, h.type, h.field, h.count]).toEqual([0, 1, 2, 3, 4]);
    expect(h.measures).toEqual([
      { index: 5, name: 'staff_fulltime' },
      { index: 7, name: 'rev_total' },
    ]);
    expect(h.reporting).toEqual([{ index: 6, name: 'staff_fulltime' }]);
    expect(h.missingRequired).toEqual([]);
    expect(h.ignored).toEqual(['note']);
    expect(h.present).toEqual([
      'region',
      'year',
      'type',
      'field',
      'count',
      'staff_fulltime',
      'rev_total',
      'n_staff_fulltime',
    ]);
  });

  it('maps Chinese yearbook headers through the profile, units in parentheses and n_ + alias included', () => {
    const h = mapAggregateHeader(
      ['地区', '年份', '类型', '组织数（个）', '职工人数（人）', 'n_职工人数', '捐赠收入（万元）'],
      profile,
    );
    expect(h.layout).toBe('long');
    expect(h.count).toBe(3);
    expect(h.measures.map((m) => m.name)).toEqual(['staff_fulltime', 'rev_donations']);
    expect(h.reporting.map((m) => m.name)).toEqual(['staff_fulltime']);
  });

  it('maps the wide layout: one count column per type (type value aliases), 合计 as the checked total', () => {
    const h = mapAggregateHeader(['地区', '年份', '社会组织合计', '社会团体', '民办非企业单位', '基金会'], profile);
    expect(h.layout).toBe('wide');
    expect(h.typeColumns).toEqual([
      { index: 3, type: 'social_group' },
      { index: 4, type: 'private_non_enterprise' },
      { index: 5, type: 'foundation' },
    ]);
    expect(h.countTotal).toBe(2);
    expect(h.missingRequired).toEqual([]);
    expect(h.present).toEqual([
      'region',
      'year',
      'count:social_group',
      'count:private_non_enterprise',
      'count:foundation',
      'count_total',
    ]);
  });

  it('ignores the totals of a wide table (they cannot be split by type) and says so', () => {
    const h = mapAggregateHeader(['地区', '年份', '社会团体', '基金会', '职工人数', 'n_职工人数'], profile);
    expect(h.layout).toBe('wide');
    expect(h.measures).toEqual([]);
    expect(h.wideMeasures).toEqual(['职工人数']);
    expect(h.ignored).toEqual(['职工人数', 'n_职工人数']);
  });

  it('reports missing parts, duplicates and a mixed layout', () => {
    expect(mapAggregateHeader(['地区', '组织数'], profile).missingRequired).toEqual(['year', 'type']);
    expect(mapAggregateHeader(['region', 'year', 'type'], profile).missingRequired).toEqual(['count']);
    expect(mapAggregateHeader(['region', 'year', '社会团体', '社团'], profile).duplicates).toEqual([
      { field: 'the social_group count', headers: ['社会团体', '社团'] },
    ]);
    expect(mapAggregateHeader(['region', 'year', 'count', '数量', 'type'], profile).duplicates).toEqual([
      { field: 'count', headers: ['count', '数量'] },
    ]);
    expect(mapAggregateHeader(['region', 'year', 'type', '社会团体'], profile).layoutConflict).toEqual(['type']);
  });

  it('drops reporting counts of measures without a total column, and count_total in a long table', () => {
    const h = mapAggregateHeader(['region', 'year', 'type', 'count', 'n_volunteers', '合计'], profile);
    expect(h.reporting).toEqual([]);
    expect(h.countTotal).toBe(-1);
    expect(h.ignored).toEqual(['合计', 'n_volunteers']);
  });
});

describe('detectInputKind', () => {
  it('an aggregated table has a count column or type count columns and no org_id or name', () => {
    expect(detectInputKind(['地区', '年份', '社会团体', '民办非企业单位', '基金会'], profile)).toBe('aggregate');
    expect(detectInputKind(['region', 'year', 'type', 'count'], profile)).toBe('aggregate');
    expect(detectInputKind(['地区', '年份', '类型', '数量'], profile)).toBe('aggregate');
    expect(detectInputKind(['org_id', 'name', 'type', 'region', 'registered'], profile)).toBe('organizations');
    expect(detectInputKind(['统一社会信用代码', '社会组织名称', '类型', '地区', '数量'], profile)).toBe(
      'organizations',
    );
    expect(detectInputKind(['name', 'region', 'year', 'type', 'count'], profile)).toBe('organizations');
    expect(detectInputKind(['a', 'b'], profile)).toBe('organizations');
  });
});

describe('AGGREGATE_MEASURES', () => {
  it("lists the numeric organization fields in canonical order, then the derived fields, then the staff shares' reporting-set sums", () => {
    const names = AGGREGATE_MEASURES.map((m) => m.name);
    const tableDerived = DERIVED_FIELDS.filter((d) => !d.rowOnly).map((d) => d.name);
    const reportingSets = DERIVED_FIELDS.filter((d) => d.rowOnly).map((d) => d.name);
    expect(names.slice(-reportingSets.length - tableDerived.length)).toEqual([...tableDerived, ...reportingSets]);
    // a table aggregated from organization rows may keep the staff shares' reporting-set sums (docs/METHODS.md, "Staff shares")
    expect(AGGREGATE_MEASURES.find((m) => m.name === 'college_share_num')).toMatchObject({ total: 'count' });
    expect(reportingSets).toContain('cert_junior_complete');
    expect(names).not.toContain('year');
    expect(names).not.toContain('registered');
    expect(names).toContain('assets_net');
    expect(AGGREGATE_MEASURES.find((m) => m.name === 'party_org')).toMatchObject({ total: 'flags', maxPerOrg: 1 });
    expect(AGGREGATE_MEASURES.find((m) => m.name === 'rating')).toMatchObject({ total: 'count', maxPerOrg: 5 });
    expect(AGGREGATE_MEASURES.find((m) => m.name === 'assets_net')).toMatchObject({ total: 'number' });
  });
});
