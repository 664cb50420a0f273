import { describe, expect, it } from 'vitest';
import { gini, rosenbluth } from '../../../src/measures/inequality/index.js';
import { expectMeasureError } from '../../helpers/expect-measure-error.js';

describe('rosenbluth', () => {
  it('1/(2Σ rank·share − 1), ranks from the largest', () => {
    // shares .75 (rank 1), .25 (rank 2): 2(.75 + .5) − 1 = 1.5 → 2/3
    expect(rosenbluth([1, 3])).toBeCloseTo(2 / 3, 15);
  });

  it('equal units give 1/n; one unit holding everything gives 1', () => {
    // 4 × .25: Σ rank·share = .25·(1+2+3+4) = 2.5; 2·2.5 − 1 = 4 → .25
    expect(rosenbluth([2, 2, 2, 2])).toBeCloseTo(0.25, 15);
    // shares 1,0,0: 2·1 − 1 = 1 → 1
    expect(rosenbluth([0, 7, 0])).toBe(1);
  });

  it('equals 1/(n(1 − G)) with the population-form Gini', () => {
    // identity of the Hall–Tideman index; values from ineq's example vector
    const x = [541, 1463, 2445, 3438, 4437, 5401, 6392, 8304, 11904, 22261];
    expect(rosenbluth(x)).toBeCloseTo(1 / (x.length * (1 - gini(x))), 14);
  });

  it('rejects bad input', () => {
    expectMeasureError(() => rosenbluth([0, 0]), 'rosenbluth: values must not all be 0');
  });
});
