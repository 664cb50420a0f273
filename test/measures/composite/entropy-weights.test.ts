import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MeasureError } from '../../../src/measures/measure-error.js';
import { centredTransform } from '../../../src/measures/composite/centred-transform.js';
import { entropyWeights } from '../../../src/measures/composite/entropy-weights.js';
import { intervalTransform } from '../../../src/measures/composite/interval-transform.js';
import { minMaxNormalize } from '../../../src/measures/composite/min-max-normalize.js';
import type { Direction } from '../../../src/measures/composite/types.js';
import { weightedSum } from '../../../src/measures/composite/weighted-sum.js';

const REF = new URL('../../fixtures/reference/', import.meta.url);
const readRef = (file: string): string => readFileSync(new URL(file, REF), 'utf8');
const load = (file: string): unknown => JSON.parse(readRef(file));
/** decimals printed in a published number (R prints 7 significant digits, dropping trailing zeros) */
const printed = (x: number): number => (String(x).split('.')[1] ?? '').length;
/** |actual - expected| within half a unit of the expected value's last decimal */
function expectDecimals(actual: number, expected: number, decimals: number, source: string): void {
  expect(Math.abs(actual - expected), `${source}: got ${actual}, expected ${expected}`).toBeLessThanOrEqual(
    0.5 * 10 ** -decimals + 1e-12,
  );
}
const dir = (s: string): Direction => (s === '+' ? 1 : -1);

interface RawCase {
  id: string;
  source: { repo: string; commit: string; path: string; test: string; paper: string };
  matrix: number[][];
  expected_weights: number[];
  decimals: number;
}

