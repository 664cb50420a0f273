// densityLisa: the results.json block the LISA cluster map reads. Expected values by hand:
// four regions in a row A–B–C–D (rook), 10,000 residents each, counts 8, 6, 1, 1 → densities
// 8, 6, 1, 1 per 10,000; A's neighbours' mean (lag) = 6, B's = (8 + 1)/2 = 4.5, C's = 3.5, D's = 1.
import { describe, expect, it } from 'vitest';
import { densityLisa } from '../../../src/analyses/spatial/density-lisa.js';
import type { RegionUnit } from '../../../src/analyses/spatial/region-units.js';

const unit = (code: string, zh: string, neighbours: string[], population = 10_000): RegionUnit => ({
  code,
  zh,
  en: code,
  population,
  zone: 'periphery',
  neighbours,
});
const units = [
  unit('A', '甲', ['B']),
  unit('B', '乙', ['A', 'C']),
  unit('C', '丙', ['B', 'D']),
  unit('D', '丁', ['C']),
];

describe('densityLisa', () => {
  it('gives each unit its density, its neighbours’ mean, I, p and a cluster label', () => {
    const { lisa, notes } = densityLisa(units, [8, 6, 1, 1], { year: 2024, permutations: 99, seed: 1 });
    expect(notes).toEqual([]);
    expect(lisa).toMatchObject({
      year: 2024,
      variable: 'organizations per 10,000 residents',
      permutations: 99,
      alpha: 0.05,
      seed: 1,
    });
    const expected: [string, string, number, number][] = [
      ['A', '甲', 8, 6],
      ['B', '乙', 6, 4.5],
      ['C', '丙', 1, 3.5],
      ['D', '丁', 1, 1],
    ];
    lisa!.units.forEach((u, i) => {
      expect([u.code, u.name]).toEqual(expected[i].slice(0, 2));
      expect(u.value).toBeCloseTo(expected[i][2], 12);
      expect(u.lag!).toBeCloseTo(expected[i][3], 12);
    });
    // mean density 4: A (8) among high (6) → HH quadrant; D (1) among low (1) → LL
    for (const u of lisa!.units) expect(['HH', 'LL', 'HL', 'LH', 'ns']).toContain(u.cluster);
    expect(lisa!.units.every((u) => u.p !== null && u.p >= 0.01 && u.p <= 1)).toBe(true);
  });

  it('is null with a note without neighbour lists (china-counties) or with equal densities', () => {
    const flat = units.map((u) => ({ ...u, neighbours: [] }));
    expect(densityLisa(flat, [8, 6, 1, 1], { year: 2024, permutations: 9, seed: 1 }).notes[0].code).toBe(
      'N_LISA_UNDEFINED',
    );
    expect(densityLisa(units, [2, 2, 2, 2], { year: 2024, permutations: 9, seed: 1 }).lisa).toBeNull();
  });

  it('leaves out regions without residents', () => {
    const withEmpty = [...units, unit('E', '戊', [], 0)];
    const { lisa } = densityLisa(withEmpty, [8, 6, 1, 1, 0], { year: 2024, permutations: 9, seed: 1 });
    expect(lisa!.units.map((u) => u.code)).toEqual(['A', 'B', 'C', 'D']);
  });
});
