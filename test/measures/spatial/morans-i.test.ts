/* eslint-disable no-loss-of-precision -- published constants and reference values are quoted with every digit their source prints */
import { describe, expect, it } from 'vitest';
import { moransI } from '../../../src/measures/spatial/index.js';
import { expectMeasureError } from '../../helpers/expect-measure-error.js';
import { rookLattice } from '../../helpers/rook-lattice.js';

// Path 0–1–2–3 with y = 1..4: z = −1.5, −.5, .5, 1.5; Σz² = 5; Σz⁴ = 10.25.
const path4 = [[1], [0, 2], [1, 3], [2]];

describe('moransI', () => {
  it('binary weights on a path: I, E[I], both variances (hand calculation)', () => {
    const m = moransI([1, 2, 3, 4], path4, { style: 'B' });
    // zᵀWz = 2(z0z1 + z1z2 + z2z3) = 2(.75 − .25 + .75) = 2.5; S0 = 6; I = (4/6)(2.5/5) = 1/3
    expect(m.I).toBeCloseTo(1 / 3, 15);
    expect(m.expected).toBeCloseTo(-1 / 3, 15);
    // S1 = ½·6·2² = 12; S2 = Σ(2kᵢ)² = 4 + 16 + 16 + 4 = 40
    expect([m.s0, m.s1, m.s2]).toEqual([6, 12, 40]);
    // V_N = (16·12 − 4·40 + 3·36)/(3·5·36) − 1/9 = 140/540 − 60/540 = 4/27
    expect(m.varianceNormality).toBeCloseTo(4 / 27, 15);
    // b2 = 4·10.25/25 = 1.64; A = 4(7·12 − 160 + 108) = 128; B = 1.64(144 − 320 + 216) = 65.6
    // V_R = (128 − 65.6)/(3·2·1·36) − 1/9 = 8/45
    expect(m.varianceRandomisation).toBeCloseTo(8 / 45, 15);
    // z_N = (2/3)/√(4/27) = √3; z_R = (2/3)/√(8/45) = √2.5
    expect(m.zNormality).toBeCloseTo(Math.sqrt(3), 14);
    expect(m.zRandomisation).toBeCloseTo(Math.sqrt(2.5), 14);
    // p-values: mpmath 1.3.0 (40 digits), ½·erfc(z/√2), for z = √3 and √2.5
    expect(m.pNormalityGreater).toBeCloseTo(0.041632258331775200927, 15);
    expect(m.pNormalityTwoSided).toBeCloseTo(0.083264516663550401855, 15);
    expect(m.pRandomisationGreater).toBeCloseTo(0.056923149003329025139, 15);
    expect(m.pRandomisationTwoSided).toBeCloseTo(0.11384629800665805028, 15);
    expect(m.islands).toEqual([]);
    expect(m.permutation).toBeNull();
  });

  it('row-standardised weights (default style W)', () => {
    // rows: {1:1}, {0:.5,2:.5}, {1:.5,3:.5}, {2:1}; S0 = 4
    // zᵀWz = .75 + (−.5)(−.5) + (.5)(.5) + .75 = 2; I = (4/4)(2/5) = .4
    const m = moransI([1, 2, 3, 4], path4);
    expect(m.style).toBe('W');
    expect(m.s0).toBe(4);
    expect(m.I).toBeCloseTo(0.4, 15);
  });

  it('an island keeps a zero weight row and is reported', () => {
    // y = 1..5, unit 4 has no neighbours: ȳ = 3, z = −2..2, Σz² = 10, n = 5
    const nb = [[1], [0, 2], [1, 3], [2], []];
    // B: zᵀWz = 2(2 + 0 + 0) = 4, S0 = 6 → I = (5/6)(4/10) = 1/3
    const b = moransI([1, 2, 3, 4, 5], nb, { style: 'B' });
    expect(b.islands).toEqual([4]);
    expect(b.I).toBeCloseTo(1 / 3, 15);
    // W: zᵀWz = 2 + (−1)(−1) + 0 + 0 = 3, S0 = 4 → I = (5/4)(3/10) = .375
    expect(moransI([1, 2, 3, 4, 5], nb).I).toBeCloseTo(0.375, 15);
  });

  it('one-way links: S1 and S2 for asymmetric weights', () => {
    // only 0 → 1: S0 = 1; S1 = ½[(1+0)² + (0+1)²] = 1; S2 = (1+0)² + (0+1)² + 0 = 2
    const m = moransI([1, 2, 4], [[1], [], []], { style: 'B' });
    expect([m.s0, m.s1, m.s2]).toEqual([1, 1, 2]);
    // n = 3 < 4: no randomisation variance
    expect(m.varianceRandomisation).toBeNaN();
  });

  it('permutation pseudo p-value is reproducible and bounded by 1/(perms + 1)', () => {
    const y = [1, 2, 3, 4, 5, 6, 7, 8, 9];
    const a = moransI(y, rookLattice(3, 3), { permutations: 99, seed: 7 });
    const b = moransI(y, rookLattice(3, 3), { permutations: 99, seed: 7 });
    expect(a.permutation).toEqual(b.permutation);
    const p = a.permutation!;
    expect(p.permutations).toBe(99);
    // (larger + 1)/(99 + 1) with an integer larger ≤ 49
    const larger = p.pPseudo * 100 - 1;
    expect(larger).toBeCloseTo(Math.round(larger), 9);
    expect(p.pPseudo).toBeGreaterThanOrEqual(0.01);
    expect(p.pPseudo).toBeLessThanOrEqual(0.5);
    // the ordered gradient is strongly autocorrelated (spdep: I = 0.5556, p = 0.0037 under
    // randomisation), so few permutations reach it
    expect(p.pPseudo).toBeLessThan(0.05);
    expect(p.z).toBeGreaterThan(0);
  });

  it('rejects bad input', () => {
    expectMeasureError(() => moransI([1], [[]]), 'moransI: needs at least 2 units, got 1');
    expectMeasureError(() => moransI([3, 3, 3], [[1], [0, 2], [1]]), 'values are all equal');
    expectMeasureError(() => moransI([1, 2], [[], []]), 'all units are islands');
    expectMeasureError(() => moransI([1, 2], [[1]]), 'neighbours must be an array of 2 neighbour lists');
    expectMeasureError(() => moransI([1, 2], [[2], [0]]), 'neighbours[0] contains 2');
    expectMeasureError(() => moransI([1, 2], [[0], [0]]), 'neighbours[0] lists unit 0 itself');
    expectMeasureError(() => moransI([1, 2, 3], [[1, 1], [0], []]), 'lists unit 1 twice');
    expectMeasureError(() => moransI([1, 2], [[1], [0]], { style: 'R' as 'W' }), "style must be 'W'");
    expectMeasureError(
      () => moransI([1, 2], [[1], [0]], { permutations: -1 }),
      'permutations must be a non-negative integer',
    );
    expectMeasureError(() => moransI([1, Number.POSITIVE_INFINITY], [[1], [0]]), 'at index 1');
  });
});
