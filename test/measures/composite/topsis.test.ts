import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MeasureError } from '../../../src/measures/measure-error.js';
import { centredTransform } from '../../../src/measures/composite/centred-transform.js';
import { entropyWeights } from '../../../src/measures/composite/entropy-weights.js';
import { intervalTransform } from '../../../src/measures/composite/interval-transform.js';
import { minMaxNormalize } from '../../../src/measures/composite/min-max-normalize.js';
import { topsis } from '../../../src/measures/composite/topsis.js';
import type { Direction } from '../../../src/measures/composite/types.js';

const REF = new URL('../../fixtures/reference/', import.meta.url);
const readRef = (file: string): string => readFileSync(new URL(file, REF), 'utf8');
const load = (file: string): unknown => JSON.parse(readRef(file));
const printed = (x: number): number => (String(x).split('.')[1] ?? '').length;
function expectDecimals(actual: number, expected: number, decimals: number, source: string): void {
  expect(Math.abs(actual - expected), `${source}: got ${actual}, expected ${expected}`).toBeLessThanOrEqual(
    0.5 * 10 ** -decimals + 1e-12,
  );
}

interface TopsisCase {
  id: string;
  source: { repo: string; commit?: string; path?: string; test?: string; url?: string; function?: string };
  matrix: number[][];
  weights: number[];
  types: (number | string)[];
  normalization: string;
  expected_closeness: number[];
  compare_decimals: number;
}
const { cases } = load('topsis_cases.json') as { cases: TopsisCase[] };

describe('topsis: published cases (topsis_cases.json)', () => {
  for (const c of cases) {
    it(`${c.id} (${c.source.repo})`, () => {
      const src =
        c.source.url ??
        `${c.source.repo}@${c.source.commit?.slice(0, 7)} ${c.source.path} ${c.source.test ?? c.source.function ?? ''}`;
      const directions = c.types.map((t): Direction => (t === 1 || t === '+' ? 1 : -1));
      const normalization =
        c.normalization.startsWith('vector') || c.normalization.startsWith('L2') ? 'vector' : 'minmax';
      const r = topsis(c.matrix, c.weights, directions, { normalization });
      // ersoy2021_topsis: the paper rounded its inputs, so only 2 decimals are comparable
      c.expected_closeness.forEach((e, i) => expectDecimals(r.closeness[i], e, c.compare_decimals, src));
    });
  }

  it('the ids and normalisations are the expected ones', () => {
    expect(cases.map((c) => c.id)).toEqual([
      'ersoy2021_topsis',
      'opricovic_tzeng2004_minmax',
      'pymcdm_readme_minmax',
      'mathmodels_topsis_example',
    ]);
  });

  it('opricovic_tzeng2004 with vector normalisation gives the other ranking noted in the case', () => {
    const c = cases[1];
    // note of the case: "with vector normalization the same data give 0.7621,0.7222,0.2379"
    const r = topsis(c.matrix, c.weights, [-1, 1], { normalization: 'vector' });
    [0.7621, 0.7222, 0.2379].forEach((e, i) =>
      expectDecimals(r.closeness[i], e, 4, `${c.source.repo} topsis_cases.json note`),
    );
  });
});

describe('topsis: mathmodels water_quality entropy-TOPSIS chain (water_quality_entropy_topsis_expected.json)', () => {
  it('closeness of the 20 rivers', () => {
    const e = load('water_quality_entropy_topsis_expected.json') as {
      source: { repo: string; commit: string; path: string };
      expected_topsis_closeness: number[];
    };
    const src = `${e.source.repo}@${e.source.commit.slice(0, 7)} ${e.source.path}`;
    const rows = readRef('water_quality.csv')
      .trim()
      .split(/\r?\n/)
      .slice(1)
      .map((l) => l.split(',').map(Number));
    const ph = centredTransform(
      rows.map((r) => r[2]),
      { optimum: 7 },
    );
    const nutrient = intervalTransform(
      rows.map((r) => r[4]),
      { lower: 10, upper: 20 },
    );
    const m = rows.map((r, i) => [r[1], ph[i], r[3], nutrient[i]]);
    const w = entropyWeights(minMaxNormalize(m, [1, 0, -1, 0], { epsilon: 0.002 }).matrix).weights;
    // topsis(df, w, index = c('+','+','-','+')) on the transformed, not epsilon-rescaled, table
    const r = topsis(m, w, [1, 1, -1, 1], { normalization: 'vector' });
    expect(r.closeness).toHaveLength(20);
    e.expected_topsis_closeness.forEach((x, i) => expectDecimals(r.closeness[i], x, printed(x), src));
  });
});

describe('topsis: edge cases (hand calculations)', () => {
  it('one benefit column, two units', () => {
    // vector: 1/sqrt10, 3/sqrt10; ideal 3/sqrt10, anti 1/sqrt10
    // unit 0: D+ = 2/sqrt10, D- = 0 -> C = 0; unit 1: D+ = 0, D- = 2/sqrt10 -> C = 1
    const r = topsis([[1], [3]], [1], [1]);
    expect(r.closeness).toEqual([0, 1]);
    expect(r.dPlus[0]).toBeCloseTo(2 / Math.sqrt(10), 15);
    // as a cost column the order flips
    expect(topsis([[1], [3]], [1], [-1]).closeness).toEqual([1, 0]);
  });

  it('identical units and a single unit give closeness 0.5, never NaN', () => {
    // D+ = D- = 0 -> defined as 0.5
    expect(
      topsis(
        [
          [2, 3],
          [2, 3],
        ],
        [0.5, 0.5],
        [1, -1],
      ).closeness,
    ).toEqual([0.5, 0.5]);
    expect(topsis([[2, 3]], [0.5, 0.5], [1, 1], { normalization: 'minmax' }).closeness).toEqual([0.5]);
  });

  it('a constant column contributes nothing under min-max', () => {
    // col 1 constant -> 0 for all; col 0 decides: C = [0, 1]
    expect(
      topsis(
        [
          [1, 5],
          [2, 5],
        ],
        [0.5, 0.5],
        [1, 1],
        { normalization: 'minmax' },
      ).closeness,
    ).toEqual([0, 1]);
  });

  it('rejects missing values and an unknown normalisation', () => {
    expect(() => topsis([[1], [NaN]], [1], [1])).toThrow(MeasureError);
    expect(() => topsis([[1]], [1], [1], { normalization: 'max' as 'vector' })).toThrow(MeasureError);
  });
});
