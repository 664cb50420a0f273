import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { laggingObstacles } from '../../../src/analyses/tension/lagging-obstacles.js';
import { referencePath } from '../../helpers/reference-path.js';

const ref = JSON.parse(readFileSync(referencePath('coupling_obstacle_mathmodels.json'), 'utf8')) as {
  source: { repo: string; commit: string };
  input: [string, number, number, number][];
  obstacle_equal_weights: { values: number[][]; significant_digits: number };
  'obstacle_weights_0.4_0.3_0.3': { values: number[][]; significant_digits: number };
};
const SRC = `${ref.source.repo}@${ref.source.commit.slice(0, 7)} R/eval_system.R obstacle_degree`;

/** Half a unit in the last significant digit of a published number (its rounding bound). */
const halfUlp = (v: number, digits: number): number =>
  v === 0 ? 0 : 0.5 * 10 ** (Math.floor(Math.log10(Math.abs(v))) - (digits - 1));

describe('laggingObstacles against mathmodels obstacle_degree (coupling_obstacle_mathmodels.json)', () => {
  // mathmodels publishes the unscaled O_ij = w_j(1 − X_ij); soqa's obstacle degree is the same
  // divided by the unit's row sum. Expected = published value / published row sum, with a
  // tolerance propagated from the 3-significant-digit rounding of the published values:
  // |Δ(a/S)| ≤ (e_a + (a/S)·Σe) / (S − Σe).
  const matrix = ref.input.map(([, ...x]) => x);
  const ids = ['s1', 's2', 's3'];
  const cases: [string, number[], { values: number[][]; significant_digits: number }][] = [
    ['equal weights', [1 / 3, 1 / 3, 1 / 3], ref.obstacle_equal_weights],
    ['weights 0.4/0.3/0.3', [0.4, 0.3, 0.3], ref['obstacle_weights_0.4_0.3_0.3']],
  ];
  for (const [name, weights, pub] of cases) {
    it(`${name}: every unit's degrees equal the published values scaled by their row sum`, () => {
      const got = laggingObstacles(
        matrix,
        weights,
        ids,
        matrix.map(() => true),
      );
      pub.values.forEach((row, i) => {
        const S = row.reduce((a, b) => a + b, 0);
        const errs = row.map((v) => halfUlp(v, pub.significant_digits));
        const sumErr = errs.reduce((a, b) => a + b, 0);
        const byId = new Map(got[i].map((o) => [o.indicator, o.degree]));
        row.forEach((v, j) => {
          const expected = v / S;
          const tol = (errs[j] + expected * sumErr) / (S - sumErr);
          const actual = byId.get(ids[j]) ?? 0;
          expect(
            Math.abs(actual - expected),
            `${SRC} ${name}, unit ${ref.input[i][0]}, ${ids[j]}: got ${actual}, expected ${expected} ± ${tol}`,
          ).toBeLessThanOrEqual(tol);
        });
        expect(got[i].reduce((s, o) => s + o.degree, 0)).toBeCloseTo(1, 12);
      });
    });
  }
});

describe('laggingObstacles: hand cases', () => {
  it('x′ = (0.5, 1, 0), w = (0.5, 0.25, 0.25): raw 0.25, 0, 0.25 → 0.5 and 0.5; the indicator at its best is left out; ties keep subsystem order', () => {
    expect(laggingObstacles([[0.5, 1, 0]], [0.5, 0.25, 0.25], ['a', 'b', 'c'], [true])).toEqual([
      [
        { indicator: 'a', degree: 0.5 },
        { indicator: 'c', degree: 0.5 },
      ],
    ]);
  });

  it('units where the subsystem does not lag, and units at the ideal, get no obstacles', () => {
    expect(
      laggingObstacles(
        [
          [0.2, 0.4],
          [1, 1],
        ],
        [0.5, 0.5],
        ['a', 'b'],
        [false, true],
      ),
    ).toEqual([[], []]);
  });

  it("a missing value is left out of the unit's sum: x′ = (NaN, 0.5), w = (0.5, 0.5) → b carries the whole obstacle", () => {
    expect(laggingObstacles([[NaN, 0.5]], [0.5, 0.5], ['a', 'b'], [true])).toEqual([[{ indicator: 'b', degree: 1 }]]);
  });

  it('all weights 0 (every indicator constant): no obstacles, no error', () => {
    expect(laggingObstacles([[0, 0]], [0, 0], ['a', 'b'], [true])).toEqual([[]]);
  });
});
