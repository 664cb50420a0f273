import { describe, expect, it } from 'vitest';
import { rollup, type CubeGroup } from '../../../src/cube/cube.js';
import {
  estimatedTotal,
  evaluateIndicator,
  type UnitInputs,
} from '../../../src/analyses/indicators/evaluate-indicator.js';
import { buildPanel } from '../../../src/analyses/indicators/build-panel.js';
import { ind, tinyCube, tinyRegions } from './tiny-cube.js';

// All expectations below are hand calculations on tinyCube() (table in tiny-cube.ts).
const cube = tinyCube();
const groups = rollup(cube, ['region', 'year']);
const g = (region: string, year: number): CubeGroup =>
  groups.find((x) => x.key.region === region && x.key.year === year)!;
// A 2024 = social_group + foundation: count 4; staff_fulltime sum 8, n 3; cert_junior sum 2, n 2;
// party_org sum 2, n 3; revenue sums gov 60, donations 120, membership 20, services 0, other 0 (n 4 each)
const a2024: UnitInputs = { group: g('A', 2024), prev: g('A', 2023), typeCounts: [1, 3], population: 20000 };
const b2024: UnitInputs = { group: g('B', 2024), prev: null, typeCounts: [0, 4], population: 10000 };

describe('estimatedTotal (sum scaled by count / n)', () => {
  it('scales a partly reported sum to all organizations', () => {
    // staff_fulltime in A 2024: 8 × 4 / 3 = 32/3
    expect(estimatedTotal(a2024.group, 'staff_fulltime')).toBeCloseTo(32 / 3, 12);
    // `count` is the organization count: 4
    expect(estimatedTotal(a2024.group, 'count')).toBe(4);
  });
  it('is NaN when nobody reported the field', () => {
    // cert_junior in A 2023: n = 0
    expect(estimatedTotal(g('A', 2023), 'cert_junior')).toBeNaN();
  });
});

describe('evaluateIndicator: each compute kind on A 2024 (hand calculations)', () => {
  it('per_population of the count: 4 / 20,000 × 10,000 = 2', () => {
    expect(evaluateIndicator({ kind: 'per_population', numerator: 'count', per: 10000 }, a2024)).toBe(2);
  });
  it('per_population of fields: estimated total 32/3 / 20,000 × 1,000 = 0.5333…', () => {
    expect(evaluateIndicator({ kind: 'per_population', numerator: ['staff_fulltime'], per: 1000 }, a2024)).toBeCloseTo(
      32 / 3 / 20,
      12,
    );
  });
  it('per_population is missing without a population', () => {
    expect(evaluateIndicator({ kind: 'per_population', numerator: 'count' }, { ...a2024, population: NaN })).toBeNaN();
  });
  it('share_of_orgs: reporting base 2/3, all-organizations base 2/4', () => {
    // party_org sum 2 over n 3 reporting organizations; over count 4 with base "all"
    expect(evaluateIndicator({ kind: 'share_of_orgs', field: 'party_org' }, a2024)).toBeCloseTo(2 / 3, 12);
    expect(evaluateIndicator({ kind: 'share_of_orgs', field: 'party_org', base: 'all' }, a2024)).toBe(0.5);
  });
  it('mean_per_org: sum / n = 8 / 3', () => {
    expect(evaluateIndicator({ kind: 'mean_per_org', field: 'staff_fulltime' }, a2024)).toBeCloseTo(8 / 3, 12);
  });
  it('ratio_of_sums uses estimated totals: (2 × 4/2) / (8 × 4/3) = 0.375, not the raw 2/8', () => {
    expect(
      evaluateIndicator({ kind: 'ratio_of_sums', numerator: ['cert_junior'], denominator: ['staff_fulltime'] }, a2024),
    ).toBeCloseTo(0.375, 12);
  });
  it('ratio_of_sums of revenue: government 60 / all sources 200 = 0.3', () => {
    const all = ['rev_gov_purchase', 'rev_donations', 'rev_membership', 'rev_services', 'rev_other'];
    expect(
      evaluateIndicator({ kind: 'ratio_of_sums', numerator: ['rev_gov_purchase'], denominator: all }, a2024),
    ).toBeCloseTo(0.3, 12);
  });
  it('growth of the count: 4 / 2 − 1 = 1; missing without the previous year', () => {
    expect(evaluateIndicator({ kind: 'growth', of: 'count' }, a2024)).toBe(1);
    expect(evaluateIndicator({ kind: 'growth', of: 'count' }, b2024)).toBeNaN();
  });
  it('growth of a field: staff totals 32/3 (2024) vs 4 (2023) → 32/12 − 1 = 5/3', () => {
    expect(evaluateIndicator({ kind: 'growth', of: 'staff_fulltime' }, a2024)).toBeCloseTo(5 / 3, 12);
  });
  it('type_diversity: shares 1/4, 3/4 → Simpson 1 − (1/16 + 9/16) = 0.375; Shannon −Σ s ln s', () => {
    expect(evaluateIndicator({ kind: 'type_diversity' }, a2024)).toBeCloseTo(0.375, 12);
    expect(evaluateIndicator({ kind: 'type_diversity', index: 'shannon' }, a2024)).toBeCloseTo(
      -(0.25 * Math.log(0.25) + 0.75 * Math.log(0.75)),
      12,
    );
    // one type only: diversity 0 (not −0)
    expect(Object.is(evaluateIndicator({ kind: 'type_diversity', index: 'shannon' }, b2024), 0)).toBe(true);
    expect(evaluateIndicator({ kind: 'type_diversity' }, b2024)).toBe(0);
  });
  it('revenue_diversification: shares 0.3, 0.6, 0.1, 0, 0 → 1 − (0.09 + 0.36 + 0.01) = 0.54', () => {
    expect(evaluateIndicator({ kind: 'revenue_diversification' }, a2024)).toBeCloseTo(0.54, 12);
    // B 2024: 40 + 40 → 1 − (0.25 + 0.25) = 0.5
    expect(evaluateIndicator({ kind: 'revenue_diversification' }, b2024)).toBeCloseTo(0.5, 12);
  });
});

