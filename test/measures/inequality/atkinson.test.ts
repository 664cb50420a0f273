import { describe, expect, it } from 'vitest';
import { atkinson } from '../../../src/measures/inequality/index.js';
import { expectMeasureError } from '../../helpers/expect-measure-error.js';

describe('atkinson', () => {
  it('ε = 0.5 (default), 1 and 2 on [1, 4]', () => {
    // μ = 2.5; ε = .5: mean(√(x/μ))² = ((√.4 + √1.6)/2)² = (1.5√.4)² = .9 → .1
    expect(atkinson([1, 4])).toBeCloseTo(0.1, 15);
    // ε = 1: 1 − geomean/μ = 1 − 2/2.5 = .2
    expect(atkinson([1, 4], 1)).toBeCloseTo(0.2, 15);
    // ε = 2: 1 − harmonic mean/μ = 1 − 1.6/2.5 = .36
    expect(atkinson([1, 4], 2)).toBeCloseTo(0.36, 15);
  });

  it('ε = 0 and equal values give 0', () => {
    expect(atkinson([1, 4], 0)).toBeCloseTo(0, 15);
    expect(atkinson([3, 3, 3], 1.5)).toBeCloseTo(0, 15);
  });

  it('a zero value with ε ≥ 1 gives 1', () => {
    // geomean of (0, 4) is 0
    expect(atkinson([0, 4], 1)).toBe(1);
    expect(atkinson([0, 4], 2)).toBe(1);
  });

  it('rejects a bad ε', () => {
    expectMeasureError(() => atkinson([1, 2], -1), 'atkinson: epsilon must be a finite number ≥ 0, got -1');
  });
});