describe('entropyWeights: published raw-sum cases (entropy_raw_sum_cases.json)', () => {
  const { cases } = load('entropy_raw_sum_cases.json') as { cases: RawCase[] };
  it('has all five cases', () =>
    expect(cases.map((c) => c.id)).toEqual(['xu2004', 'zavadskas2016', 'ersoy2021', 'lee2018', 'elsayed2017']));
  for (const c of cases) {
    it(`${c.id} (${c.source.repo} ${c.source.test}; ${c.source.paper})`, () => {
      const src = `${c.source.repo}@${c.source.commit.slice(0, 7)} ${c.source.path} ${c.source.test}`;
      const r = entropyWeights(c.matrix);
      c.expected_weights.forEach((w, j) => expectDecimals(r.weights[j], w, c.decimals, src));
      expect(r.weights.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    });
  }
});

describe('entropyWeights: Chinese-paper epsilon variant', () => {
  it('mathmodels entropy_weight example (entropy_cn_epsilon_example.json)', () => {
    const c = load('entropy_cn_epsilon_example.json') as {
      source: { repo: string; commit: string; path: string };
      matrix: number[][];
      index: string[];
      expected_weights: number[];
      expected_scores: number[];
    };
    const src = `${c.source.repo}@${c.source.commit.slice(0, 7)} ${c.source.path}`;
    const x = minMaxNormalize(c.matrix, c.index.map(dir), { epsilon: 0.002 }).matrix;
    const r = entropyWeights(x, { alreadyNormalized: true });
    c.expected_weights.forEach((w, j) => expectDecimals(r.weights[j], w, printed(w), src));
    // score = 100 * Xrescaled %*% w
    const scores = weightedSum(x, r.weights).map((s) => s * 100);
    c.expected_scores.forEach((s, i) => expectDecimals(scores[i], s, printed(s), src));
  });

  it('mathmodels water_quality chain: centred PH, interval nutrient, eps = 0.002 (water_quality_entropy_topsis_expected.json)', () => {
    const e = load('water_quality_entropy_topsis_expected.json') as {
      source: { repo: string; commit: string; path: string };
      expected_entropy_weights: Record<'O2' | 'PH' | 'germ' | 'nutrient', number>;
    };
    const src = `${e.source.repo}@${e.source.commit.slice(0, 7)} ${e.source.path}`;
    const [header, ...lines] = readRef('water_quality.csv').trim().split(/\r?\n/);
    expect(header).toBe('ID,O2,PH,germ,nutrient');
    const rows = lines.map((l) => l.split(',').map(Number));
    const o2 = rows.map((r) => r[1]);
    const ph = centredTransform(
      rows.map((r) => r[2]),
      { optimum: 7 },
    );
    const germ = rows.map((r) => r[3]);
    const nutrient = intervalTransform(
      rows.map((r) => r[4]),
      { lower: 10, upper: 20 },
    );
    const m = rows.map((_, i) => [o2[i], ph[i], germ[i], nutrient[i]]);
    // index = c('+', NA, '-', NA): NA = already normalised -> direction 0
    const x = minMaxNormalize(m, [1, 0, -1, 0], { epsilon: 0.002 }).matrix;
    const w = entropyWeights(x, { alreadyNormalized: true }).weights;
    const expected = e.expected_entropy_weights;
    [expected.O2, expected.PH, expected.germ, expected.nutrient].forEach((ew, j) =>
      expectDecimals(w[j], ew, printed(ew), src),
    );
  });
});

describe('entropyWeights: edge cases (hand calculations)', () => {
  it('two units, one informative column and one constant column', () => {
    // col 0: p = [1, 0] -> e = -(1 ln 1 + 0)/ln 2 = 0, d = 1
    // col 1: constant -> e = 1, d = 0 by rule -> w = [1/1, 0]
    expect(
      entropyWeights([
        [1, 0.5],
        [0, 0.5],
      ]),
    ).toEqual({ weights: [1, 0], entropy: [0, 1], divergence: [1, 0], zeroColumns: [1] });
  });

  it('entropy of p = (1/4, 3/4)', () => {
    // col 0: 1, 3 -> p = 0.25, 0.75; e = (0.25 ln 4 + 0.75 ln(4/3)) / ln 2
    //   = (0.3465736 + 0.2157616) / 0.6931472 = 0.8112781
    // col 1: 1, 1 -> constant -> w = [1, 0]
    const r = entropyWeights([
      [1, 1],
      [3, 1],
    ]);
    expect(r.entropy[0]).toBeCloseTo(0.8112781, 7);
    expect(r.weights).toEqual([1, 0]);
  });

  it('all-zero column gets weight 0 and is listed, never NaN', () => {
    // col 0: 0, 0, 0 -> sum 0, p undefined -> e = 1, d = 0 by rule
    const r = entropyWeights([
      [0, 1],
      [0, 2],
      [0, 3],
    ]);
    expect(r.weights).toEqual([0, 1]);
    expect(r.zeroColumns).toEqual([0]);
  });

  it('single unit: every column lacks information -> equal weights', () => {
    // n = 1: ln 1 = 0, e cannot be formed -> d = 0 for all -> 1/m each
    const r = entropyWeights([[0.3, 0.7, 0.1]]);
    expect(r.weights).toEqual([1 / 3, 1 / 3, 1 / 3]);
    expect(r.zeroColumns).toEqual([0, 1, 2]);
  });

  it('every column constant -> equal weights', () => {
    expect(
      entropyWeights([
        [2, 5],
        [2, 5],
      ]).weights,
    ).toEqual([0.5, 0.5]);
  });

  it('shift is added before p', () => {
    // 0, 1 + 0.5 shift -> 0.5, 1.5 -> p = 0.25, 0.75 -> e = 0.8112781 (as above)
    expect(
      entropyWeights(
        [
          [0, 1],
          [1, 2],
        ],
        { shift: 0.5 },
      ).entropy[0],
    ).toBeCloseTo(0.8112781, 7);
  });

  it('missing values are left out of their column (n_j = available units)', () => {
    // col 0: 1, NaN, 3 -> as p = (1/4, 3/4) with n = 2 -> e = 0.8112781
    const r = entropyWeights([
      [1, 0],
      [NaN, 1],
      [3, 1],
    ]);
    expect(r.entropy[0]).toBeCloseTo(0.8112781, 7);
    // col 1: 0, 1, 1 -> p = 0, 1/2, 1/2 -> e = ln 2 / ln 3 = 0.6309298
    expect(r.entropy[1]).toBeCloseTo(0.6309298, 7);
  });

  it('rejects negative values, values above 1 when alreadyNormalized, and a bad shift', () => {
    for (const fn of [
      () => entropyWeights([[-1], [1]]),
      () => entropyWeights([[2], [1]], { alreadyNormalized: true }),
      () => entropyWeights([[1], [1]], { shift: -1 }),
      () => entropyWeights([]),
    ]) {
      expect(fn).toThrow(MeasureError);
      try {
        fn();
      } catch (err) {
        expect((err as MeasureError).code).toBe('E_MEASURE_INPUT');
        expect((err as MeasureError).measure).toBeTypeOf('string');
      }
    }
  });
});