describe('buildPanel on the tiny cube', () => {
  const indicators = [
    ind('density', 'composition', { kind: 'per_population', numerator: 'count', per: 10000 }),
    ind('growth', 'composition', { kind: 'growth', of: 'count' }),
    ind('diversity', 'composition', { kind: 'type_diversity' }),
    ind('party', 'function', { kind: 'share_of_orgs', field: 'party_org' }),
  ];
  const panel = buildPanel(cube, tinyRegions(), indicators);
  const row = (region: string, year: number) =>
    panel.raw[panel.units.findIndex((u) => u.region === region && u.year === year)];

  it('has units region × year plus the total, sorted by year then region', () => {
    expect(panel.units.map((u) => `${u.region}/${u.year}`)).toEqual([
      'A/2023',
      'total/2023',
      'A/2024',
      'B/2024',
      'total/2024',
    ]);
  });
  it('gives the hand-calculated values', () => {
    // A 2024: density 2, growth 1, diversity 0.375, party 2/3 (see above)
    const a = row('A', 2024);
    expect(a[0]).toBe(2);
    expect(a[1]).toBe(1);
    expect(a[2]).toBeCloseTo(0.375, 12);
    expect(a[3]).toBeCloseTo(2 / 3, 12);
    // B 2024: 4 / 10,000 × 10,000 = 4; no 2023 → growth missing; party 1/4
    const b = row('B', 2024);
    expect(b[0]).toBe(4);
    expect(b[1]).toBeNaN();
    expect(b[3]).toBe(0.25);
  });
  it('computes the total from the pooled groups', () => {
    // total 2024: 8 organizations / 30,000 × 10,000 = 8/3; growth 8 / 2 − 1 = 3 (2023 has A only);
    // types 1 foundation + 7 social groups → 1 − (1/64 + 49/64) = 14/64; party (2 + 1) / (3 + 4) = 3/7
    const t = row('total', 2024);
    expect(t[0]).toBeCloseTo(8 / 3, 12);
    expect(t[1]).toBe(3);
    expect(t[2]).toBeCloseTo(14 / 64, 12);
    expect(t[3]).toBeCloseTo(3 / 7, 12);
  });
  it('restricts to one type with `type`, skipping type diversity with a note', () => {
    const p = buildPanel(cube, tinyRegions(), indicators, { type: 'social_group' });
    expect(p.indicators.map((i) => i.id)).toEqual(['density', 'growth', 'party']);
    expect(p.skipped).toEqual([{ id: 'diversity', layer: 'composition', reason: 'not-per-type', missing: [] }]);
    // A 2024 social groups: 3 / 20,000 × 10,000 = 1.5; growth 3 / 2 − 1 = 0.5; party 2 / 2 = 1
    const a = p.raw[p.units.findIndex((u) => u.region === 'A' && u.year === 2024)];
    expect(a).toEqual([1.5, 0.5, 1]);
  });
});
