import { describe, expect, it } from 'vitest';
import { growthRates } from '../../../src/measures/trend/index.js';
import { expectMeasureError } from '../../helpers/expect-measure-error.js';

describe('growthRates', () => {
  it('year-on-year rates aligned with the input', () => {
    // 120/100 − 1, then missing around the gap, 0/90 − 1 = −1, growth from 0 undefined
    const r = growthRates([100, 120, null, 90, 0, 5]);
    expect(r).toHaveLength(6);
    expect(r[0]).toBeNull();
    expect(r[1]).toBeCloseTo(0.2, 15);
    expect(r.slice(2)).toEqual([null, null, -1, null]);
  });

  it('a single year gives [null]', () => {
    expect(growthRates([3])).toEqual([null]);
  });

  it('rejects negative values', () => {
    expectMeasureError(() => growthRates([1, -2]), 'growthRates: values must be non-negative, got -2 at index 1');
  });
});
