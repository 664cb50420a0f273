import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MeasureError } from '../../../src/measures/measure-error.js';
import { coordinationOf, couplingCoordination } from '../../../src/measures/coupling/coupling-coordination.js';

const REF = new URL('../../fixtures/reference/', import.meta.url);
const load = (file: string): unknown => JSON.parse(readFileSync(new URL(file, REF), 'utf8'));
function expectDecimals(actual: number, expected: number, decimals: number, source: string): void {
  expect(Math.abs(actual - expected), `${source}: got ${actual}, expected ${expected}`).toBeLessThanOrEqual(
    0.5 * 10 ** -decimals + 1e-12,
  );
}

interface Published {
  coupling: number[];
  coord: number[];
  coupling_coord: number[];
  decimals: number;
}
const ref = load('coupling_obstacle_mathmodels.json') as {
  source: { repo: string; commit: string; path: string };
  input: [string, number, number, number][];
  standard_equal_weights: Published;
  'adjusted_weights_0.4_0.3_0.3': Published;
};
const SRC = `${ref.source.repo}@${ref.source.commit.slice(0, 7)} ${ref.source.path}`;

describe('couplingCoordination: mathmodels coupling_degree, three subsystems (coupling_obstacle_mathmodels.json)', () => {
  ref.input.forEach(([id, ...u], i) => {
    it(`standard_equal_weights, unit ${id}`, () => {
      const exp = ref.standard_equal_weights;
      const r = couplingCoordination(u);
      expectDecimals(r.C, exp.coupling[i], exp.decimals, `${SRC} standard C`);
      expectDecimals(r.T, exp.coord[i], exp.decimals, `${SRC} standard T`);
      expectDecimals(r.D, exp.coupling_coord[i], exp.decimals, `${SRC} standard D`);
    });
    it(`adjusted_weights_0.4_0.3_0.3 (Wang et al. 2021 modified), unit ${id}`, () => {
      const exp = ref['adjusted_weights_0.4_0.3_0.3'];
      const r = couplingCoordination(u, { weights: [0.4, 0.3, 0.3], variant: 'modified' });
      expectDecimals(r.C, exp.coupling[i], exp.decimals, `${SRC} modified C`);
      expectDecimals(r.T, exp.coord[i], exp.decimals, `${SRC} modified T`);
      expectDecimals(r.D, exp.coupling_coord[i], exp.decimals, `${SRC} modified D`);
    });
  });
});

