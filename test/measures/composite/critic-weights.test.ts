import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MeasureError } from '../../../src/measures/measure-error.js';
import { criticWeights } from '../../../src/measures/composite/critic-weights.js';
import { minMaxNormalize } from '../../../src/measures/composite/min-max-normalize.js';
import type { Direction } from '../../../src/measures/composite/types.js';
import { weightedSum } from '../../../src/measures/composite/weighted-sum.js';

const REF = new URL('../../fixtures/reference/', import.meta.url);
const load = (file: string): unknown => JSON.parse(readFileSync(new URL(file, REF), 'utf8'));
const printed = (x: number): number => (String(x).split('.')[1] ?? '').length;
function expectDecimals(actual: number, expected: number, decimals: number, source: string): void {
  expect(Math.abs(actual - expected), `${source}: got ${actual}, expected ${expected}`).toBeLessThanOrEqual(
    0.5 * 10 ** -decimals + 1e-12,
  );
}

interface Source {
  repo: string;
  commit: string;
  path: string;
  test?: string;
}
interface CriticCases {
  cases: [
    { id: string; source: Source; matrix: number[][]; expected_weights: number[]; decimals: number },
    {
      id: string;
      source: Source;
      matrix: number[][];
      index: string[];
      expected_weights_std: number[];
      expected_scores_std: number[];
      expected_weights_entropy_variant: number[];
      expected_scores_entropy_variant: number[];
    },
  ];
}
const { cases } = load('critic_cases.json') as CriticCases;
const cite = (s: Source): string => `${s.repo}@${s.commit.slice(0, 7)} ${s.path}${s.test ? ` ${s.test}` : ''}`;

describe('criticWeights: published cases (critic_cases.json)', () => {
  it('tus_adali2019 (pyrepo-mcda Test_CRITIC / pymcdm TestCRITICWeights): every column min-max normalised as a benefit', () => {
    const c = cases[0];
    // the source test declares a cost column but never passes it: all directions are 1
    const x = minMaxNormalize(
      c.matrix,
      c.matrix[0].map((): Direction => 1),
    ).matrix;
    const w = criticWeights(x).weights;
    c.expected_weights.forEach((e, j) => expectDecimals(w[j], e, c.decimals, cite(c.source)));
  });

  it('mathmodels_critic_example: min-max (no epsilon) then CRITIC with sample sd', () => {
    const c = cases[1];
    const x = minMaxNormalize(
      c.matrix,
      c.index.map((s): Direction => (s === '+' ? 1 : -1)),
    ).matrix;
    const w = criticWeights(x).weights;
    c.expected_weights_std.forEach((e, j) => expectDecimals(w[j], e, printed(e), cite(c.source)));
    const scores = weightedSum(x, w).map((s) => s * 100);
    c.expected_scores_std.forEach((e, i) => expectDecimals(scores[i], e, printed(e), cite(c.source)));
  });

  it('mathmodels_critic_example, entropy variant: sd replaced by 1 - e_j with 0 -> 0.002, 1 -> 0.998', () => {
    const c = cases[1];
    const x = minMaxNormalize(
      c.matrix,
      c.index.map((s): Direction => (s === '+' ? 1 : -1)),
    ).matrix;
    const w = criticWeights(x, { dispersion: 'entropy' }).weights;
    c.expected_weights_entropy_variant.forEach((e, j) => expectDecimals(w[j], e, printed(e), cite(c.source)));
    // mathmodels scores this variant on the clamped matrix (exact 0 -> 0.002, 1 -> 0.998),
    // which is minMaxNormalize with direction 0 and epsilon 0.002
    const clamped = minMaxNormalize(x, [0, 0], { epsilon: 0.002 }).matrix;
    const scores = weightedSum(clamped, w).map((s) => s * 100);
    c.expected_scores_entropy_variant.forEach((e, i) => expectDecimals(scores[i], e, printed(e), cite(c.source)));
  });
});

describe('criticWeights: edge cases (hand calculations)', () => {
  it('two symmetric columns and a constant column', () => {
    // a = 0, .5, 1; b = 0, 1, .5; c = .3, .3, .3
    // sd(a) = sd(b) = sqrt((.25 + 0 + .25)/2) = 0.5; sd(c) = 0
    // r(a,b): deviations a -.5, 0, .5; b -.5, .5, 0 -> .25 / sqrt(.5 * .5) = 0.5
    // r with the constant column is taken as 0
    // C_a = 0.5 * ((1 - .5) + (1 - 0)) = 0.75 = C_b; C_c = 0 -> w = [.5, .5, 0]
    const r = criticWeights([
      [0, 0, 0.3],
      [0.5, 1, 0.3],
      [1, 0.5, 0.3],
    ]);
    expect(r.dispersion[0]).toBeCloseTo(0.5, 15);
    expect(r.conflict[0]).toBeCloseTo(1.5, 15);
    expect(r.weights[0]).toBeCloseTo(0.5, 15);
    expect(r.weights[1]).toBeCloseTo(0.5, 15);
    expect(r.weights[2]).toBe(0);
  });

  it('single unit and all-constant matrix fall back to equal weights, never NaN', () => {
    expect(criticWeights([[0.2, 0.8]]).weights).toEqual([0.5, 0.5]);
    expect(
      criticWeights([
        [1, 0],
        [1, 0],
      ]).weights,
    ).toEqual([0.5, 0.5]);
  });

  it('missing values are rejected', () => {
    expect(() =>
      criticWeights([
        [0.1, NaN],
        [0.2, 0.3],
      ]),
    ).toThrow(MeasureError);
  });
});
