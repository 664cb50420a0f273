import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluateIndicator } from '../../../src/analyses/indicators/evaluate-indicator.js';
import { staffSection } from '../../../src/analyses/staff/staff-section.js';
import { rollup } from '../../../src/cube/cube.js';
import { cubeFromDataset } from '../../../src/cube/cube-from-dataset.js';
import { DatasetBuilder } from '../../../src/dataset/dataset-builder.js';
import type { ComputeSpec } from '../../../src/domain/framework/framework.js';
import { tinyContext, tinyRegions } from '../support/tiny-cube.js';

// Issue 22 §7: one staff denominator, the reporting organizations' own totals. A four-organization
// panel (2023) in which some organizations left education, part-time staff or a certificate level
// blank (blank = missing, never 0). Every expected value is worked out by hand in the comments.
//
//   org  region  ft  pt  college  junior mid senior
//   O1   150600  20  10  12       300    400 1
//   O2   150600  30  20  —        367    378 1
//   O3   150100   4   6  5        10     —   0
//   O4   150100   6  —   3        2      1   0
const regions = tinyRegions([
  { code: '150100', population: 100000, zone: 'core', en: 'Hohhot', zh: '呼和浩特市' },
  { code: '150600', population: 250000, zone: 'core', en: 'Ordos', zh: '鄂尔多斯市' },
]);
const FIELDS = ['staff_fulltime', 'staff_parttime', 'staff_college', 'cert_junior', 'cert_mid', 'cert_senior'];
const ROWS: [string, string, ...(number | '')[]][] = [
  ['O1', '150600', 20, 10, 12, 300, 400, 1],
  ['O2', '150600', 30, 20, '', 367, 378, 1],
  ['O3', '150100', 4, 6, 5, 10, '', 0],
  ['O4', '150100', 6, '', 3, 2, 1, 0],
];

function panelContext() {
  const b = new DatasetBuilder(['org_id', 'name', 'type', 'region', 'registered', 'year', ...FIELDS]);
  ROWS.forEach(([id, region, ...vals], i) =>
    b.add(
      {
        org_id: id,
        name: `org ${id}`,
        type: 'social_group',
        region,
        registered: 20100101,
        year: 2023,
        ...Object.fromEntries(FIELDS.map((f, k) => [f, vals[k]])),
      },
      0,
      i + 2,
    ),
  );
  const ds = b.finish('panel');
  return tinyContext(cubeFromDataset(ds, { governanceFields: new Set() }), regions, { dataset: ds });
}

const framework = JSON.parse(readFileSync('config/framework/default.json', 'utf8')) as {
  indicators: { id: string; compute: ComputeSpec }[];
};
const spec = (id: string): ComputeSpec => framework.indicators.find((i) => i.id === id)!.compute;

describe('staff shares on the reporting organizations’ own totals', () => {
  const ctx = panelContext();
  const s = staffSection(ctx);
  const all = s.byYear[0].all;

  it('college share: only organizations that reported education and both staff columns (O1, O3)', () => {
    // O2 left education blank, O4 part-time staff: (12 + 5) / (20 + 10 + 4 + 6) = 17 / 40
    expect(all.education).toEqual({ college: 17, reporting: 2, collegeShare: 17 / 40 });
    // (all staff as denominator would give 20 / 96; the ratio of estimated totals 20·4/3 / (60 + 36·4/3))
  });

  it('full-time share: only organizations that reported full-time and part-time staff (O1–O3)', () => {
    // (20 + 30 + 4) / (30 + 50 + 10) = 54 / 90 = 0.6
    expect(all.staff).toMatchObject({ fulltime: 54, parttime: 36, total: 90, reporting: 3, fulltimeShare: 0.6 });
    // the per-organization means stay over each column's reporters: 60 / 4 and 36 / 3
    expect(all.staff!.fulltimePerOrganization).toBe(15);
    expect(all.staff!.parttimePerOrganization).toBe(12);
  });

  it('certificates: counts, shares, per organization and pyramid on the organizations reporting all three levels (O1, O2, O4)', () => {
    const c = all.certified!;
    // junior 300 + 367 + 2 = 669, mid 400 + 378 + 1 = 779, senior 1 + 1 + 0 = 2; O3 (no mid) is out
    expect([c.junior, c.mid, c.senior, c.total]).toEqual([669, 779, 2, 1450]);
    expect(c.reporting).toEqual({ junior: 4, mid: 3, senior: 4, all: 3 });
    expect(c.shares!.junior).toBeCloseTo(669 / 1450, 12);
    expect(c.shares!.mid).toBeCloseTo(779 / 1450, 12);
    expect(c.shares!.senior).toBeCloseTo(2 / 1450, 12);
    // 1450 holders / 3 organizations
    expect(c.perOrganization).toBeCloseTo(1450 / 3, 12);
    // 1000 · 1450 / 350,000 residents
    expect(c.per1000Residents).toBeCloseTo(1450 / 350, 12);
    // share of staff: O1, O2 reported the three levels and both staff columns: (701 + 746) / (30 + 50)
    expect(c.shareOfStaff).toBeCloseTo(1447 / 80, 12);
    expect(c.shareOfStaffReporting).toBe(2);
  });

  it('by region, each region’s own reporters', () => {
    const ordos = s.byYear[0].byRegion.find((r) => r.region === '150600')!;
    const hohhot = s.byYear[0].byRegion.find((r) => r.region === '150100')!;
    // Ordos: education only from O1, 12 / 30; full-time (20 + 30) / 80
    expect(ordos.education).toEqual({ college: 12, reporting: 1, collegeShare: 0.4 });
    expect(ordos.staff!.fulltimeShare).toBe(50 / 80);
    // Hohhot: education and full-time share only from O3 (O4 has no part-time): 5 / 10, 4 / 10;
    // certificates only from O4 (O3 has no mid): 2 / 1 / 0, 3 per organization, no staff share (O4 has no part-time)
    expect(hohhot.education).toEqual({ college: 5, reporting: 1, collegeShare: 0.5 });
    expect(hohhot.staff!.fulltimeShare).toBe(0.4);
    expect(hohhot.certified).toMatchObject({ junior: 2, mid: 1, senior: 0, total: 3, perOrganization: 3 });
    expect(hohhot.certified!.shareOfStaff).toBeNull();
    expect(hohhot.certified!.shareOfStaffReporting).toBe(0);
  });

  it('the framework indicators give the same figures as the staff section', () => {
    const g = rollup(ctx.cube, [], { year: 2023 })[0];
    const unit = { group: g, prev: null, typeCounts: [g.count], population: 350000 };
    expect(evaluateIndicator(spec('college_share'), unit)).toBe(all.education!.collegeShare);
    expect(evaluateIndicator(spec('certified_share'), unit)).toBe(all.certified!.shareOfStaff);
    for (const r of s.byYear[0].byRegion) {
      const rg = rollup(ctx.cube, ['region'], { year: 2023 }).find((x) => x.key.region === r.region)!;
      const u = { group: rg, prev: null, typeCounts: [rg.count], population: NaN };
      expect(evaluateIndicator(spec('college_share'), u)).toBe(r.education!.collegeShare);
    }
  });
});