describe('couplingCoordination: two subsystems and edge cases (hand calculations)', () => {
  it('standard, U = 0.36, 0.64', () => {
    // C = 2 sqrt(0.36 * 0.64)/(0.36 + 0.64) = 2 * 0.48 / 1 = 0.96; T = 0.5; D = sqrt(0.48) = 0.6928203
    const r = couplingCoordination([0.36, 0.64]);
    expect(r.C).toBeCloseTo(0.96, 14);
    expect(r.T).toBeCloseTo(0.5, 14);
    expect(r.D).toBeCloseTo(Math.sqrt(0.48), 14);
  });

  it('modified, U = 0.36, 0.64', () => {
    // 1 - |0.36 - 0.64| / 1 pair = 0.72; prod(U/max)^(1/(n-1)) = 0.5625 * 1 = 0.5625
    // C = sqrt(0.72 * 0.5625) = sqrt(0.405) = 0.6363961
    expect(couplingCoordination([0.36, 0.64], { variant: 'modified' }).C).toBeCloseTo(Math.sqrt(0.405), 14);
  });

  it('custom weights alpha = 0.7, beta = 0.3', () => {
    // T = 0.7 * 0.36 + 0.3 * 0.64 = 0.252 + 0.192 = 0.444; D = sqrt(0.96 * 0.444)
    const r = couplingCoordination([0.36, 0.64], { weights: [0.7, 0.3] });
    expect(r.T).toBeCloseTo(0.444, 14);
    expect(r.D).toBeCloseTo(Math.sqrt(0.96 * 0.444), 14);
  });

  it('equal scores give C = 1 exactly (both variants)', () => {
    // 2 sqrt(U^2)/(2U) = 1; modified: 1 - 0 = 1, (U/U)^1 = 1
    expect(couplingCoordination([0.3, 0.3]).C).toBe(1);
    expect(couplingCoordination([0.3, 0.3, 0.3]).C).toBe(1);
    expect(couplingCoordination([0.3, 0.3], { variant: 'modified' }).C).toBe(1);
  });

  it('one subsystem at 0 gives C = 0 and D = 0', () => {
    // prod U = 0 -> C = 0; T = 0.5 * 0 + 0.5 * 0.5 = 0.25; D = sqrt(0 * 0.25) = 0
    expect(couplingCoordination([0, 0.5])).toEqual({ C: 0, T: 0.25, D: 0 });
    expect(couplingCoordination([0, 0.5], { variant: 'modified' })).toEqual({ C: 0, T: 0.25, D: 0 });
  });

  it('all subsystems at 0 give C = T = D = 0, never NaN', () => {
    // sum U = 0 would divide 0 by 0: defined as 0
    expect(couplingCoordination([0, 0])).toEqual({ C: 0, T: 0, D: 0 });
    expect(couplingCoordination([0, 0, 0], { variant: 'modified' })).toEqual({ C: 0, T: 0, D: 0 });
  });

  it('both at 1 give C = T = D = 1', () => {
    expect(couplingCoordination([1, 1])).toEqual({ C: 1, T: 1, D: 1 });
  });

  it('a missing score propagates as NaN', () => {
    const r = couplingCoordination([NaN, 0.5]);
    expect(r.C).toBeNaN();
    expect(r.D).toBeNaN();
  });

  it('rejects fewer than two scores, scores outside [0, 1] and weights not summing to 1', () => {
    for (const fn of [
      () => couplingCoordination([0.5]),
      () => couplingCoordination([1.2, 0.5]),
      () => couplingCoordination([-0.1, 0.5]),
      () => couplingCoordination([0.2, 0.5], { weights: [0.6, 0.6] }),
      () => couplingCoordination([0.2, 0.5], { weights: [1] }),
      () => couplingCoordination([0.2, 0.5], { variant: 'other' as 'standard' }),
    ]) {
      let caught: unknown;
      try {
        fn();
      } catch (e) {
        caught = e;
      }
      expect(caught).toBeInstanceOf(MeasureError);
      expect((caught as MeasureError).code).toBe('E_MEASURE_INPUT');
      expect((caught as MeasureError).measure).toBeTypeOf('string');
    }
  });
});

describe('coordinationOf: the formulas without the checks (hand calculations)', () => {
  it('standard, U = 0.25, 1, equal weights', () => {
    // C = 2·√(0.25·1) / (0.25 + 1) = 1 / 1.25 = 0.8; T = 0.5·0.25 + 0.5·1 = 0.625; D = √(0.8·0.625) = √0.5
    const r = coordinationOf([0.25, 1], [0.5, 0.5], 'standard');
    expect(r.C).toBeCloseTo(0.8, 12);
    expect(r.T).toBe(0.625);
    expect(r.D).toBeCloseTo(Math.SQRT1_2, 12);
  });

  it('modified, U = 0.25, 1, weights 0.7, 0.3', () => {
    // C = √((1 − |0.25 − 1|) · (0.25/1 · 1/1)^(1/1)) = √(0.25 · 0.25) = 0.25; T = 0.175 + 0.3 = 0.475; D = √(0.25·0.475)
    const r = coordinationOf([0.25, 1], [0.7, 0.3], 'modified');
    expect(r.C).toBeCloseTo(0.25, 12);
    expect(r.T).toBeCloseTo(0.475, 12);
    expect(r.D).toBeCloseTo(Math.sqrt(0.25 * 0.475), 12);
  });

  it('gives what couplingCoordination gives, bit for bit, on valid inputs (same arithmetic)', () => {
    for (const u of [
      [0.36, 0.64],
      [0, 0.5],
      [0.5, 0.5],
      [NaN, 0.2],
      [0.1, 0.2, 0.9],
    ])
      for (const variant of ['standard', 'modified'] as const) {
        const weights = u.map(() => 1 / u.length);
        expect(coordinationOf(u, weights, variant)).toEqual(couplingCoordination(u, { weights, variant }));
      }
  });
});
