import { describe, expect, it } from 'vitest';
import { concentrationProfile } from '../../../src/analyses/spatial/concentration-profile.js';
import type { RegionUnit } from '../../../src/analyses/spatial/region-units.js';
import { nonFinitePaths } from '../support/tiny-cube.js';

const unit = (code: string, population: number, zone: 'core' | 'periphery', neighbours: string[] = []): RegionUnit => ({
  code,
  zh: code,
  en: code,
  population,
  zone,
  neighbours,
});
const opts = { year: 2024, scope: () => 'organizations', permutations: 99, seed: 1 };
const codes = (p: { notes: { code: string }[] }) => p.notes.map((n) => n.code);

describe('concentrationProfile: three regions worked by hand', () => {
  // A (core, 100 residents, 40 organizations) – B (periphery, 100, 10) – C (periphery, 200, 30);
  // neighbours form a chain A–B–C. Totals: 80 organizations, 400 residents.
  const units = [
    unit('A', 100, 'core', ['B']),
    unit('B', 100, 'periphery', ['A', 'C']),
    unit('C', 200, 'periphery', ['B']),
  ];
  const p = concentrationProfile(units, [40, 10, 30], opts);

  it('gives shares, density and location quotients', () => {
    // shares 40/80, 10/80, 30/80; population shares 100/400, 100/400, 200/400
    expect(p.regions.map((r) => r.share)).toEqual([0.5, 0.125, 0.375]);
    expect(p.regions.map((r) => r.popShare)).toEqual([0.25, 0.25, 0.5]);
    // per 10,000 residents: 40/100·10⁴, 10/100·10⁴, 30/200·10⁴
    expect(p.regions.map((r) => r.per10k)).toEqual([4000, 1000, 1500]);
    // LQ = share / population share: 0.5/0.25, 0.125/0.25, 0.375/0.5
    p.regions.forEach((r, i) => expect(r.lq).toBeCloseTo([2, 0.5, 0.75][i], 12));
  });

  it('compares the core with its population share', () => {
    expect(p.core).toEqual({ regions: ['A'], count: 40, share: 0.5, popShare: 0.25, lq: 2 });
  });

  it('gives CR1, CR3 and the three forms of HHI', () => {
    expect(p.cr1).toEqual({ value: 0.5, regions: ['A'] });
    expect(p.cr3).toEqual({ value: 1, regions: ['A', 'C', 'B'] });
    // H = 0.5² + 0.125² + 0.375² = 0.25 + 0.015625 + 0.140625 = 0.40625
    expect(p.hhi!.plain).toBeCloseTo(0.40625, 12);
    // (H − 1/3)/(1 − 1/3) = 0.0729166…·1.5 = 0.109375
    expect(p.hhi!.normalized).toBeCloseTo(0.109375, 12);
    expect(p.hhi!.numbersEquivalent).toBeCloseTo(1 / 0.40625, 12);
  });

  it('gives the Gini forms, the population-weighted Lorenz curve and Hoover', () => {
    // counts ascending 10, 30, 40: Σ(2i−n−1)x = −2·10 + 0·30 + 2·40 = 60; 60/(3·80) = 0.25; ×3/2 = 0.375
    expect(p.gini!.counts).toBeCloseTo(0.25, 12);
    expect(p.gini!.countsCorrected).toBeCloseTo(0.375, 12);
    // densities ascending: B 1000, C 1500, A 4000 → points (0,0) (0.25,0.125) (0.75,0.5) (1,1)
    expect(p.lorenz).toEqual([
      { x: 0, y: 0, region: null },
      { x: 0.25, y: 0.125, region: 'B' },
      { x: 0.75, y: 0.5, region: 'C' },
      { x: 1, y: 1, region: 'A' },
    ]);
    // area = 0.25·0.125/2 + 0.5·(0.125+0.5)/2 + 0.25·(0.5+1)/2 = 0.015625 + 0.15625 + 0.1875 = 0.359375;
    // Gini = 1 − 2·0.359375 = 0.28125
    expect(p.gini!.densityPopulationWeighted).toBeCloseTo(0.28125, 12);
    // ½(|0.5−0.25| + |0.125−0.25| + |0.375−0.5|) = ½·0.5
    expect(p.hoover).toBeCloseTo(0.25, 12);
  });

  it('decomposes Theil T and L exactly into core/periphery parts', () => {
    // T = 0.5 ln 2 + 0.125 ln 0.5 + 0.375 ln 0.75 = 0.375 ln 1.5
    expect(p.theilT!.total).toBeCloseTo(0.375 * Math.log(1.5), 12);
    // between = 0.5 ln(0.5/0.25) + 0.5 ln(0.5/0.75) = 0.5 ln(4/3)
    expect(p.theilT!.between).toBeCloseTo(0.5 * Math.log(4 / 3), 12);
    // within periphery: shares 0.25, 0.75 against 1/3, 2/3, weighted by S = 0.5
    const tPer = 0.25 * Math.log(0.25 / (1 / 3)) + 0.75 * Math.log(0.75 / (2 / 3));
    expect(p.theilT!.within).toBeCloseTo(0.5 * tPer, 12);
    expect(p.theilT!.between + p.theilT!.within).toBeCloseTo(p.theilT!.total, 12);
    expect(p.theilT!.betweenShare).toBeCloseTo((0.5 * Math.log(4 / 3)) / (0.375 * Math.log(1.5)), 12);
    expect(p.theilT!.groups.core).toEqual({ share: 0.5, popShare: 0.25, within: 0, contribution: 0 });
    // L = 0.25 ln(0.25/0.5) + 0.25 ln(0.25/0.125) + 0.5 ln(0.5/0.375) = 0.5 ln(4/3)
    expect(p.theilL!.total).toBeCloseTo(0.5 * Math.log(4 / 3), 12);
    // between L = 0.25 ln(0.25/0.5) + 0.75 ln(0.75/0.5)
    expect(p.theilL!.between).toBeCloseTo(0.25 * Math.log(0.5) + 0.75 * Math.log(1.5), 12);
  });

  it("computes Moran's I of density and says why the randomisation variance is null", () => {
    // z = y − ȳ with y = 4000, 1000, 1500, ȳ = 6500/3: z = (5500, −3500, −2000)/3; Σz² = 46.5e6/9.
    // Row-standardised chain: zᵀWz = z_A z_B + z_B (z_A + z_C)/2 + z_C z_B = −18.375e6/9; S0 = n = 3.
    expect(p.moran!.I).toBeCloseTo(-18.375 / 46.5, 12);
    expect(p.moran!.expected).toBeCloseTo(-0.5, 12);
    expect(p.moran!.varianceRandomisation).toBeNull(); // needs n ≥ 4
    expect(p.moran!.pRandomisationGreater).toBeNull();
    expect(p.moran!.permutation).toMatchObject({ permutations: 99, seed: 1 });
    expect(codes(p)).toContain('N_MORAN_SMALL');
    expect(nonFinitePaths(p)).toEqual([]);
  });
});

