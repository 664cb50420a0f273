import { describe, expect, it } from 'vitest';
import { staffProfile } from '../../../src/analyses/staff/staff-profile.js';
import type { CubeGroup } from '../../../src/cube/cube.js';

const ALL = new Set([
  'cert_junior',
  'cert_mid',
  'cert_senior',
  'staff_fulltime',
  'staff_parttime',
  'staff_college',
  'manager_age',
  'manager_young',
  'has_fulltime_staff',
]);

describe('staffProfile', () => {
  // Ejin Horo-sized group (seed 004 via DOMAIN.md: 202 organizations, 250,000 residents, 667/778/2
  // certified); staff, education and manager figures are made up for the arithmetic.
  const g: CubeGroup = {
    key: { region: '150600' },
    count: 202,
    sum: {
      cert_junior: 667,
      cert_mid: 778,
      cert_senior: 2,
      staff_fulltime: 500,
      staff_parttime: 300,
      staff_college: 200,
      manager_age: 8080,
      manager_young: 101,
      has_fulltime_staff: 150,
    },
    n: {
      cert_junior: 202,
      cert_mid: 202,
      cert_senior: 202,
      staff_fulltime: 202,
      staff_parttime: 202,
      staff_college: 202,
      manager_age: 202,
      manager_young: 202,
      has_fulltime_staff: 202,
    },
  };
  const p = staffProfile(g, 250000, ALL);

  it('gives certified workers by level and the ratios on them', () => {
    const c = p.certified!;
    expect([c.junior, c.mid, c.senior, c.total]).toEqual([667, 778, 2, 1447]);
    expect(c.shares!.mid).toBeCloseTo(778 / 1447, 12);
    // 100·2/667
    expect(c.seniorPer100Junior).toBeCloseTo(200 / 667, 12);
    // 1000·1447/250000 = 5.788 (the seed says "about 6 per 1,000 residents")
    expect(c.per1000Residents).toBeCloseTo(5.788, 12);
    // 667/202 + 778/202 + 2/202
    expect(c.perOrganization).toBeCloseTo(1447 / 202, 12);
    // 1447/(500 + 300)
    expect(c.shareOfStaff).toBeCloseTo(1447 / 800, 12);
    expect(p.pyramid).toMatchObject({ dominant: 'intermediate-dominant', seniorScarce: true });
  });

  // a group without the row-only reporting-set measures, as from a yearbook table: the table's totals
  it('gives full-time vs part-time, education and manager age', () => {
    expect(p.staff).toEqual({
      fulltime: 500,
      parttime: 300,
      total: 800,
      reporting: 202,
      fulltimeShare: 0.625,
      fulltimePerOrganization: 500 / 202,
      parttimePerOrganization: 300 / 202,
      withFulltimeShare: 150 / 202,
    });
    expect(p.education).toEqual({ college: 200, reporting: 202, collegeShare: 0.25 });
    expect(p.managers).toEqual({ reporting: 202, meanAge: 40, youngShare: 0.5 });
  });

  it('leaves out parts whose columns are absent or that nobody reported', () => {
    const onlyCert = staffProfile(g, null, new Set(['cert_junior', 'cert_mid', 'cert_senior']));
    expect(onlyCert.certified!.shareOfStaff).toBeNull();
    expect(onlyCert.certified!.per1000Residents).toBeNull();
    expect([onlyCert.staff, onlyCert.education, onlyCert.managers]).toEqual([null, null, null]);
    const silent = staffProfile({ ...g, n: Object.fromEntries(Object.keys(g.n).map((k) => [k, 0])) }, 250000, ALL);
    expect([silent.certified, silent.pyramid, silent.staff, silent.education, silent.managers]).toEqual([
      null,
      null,
      null,
      null,
      null,
    ]);
  });
});
