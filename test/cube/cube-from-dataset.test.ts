import { describe, expect, it } from 'vitest';
import { cubeFromDataset } from '../../src/cube/cube-from-dataset.js';
import { meanOf, rollup, type Cube, type CubeCell } from '../../src/cube/cube.js';
import { DatasetBuilder, type RowValues } from '../../src/dataset/dataset-builder.js';
import type { Dataset } from '../../src/dataset/dataset.js';

const GOVERNANCE = new Set(['ecology', 'elderly_care', 'mediation', 'community_affairs']);

function dataset(fields: string[], rows: RowValues[], shape: Dataset['shape']): Dataset {
  const b = new DatasetBuilder(fields);
  rows.forEach((r, i) => b.add(r, 0, i + 2));
  return b.finish(shape);
}

const find = (cube: Cube, region: string, year: number, type: string, field = ''): CubeCell | undefined =>
  cube.cells.find((c) => c.region === region && c.year === year && c.type === type && c.field === field);

describe('cubeFromDataset: a tiny panel', () => {
  // Three organizations, four organization-years:
  //   A 150100 social group, ecology:  2023 staff 3, rating 3, gov purchase 100, donations –
  //   A                                2024 staff 5, rating 4, gov purchase 200, donations 50
  //   B 150100 social group, ecology:  2024 staff 0, rating 2, gov purchase –,   donations –
  //   C 150200 foundation,   culture:  2024 staff –, rating –, gov purchase 1000, donations 0
  const fields = [
    'org_id',
    'name',
    'type',
    'region',
    'registered',
    'year',
    'field',
    'rating',
    'staff_fulltime',
    'rev_gov_purchase',
    'rev_donations',
  ];
  const row = (
    org_id: string,
    region: string,
    type: string,
    field: string,
    year: number,
    rating: number | null,
    staff: number | null,
    gov: number | null,
    don: number | null,
  ): RowValues => ({
    org_id,
    name: org_id,
    type,
    region,
    registered: 20150101,
    year,
    field,
    rating,
    staff_fulltime: staff,
    rev_gov_purchase: gov,
    rev_donations: don,
  });
  const ds = dataset(
    fields,
    [
      row('A', '150100', 'social_group', 'ecology', 2023, 3, 3, 100, null),
      row('A', '150100', 'social_group', 'ecology', 2024, 4, 5, 200, 50),
      row('B', '150100', 'social_group', 'ecology', 2024, 2, 0, null, null),
      row('C', '150200', 'foundation', 'culture', 2024, null, null, 1000, 0),
    ],
    'panel',
  );
  const cube = cubeFromDataset(ds, { governanceFields: GOVERNANCE });

  it('measures the numeric fields and the derived fields whose inputs are present', () => {
    expect(cube.source).toBe('microdata');
    expect(cube.measures.slice(0, 4)).toEqual(['rating', 'staff_fulltime', 'rev_gov_purchase', 'rev_donations']);
    expect(cube.measures).toEqual(
      expect.arrayContaining(['rev_total', 'has_fulltime_staff', 'rated_3a', 'governance_field']),
    );
    // no manager_age or gov_projects column: their derived fields are left out
    expect(cube.measures).not.toContain('manager_young');
    expect(cube.measures).not.toContain('has_gov_projects');
  });

  it('has one cell per region × year × type × field, sorted, with the dimension lists', () => {
    expect(cube.cells.map((c) => [c.region, c.year, c.type, c.field, c.count])).toEqual([
      ['150100', 2023, 'social_group', 'ecology', 1],
      ['150100', 2024, 'social_group', 'ecology', 2],
      ['150200', 2024, 'foundation', 'culture', 1],
    ]);
    expect(cube.regions).toEqual(['150100', '150200']);
    expect(cube.years).toEqual([2023, 2024]);
    expect(cube.types).toEqual(['foundation', 'social_group']);
    expect(cube.fields).toEqual(['culture', 'ecology']);
  });

  it('sums each measure over the organizations that report it, counting them in n', () => {
    const a23 = find(cube, '150100', 2023, 'social_group', 'ecology')!;
    expect([a23.sum.staff_fulltime, a23.n.staff_fulltime]).toEqual([3, 1]);
    expect([a23.sum.rev_donations, a23.n.rev_donations]).toEqual([0, 0]); // not reported
    // rev_total = sum of the reported sources: 100 (donations missing)
    expect([a23.sum.rev_total, a23.n.rev_total]).toEqual([100, 1]);

    const sg24 = find(cube, '150100', 2024, 'social_group', 'ecology')!;
    expect([sg24.sum.staff_fulltime, sg24.n.staff_fulltime]).toEqual([5, 2]); // 5 + 0
    expect([sg24.sum.rating, sg24.n.rating]).toEqual([6, 2]); // 4 + 2
    expect([sg24.sum.rev_gov_purchase, sg24.n.rev_gov_purchase]).toEqual([200, 1]); // B has none
    // A: 200 + 50 = 250; B reports no revenue source, so it adds nothing to rev_total
    expect([sg24.sum.rev_total, sg24.n.rev_total]).toEqual([250, 1]);
    // A has 5 full-time staff (1), B has 0 (0)
    expect([sg24.sum.has_fulltime_staff, sg24.n.has_fulltime_staff]).toEqual([1, 2]);
    // A rated 4 (≥ 3: 1), B rated 2 (0)
    expect([sg24.sum.rated_3a, sg24.n.rated_3a]).toEqual([1, 2]);
    // ecology is a governance field: both count
    expect([sg24.sum.governance_field, sg24.n.governance_field]).toEqual([2, 2]);

    const c24 = find(cube, '150200', 2024, 'foundation', 'culture')!;
    expect([c24.sum.staff_fulltime, c24.n.staff_fulltime]).toEqual([0, 0]);
    expect([c24.sum.has_fulltime_staff, c24.n.has_fulltime_staff]).toEqual([0, 0]);
    // 1000 + 0
    expect([c24.sum.rev_total, c24.n.rev_total]).toEqual([1000, 1]);
    // donations of 0 are reported, not missing
    expect([c24.sum.rev_donations, c24.n.rev_donations]).toEqual([0, 1]);
    // culture is not a governance field
    expect([c24.sum.governance_field, c24.n.governance_field]).toEqual([0, 1]);
  });

  it('rolls up into groups, and meanOf divides by the reporting organizations', () => {
    const byYear = rollup(cube, ['year']);
    expect(byYear.map((g) => [g.key.year, g.count])).toEqual([
      [2023, 1],
      [2024, 3],
    ]);
    const y24 = byYear[1];
    // 2024 staff: 5 + 0 reported by 2 (C did not report): mean 2.5
    expect([y24.sum.staff_fulltime, y24.n.staff_fulltime]).toEqual([5, 2]);
    expect(meanOf(y24, 'staff_fulltime')).toBe(2.5);
    // 2024 gov purchase: 200 + 1000 over 2 reporting: 600
    expect(meanOf(y24, 'rev_gov_purchase')).toBe(600);
    expect(Number.isNaN(meanOf(rollup(cube, ['year'], (c) => c.type === 'foundation')[0], 'staff_fulltime'))).toBe(
      true,
    );
    const total = rollup(cube, []);
    expect(total).toHaveLength(1);
    expect(total[0].count).toBe(4);
  });
});