describe('concentrationProfile: edge cases give null plus a note, never NaN', () => {
  it('a single region', () => {
    const p = concentrationProfile([unit('A', 100, 'core')], [5], opts);
    expect(p.hhi).toEqual({ plain: 1, normalized: null, numbersEquivalent: 1 });
    expect(p.gini!.counts).toBe(0);
    expect(p.gini!.countsCorrected).toBeNull();
    expect(p.core).toMatchObject({ share: 1, popShare: 1, lq: 1 });
    // organizations are spread exactly like residents: T = 0, between share 0/0
    expect(p.theilT!.total).toBe(0);
    expect(p.theilT!.betweenShare).toBeNull();
    expect(p.moran).toBeNull();
    expect(codes(p)).toEqual(expect.arrayContaining(['N_THEIL_ZERO', 'N_MORAN_UNDEFINED']));
    expect(nonFinitePaths(p)).toEqual([]);
  });

  it('all organizations in one region', () => {
    const units = [
      unit('A', 100, 'core', ['B']),
      unit('B', 100, 'periphery', ['A', 'C']),
      unit('C', 200, 'periphery', ['B']),
    ];
    const p = concentrationProfile(units, [10, 0, 0], opts);
    expect(p.cr1!.value).toBe(1);
    expect(p.hhi).toEqual({ plain: 1, normalized: 1, numbersEquivalent: 1 });
    // ascending 0, 0, 10: (2·3−3−1)·10/(3·10) = 2/3; corrected ×3/2 = 1
    expect(p.gini!.counts).toBeCloseTo(2 / 3, 12);
    expect(p.gini!.countsCorrected).toBeCloseTo(1, 12);
    // T = 1·ln(1/0.25)
    expect(p.theilT!.total).toBeCloseTo(Math.log(4), 12);
    expect(p.theilL).toBeNull();
    expect(p.notes.find((n) => n.code === 'N_THEIL_L_INFINITE')!.en).toContain('B, C');
    // LQ: 1/0.25 = 4, then 0, 0; Hoover ½(0.75 + 0.25 + 0.5)
    expect(p.regions.map((r) => r.lq)).toEqual([4, 0, 0]);
    expect(p.hoover).toBeCloseTo(0.75, 12);
    expect(nonFinitePaths(p)).toEqual([]);
  });

  it('a region with organizations but zero population is left out of the per-resident measures', () => {
    const units = [unit('A', 100, 'core'), unit('B', 0, 'periphery'), unit('C', 100, 'periphery')];
    const p = concentrationProfile(units, [10, 5, 5], opts);
    // count-based measures keep B: shares 10/20, 5/20, 5/20
    expect(p.regions.map((r) => r.share)).toEqual([0.5, 0.25, 0.25]);
    // per-resident ones use A and C only: LQ A = (10/15)/(100/200) = 4/3, C = (5/15)/(1/2) = 2/3
    expect(p.regions[0].lq).toBeCloseTo(4 / 3, 12);
    expect(p.regions[1]).toMatchObject({ popShare: null, per10k: null, lq: null });
    expect(p.regions[2].lq).toBeCloseTo(2 / 3, 12);
    expect(p.notes.find((n) => n.code === 'N_NO_POPULATION')!.en).toContain('hold 5 organizations');
    expect(nonFinitePaths(p)).toEqual([]);
  });

  it('no population at all', () => {
    const p = concentrationProfile([unit('A', 0, 'core'), unit('B', 0, 'periphery')], [3, 1], opts);
    expect(p.residents).toBeNull();
    expect(p.core).toMatchObject({ share: 0.75, popShare: null, lq: null });
    expect([p.lorenz, p.hoover, p.theilT, p.theilL, p.moran, p.gini!.densityPopulationWeighted]).toEqual([
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
    expect(codes(p)).toContain('N_NO_RESIDENTS');
    expect(nonFinitePaths(p)).toEqual([]);
  });

  it('a scope with no organizations in the year', () => {
    const p = concentrationProfile([unit('A', 100, 'core'), unit('B', 100, 'periphery')], [0, 0], {
      ...opts,
      scope: () => 'foundations',
    });
    expect(p.total).toBe(0);
    expect(p.hhi).toBeNull();
    expect(p.notes[0]).toMatchObject({ code: 'N_NO_ORGANIZATIONS' });
    expect(p.notes[0].en).toBe('2024: no foundations in the data; their concentration measures are null.');
    expect(nonFinitePaths(p)).toEqual([]);
  });

  it("equal densities make Moran's I undefined", () => {
    const p = concentrationProfile([unit('A', 100, 'core', ['B']), unit('B', 200, 'periphery', ['A'])], [10, 20], opts);
    expect(p.moran).toBeNull();
    expect(p.notes.find((n) => n.code === 'N_MORAN_UNDEFINED')!.en).toContain('every region has the same density');
  });
});
