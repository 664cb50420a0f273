import { describe, expect, it } from 'vitest';
import { rankUncertainty } from '../../../src/measures/composite/rank-uncertainty.js';
import { weightPerturbation } from '../../../src/measures/composite/weight-perturbation.js';
import { weightedSum } from '../../../src/measures/composite/weighted-sum.js';
import { seededRandom } from '../../../src/measures/random/seeded-random.js';

describe('rankUncertainty', () => {
  it('median and type-7 percentiles of the ranks (hand calculation)', () => {
    // ranks per run (descending): [1,2,3], [2,1,3], [1,2,3]
    // unit 0 ranks sorted 1, 1, 2: median 1; p05 at h = 2*0.05 = 0.1 -> 1; p95 at h = 1.9 -> 1 + 0.9 = 1.9
    // unit 1 ranks sorted 1, 2, 2: median 2; p05 -> 1 + 0.1 = 1.1; p95 -> 2
    const r = rankUncertainty([
      [0.9, 0.5, 0.1],
      [0.4, 0.6, 0.2],
      [0.8, 0.7, 0.3],
    ]);
    expect(r.median).toEqual([1, 2, 3]);
    expect(r.p05[0]).toBe(1);
    expect(r.p05[1]).toBeCloseTo(1.1, 12);
    expect(r.p95[0]).toBeCloseTo(1.9, 12);
    expect(r.p95[1]).toBe(2);
    expect(r.p95[2]).toBe(3);
  });

  it('a missing score leaves the unit out of that run', () => {
    // unit 1 is ranked only in run 2 (rank 1)
    const r = rankUncertainty([
      [0.5, NaN],
      [0.1, 0.9],
    ]);
    expect(r.median).toEqual([1.5, 1]);
    const none = rankUncertainty([[0.5, NaN]]);
    expect(none.median[1]).toBeNaN();
  });

  it('seeded Monte Carlo over perturbed weights is reproducible', () => {
    const x = [
      [0.9, 0.1],
      [0.5, 0.5],
      [0.2, 0.95],
    ];
    const run = (seed: number) => {
      const rand = seededRandom(seed);
      const runs = Array.from({ length: 200 }, () =>
        weightedSum(x, weightPerturbation([0.5, 0.5], { rand, spread: 0.5 })),
      );
      return rankUncertainty(runs);
    };
    const a = run(1);
    expect(run(1)).toEqual(a);
    // every unit's 5th percentile rank is at most its median, which is at most its 95th
    a.median.forEach((m, u) => {
      expect(a.p05[u]).toBeLessThanOrEqual(m);
      expect(m).toBeLessThanOrEqual(a.p95[u]);
    });
  });
});