describe('cubeFromDataset: a tiny registry list with deregistration', () => {
  // One row per organization; an organization counts in each year from its registration
  // year to the year before its deregistration (year-end stock), up to the as-of year.
  //   D 150100 social group, registered 2018-05-15, active,                    staff 4
  //   E 150100 social group, registered 2020-01-01, deregistered 2022-06-30,   staff 2
  //   F 150200 private non-enterprise, registered 2021 (year only), active,    staff –
  //   G 150200 private non-enterprise, registered 2023-03-01, deregistered 2023-09-01, staff 1
  // as-of year by default = latest registration or deregistration year = 2023.
  const fields = ['org_id', 'name', 'type', 'region', 'registered', 'deregistered', 'staff_fulltime'];
  const ds = dataset(
    fields,
    [
      {
        org_id: 'D',
        name: 'D',
        type: 'social_group',
        region: '150100',
        registered: 20180515,
        deregistered: null,
        staff_fulltime: 4,
      },
      {
        org_id: 'E',
        name: 'E',
        type: 'social_group',
        region: '150100',
        registered: 20200101,
        deregistered: 20220630,
        staff_fulltime: 2,
      },
      {
        org_id: 'F',
        name: 'F',
        type: 'private_non_enterprise',
        region: '150200',
        registered: 20210000,
        deregistered: null,
        staff_fulltime: null,
      },
      {
        org_id: 'G',
        name: 'G',
        type: 'private_non_enterprise',
        region: '150200',
        registered: 20230301,
        deregistered: 20230901,
        staff_fulltime: 1,
      },
    ],
    'registry',
  );

  it('counts each organization in the years it was registered at year end', () => {
    const cube = cubeFromDataset(ds, { governanceFields: GOVERNANCE });
    // D: 2018–2023; E: 2020–2021 (deregistered in 2022); F: 2021–2023; G: none (registered
    // and deregistered within 2023)
    expect(cube.cells.map((c) => [c.region, c.year, c.type, c.count])).toEqual([
      ['150100', 2018, 'social_group', 1],
      ['150100', 2019, 'social_group', 1],
      ['150100', 2020, 'social_group', 2],
      ['150100', 2021, 'social_group', 2],
      ['150100', 2022, 'social_group', 1],
      ['150100', 2023, 'social_group', 1],
      ['150200', 2021, 'private_non_enterprise', 1],
      ['150200', 2022, 'private_non_enterprise', 1],
      ['150200', 2023, 'private_non_enterprise', 1],
    ]);
    expect(cube.years).toEqual([2018, 2019, 2020, 2021, 2022, 2023]);
    expect(cube.fields).toEqual(['']);
    expect(rollup(cube, ['year']).map((g) => g.count)).toEqual([1, 1, 2, 3, 2, 2]);
  });

  it('puts the numeric fields in the as-of year only', () => {
    const cube = cubeFromDataset(ds, { governanceFields: GOVERNANCE });
    expect(cube.measures).toEqual(expect.arrayContaining(['staff_fulltime', 'has_fulltime_staff']));
    // D's 4 staff in 2023; E (gone before 2023) and G (never counted) add nothing; F reports none
    const d23 = find(cube, '150100', 2023, 'social_group')!;
    expect([d23.sum.staff_fulltime, d23.n.staff_fulltime]).toEqual([4, 1]);
    expect([d23.sum.has_fulltime_staff, d23.n.has_fulltime_staff]).toEqual([1, 1]);
    const d20 = find(cube, '150100', 2020, 'social_group')!;
    expect([d20.sum.staff_fulltime, d20.n.staff_fulltime]).toEqual([0, 0]);
    const f23 = find(cube, '150200', 2023, 'private_non_enterprise')!;
    expect([f23.sum.staff_fulltime, f23.n.staff_fulltime]).toEqual([0, 0]);
  });

  it('stops the series at a given as-of year', () => {
    const cube = cubeFromDataset(ds, { governanceFields: GOVERNANCE, asOf: 2021 });
    // D: 2018–2021; E: 2020–2021; F: 2021; values in 2021: D 4 and E 2 staff
    expect(rollup(cube, ['year']).map((g) => [g.key.year, g.count])).toEqual([
      [2018, 1],
      [2019, 1],
      [2020, 2],
      [2021, 3],
    ]);
    const sg21 = find(cube, '150100', 2021, 'social_group')!;
    expect([sg21.sum.staff_fulltime, sg21.n.staff_fulltime]).toEqual([6, 2]); // 4 + 2
  });
});
