import { describe, expect, it } from 'vitest';
import { staffSection } from '../../../src/analyses/staff/staff-section.js';
import { cubeFromDataset } from '../../../src/cube/cube-from-dataset.js';
import { DatasetBuilder } from '../../../src/dataset/dataset-builder.js';
import { nonFinitePaths, tinyContext, tinyRegions } from '../support/tiny-cube.js';

const regions = tinyRegions([
  { code: '150100', population: 100000, zone: 'core', en: 'Hohhot', zh: '呼和浩特市' },
  { code: '150600', population: 250000, zone: 'core', en: 'Ordos', zh: '鄂尔多斯市' },
]);
type Row = Record<string, string | number>;
const base = (i: number, region: string, type = 'social_group'): Row => ({
  org_id: `O${i}`,
  name: `org ${i}`,
  type,
  region,
  registered: 20100101,
  year: 2023,
});

function context(fields: string[], rows: Row[], shape: 'panel' | 'registry' = 'panel') {
  const b = new DatasetBuilder([
    'org_id',
    'name',
    'type',
    'region',
    'registered',
    ...(shape === 'panel' ? ['year'] : []),
    ...fields,
  ]);
  rows.forEach((r, i) => b.add(r, 0, i + 2));
  const ds = b.finish(shape);
  return tinyContext(cubeFromDataset(ds, { governanceFields: new Set() }), regions, { dataset: ds });
}

describe('staffSection', () => {
  const certFields = [
    'cert_junior',
    'cert_mid',
    'cert_senior',
    'staff_fulltime',
    'staff_parttime',
    'staff_college',
    'manager_age',
  ];
  // Ordos holds Ejin Horo's 667/778/2 (the Ejin Horo Banner case report) split over two organizations; Hohhot 10/5/0.
  const rows: Row[] = [
    {
      ...base(1, '150600'),
      cert_junior: 300,
      cert_mid: 400,
      cert_senior: 1,
      staff_fulltime: 20,
      staff_parttime: 10,
      staff_college: 12,
      manager_age: 35,
    },
    {
      ...base(2, '150600', 'private_non_enterprise'),
      cert_junior: 367,
      cert_mid: 378,
      cert_senior: 1,
      staff_fulltime: 30,
      staff_parttime: 20,
      staff_college: 18,
      manager_age: 50,
    },
    {
      ...base(3, '150100'),
      cert_junior: 10,
      cert_mid: 5,
      cert_senior: 0,
      staff_fulltime: 4,
      staff_parttime: 6,
      staff_college: 5,
      manager_age: 42,
    },
  ];
  const s = staffSection(context(certFields, rows));

  it("says an intermediate-dominant, senior-scarce structure contradicts Fu (2025)'s claim", () => {
    const y = s.byYear[0];
    const ordos = y.byRegion.find((r) => r.region === '150600')!;
    expect([ordos.certified!.junior, ordos.certified!.mid, ordos.certified!.senior]).toEqual([667, 778, 2]);
    expect(ordos.pyramid).toMatchObject({ dominant: 'intermediate-dominant', seniorScarce: true, claimHolds: false });
    // whole area: 677/783/2 → still intermediate-dominant; senior share 2/1462 = 0.14%
    expect(y.all.pyramid).toMatchObject({ dominant: 'intermediate-dominant', seniorScarce: true, claimHolds: false });
    expect(y.verdict!.en).toContain(
      '2023, all regions: 1,462 certified social workers, 46.3% junior, 53.6% intermediate, 0.1% senior',
    );
    expect(y.verdict!.en).toContain(
      'intermediate-dominant, senior-scarce. Fu (2025)\'s "junior-dominant, senior-scarce" claim does not hold (intermediate-dominant, not junior-dominant)',
    );
    expect(y.verdict!.en).toContain('Regions classified differently: Hohhot (junior-dominant, senior-scarce)');
    expect(y.verdict!.zh).toContain('属中级为主、高级稀缺；伏昕（2025）关于“初级为主、高级稀缺”的判断不成立');
    expect(s.claim).toEqual({
      year: 2023,
      holds: false,
      dominant: 'intermediate-dominant',
      seniorScarce: true,
      differingRegions: ['150100'],
    });
  });

  it('states its rule and gives the other staff figures by region and type', () => {
    expect(s.rule.seniorScarceThreshold).toBe(0.05);
    expect(s.rule.en).toContain('Senior-scarce = senior holders are under 5% of all certified');
    const ordos = s.byYear[0].byRegion.find((r) => r.region === '150600')!;
    // (667 + 778 + 2)/250,000 residents · 1000
    expect(ordos.certified!.per1000Residents).toBeCloseTo(5.788, 12);
    // college (12 + 18)/(20 + 10 + 30 + 20); manager ages 35 and 50 → mean 42.5, one under 40
    expect(ordos.education!.collegeShare).toBeCloseTo(30 / 80, 12);
    expect(ordos.managers).toEqual({ reporting: 2, meanAge: 42.5, youngShare: 0.5 });
    expect(s.byYear[0].byType.map((t) => t.type)).toEqual(['social_group', 'private_non_enterprise']);
    expect(nonFinitePaths(s)).toEqual([]);
  });

  it('confirms the claim when junior holders dominate and seniors are scarce', () => {
    const ok = staffSection(
      context(
        ['cert_junior', 'cert_mid', 'cert_senior'],
        [{ ...base(1, '150100'), cert_junior: 60, cert_mid: 38, cert_senior: 2 }],
      ),
    );
    expect(ok.claim!.holds).toBe(true);
    expect(ok.byYear[0].verdict!.en).toContain('claim holds.');
  });

  it('skips certificate figures with a note when the cert_* columns are absent', () => {
    const noCert = staffSection(
      context(['staff_fulltime', 'staff_parttime'], [{ ...base(1, '150100'), staff_fulltime: 3, staff_parttime: 1 }]),
    );
    expect(noCert.skipped).toBe(false);
    expect(noCert.byYear[0].all.certified).toBeNull();
    expect(noCert.byYear[0].all.staff!.fulltimeShare).toBe(0.75);
    expect(noCert.byYear[0].verdict).toBeNull();
    expect(noCert.claim).toBeNull();
    expect(noCert.notes.find((n) => n.code === 'N_STAFF_COLUMNS_ABSENT')!.en).toContain(
      'cert_junior, cert_mid, cert_senior',
    );
  });

  it('skips the whole section with a note when no staff column is present', () => {
    const none = staffSection(context([], [base(1, '150100')]));
    expect(none.skipped).toBe(true);
    expect(none.notes.map((n) => n.code)).toEqual(['N_STAFF_SKIPPED']);
  });

  it('covers only the export year of a registry list, and says so', () => {
    const reg = staffSection(
      context(
        ['cert_junior', 'cert_mid', 'cert_senior'],
        [
          {
            org_id: 'O1',
            name: 'a',
            type: 'social_group',
            region: '150100',
            registered: 20180101,
            cert_junior: 3,
            cert_mid: 1,
            cert_senior: 0,
          },
          {
            org_id: 'O2',
            name: 'b',
            type: 'social_group',
            region: '150100',
            registered: 20200101,
            cert_junior: 1,
            cert_mid: 1,
            cert_senior: 0,
          },
        ],
        'registry',
      ),
    );
    expect(reg.years).toEqual([2020]);
    expect(reg.notes.map((n) => n.code)).toContain('N_STAFF_REGISTRY');
  });
});
