import { describe, expect, it } from 'vitest';
import { gini } from '../../../src/measures/inequality/index.js';
import { expectMeasureError } from '../../helpers/expect-measure-error.js';

describe('gini', () => {
  it('population form on a small series', () => {
    // sorted 1,2,3,4: Σ(2i−n−1)x = −3·1 − 1·2 + 1·3 + 3·4 = 10; nΣx = 4·10 = 40 → 0.25
    expect(gini([4, 1, 3, 2])).toBeCloseTo(0.25, 15);
  });

  it('is 0 for a single region and for ties', () => {
    // n = 1: (2·1 − 1 − 1)·x = 0
    expect(gini([7])).toBe(0);
    // all equal: Σ(2i−n−1) = 0
    expect(gini([2, 2, 2])).toBe(0);
  });

  it('all organizations in one region: (n−1)/n, or 1 when corrected', () => {
    // 0,0,0,12: Σ(2i−5)x = 3·12 = 36; 4·12 = 48 → 0.75; corrected ×4/3 → 1
    expect(gini([0, 12, 0, 0])).toBeCloseTo(0.75, 15);
    expect(gini([0, 12, 0, 0], { corrected: true })).toBeCloseTo(1, 15);
  });

  it('weighted: frequency weights act as repeated values', () => {
    // weights 2,1 on 1,3 = the series 1,1,3: Σ(2i−4)x = −2·1 + 0·1 + 2·3 = 4; 3·5 = 15 → 4/15
    expect(gini([1, 3], { weights: [2, 1] })).toBeCloseTo(4 / 15, 15);
    // unit weights give the unweighted value 0.25 (first test)
    expect(gini([1, 2, 3, 4], { weights: [1, 1, 1, 1] })).toBeCloseTo(0.25, 15);
    // Σᵢⱼ wᵢwⱼ|xᵢ−xⱼ| = 2·3·1·2 = 12; 2W²μ = 2·16·1.5 = 48 → 0.25
    expect(gini([1, 3], { weights: [3, 1] })).toBeCloseTo(0.25, 15);
  });

  it('weighted densities give the concentration Gini of counts against population', () => {
    // counts 1,3 with population 3,1: densities 1/3, 3; Lorenz (0,0),(0.75,0.25),(1,1);
    // G = 1 − Σ Δx(y₋+y) = 1 − (0.75·0.25 + 0.25·1.25) = 1 − 0.5 = 0.5
    expect(gini([1 / 3, 3], { weights: [3, 1] })).toBeCloseTo(0.5, 15);
  });

  it('rejects bad input', () => {
    expectMeasureError(() => gini([]), 'gini: values must be a non-empty array');
    expectMeasureError(() => gini([1, 2, -3]), 'values must be non-negative, got -3 at index 2');
    expectMeasureError(() => gini([1, Number.NaN]), 'at index 1');
    expectMeasureError(() => gini([0, 0]), 'must not all be 0');
    expectMeasureError(() => gini([5], { corrected: true }), 'at least 2 values');
    expectMeasureError(() => gini([1, 2], { corrected: true, weights: [1, 1] }), 'not defined for weighted data');
    expectMeasureError(() => gini([1, 2], { weights: [1] }), 'weights must have 2 entries');
    expectMeasureError(() => gini([1, 2], { weights: [0, 0] }), 'weights must not all be 0');
  });
});
