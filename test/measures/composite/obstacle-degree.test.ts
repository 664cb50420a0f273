import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MeasureError } from '../../../src/measures/measure-error.js';
import { obstacleDegree } from '../../../src/measures/composite/obstacle-degree.js';

const REF = new URL('../../fixtures/reference/', import.meta.url);
const load = (file: string): unknown => JSON.parse(readFileSync(new URL(file, REF), 'utf8'));
/** |actual - expected| within half a unit of the third significant digit of expected */
function expectSignificant(actual: number, expected: number, digits: number, source: string): void {
  const unit = expected === 0 ? 10 ** -digits : 10 ** (Math.floor(Math.log10(Math.abs(expected))) - digits + 1);
  expect(Math.abs(actual - expected), `${source}: got ${actual}, expected ${expected}`).toBeLessThanOrEqual(
    0.5 * unit + 1e-12,
  );
}

const ref = load('coupling_obstacle_mathmodels.json') as {
  source: { repo: string; commit: string; path: string };
  input: [string, number, number, number][];
  obstacle_equal_weights: { values: number[][]; significant_digits: number };
  'obstacle_weights_0.4_0.3_0.3': { values: number[][]; significant_digits: number };
};
const SRC = `${ref.source.repo}@${ref.source.commit.slice(0, 7)} ${ref.source.path}`;
const scores = ref.input.map((r) => r.slice(1) as number[]);

describe('obstacleDegree: mathmodels obstacle_degree (coupling_obstacle_mathmodels.json)', () => {
  it('obstacle_equal_weights, unscaled (w = 1/3 each)', () => {
    const o = obstacleDegree(scores, [1 / 3, 1 / 3, 1 / 3], { scaled: false });
    const exp = ref.obstacle_equal_weights;
    exp.values.forEach((row, i) =>
      row.forEach((e, j) => expectSignificant(o[i][j], e, exp.significant_digits, `${SRC} unit ${ref.input[i][0]}`)),
    );
  });

  it('obstacle_weights_0.4_0.3_0.3, unscaled', () => {
    const o = obstacleDegree(scores, [0.4, 0.3, 0.3], { scaled: false });
    const exp = ref['obstacle_weights_0.4_0.3_0.3'];
    exp.values.forEach((row, i) =>
      row.forEach((e, j) => expectSignificant(o[i][j], e, exp.significant_digits, `${SRC} unit ${ref.input[i][0]}`)),
    );
  });

  it('scaled rows are the unscaled rows divided by their sum (mathmodels scaled = TRUE)', () => {
    const raw = obstacleDegree(scores, [0.4, 0.3, 0.3], { scaled: false });
    const scaled = obstacleDegree(scores, [0.4, 0.3, 0.3]);
    scaled.forEach((row, i) => {
      const total = raw[i].reduce((a, b) => a + b, 0);
      row.forEach((o, j) => expect(o).toBeCloseTo(raw[i][j] / total, 15));
      expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 15);
    });
  });
});

describe('obstacleDegree: edge cases (hand calculations)', () => {
  it('percentage obstacle degree and a unit at the ideal', () => {
    // unit 0: w(1-x) = 0.5*0.5, 0.25*0, 0.25*1 = 0.25, 0, 0.25 -> / 0.5 = 0.5, 0, 0.5
    // unit 1: all x = 1 -> all deviations 0 -> all zeros, not NaN
    expect(
      obstacleDegree(
        [
          [0.5, 1, 0],
          [1, 1, 1],
        ],
        [0.5, 0.25, 0.25],
      ),
    ).toEqual([
      [0.5, 0, 0.5],
      [0, 0, 0],
    ]);
  });

  it('a missing value gives NaN in its cell and is left out of the row sum', () => {
    // 0.5*(1-0.5) = 0.25, NaN, 0.25*(1-0) = 0.25 -> sum 0.5 -> 0.5, NaN, 0.5
    const o = obstacleDegree([[0.5, NaN, 0]], [0.5, 0.25, 0.25]);
    expect(o[0][0]).toBe(0.5);
    expect(o[0][1]).toBeNaN();
    expect(o[0][2]).toBe(0.5);
  });

  it('rejects values outside [0, 1]', () => {
    expect(() => obstacleDegree([[1.2]], [1])).toThrow(MeasureError);
    expect(() => obstacleDegree([[-0.1]], [1])).toThrow(MeasureError);
  });
});
