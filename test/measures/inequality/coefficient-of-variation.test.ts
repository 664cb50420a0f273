import { describe, expect, it } from 'vitest';
import { coefficientOfVariation } from '../../../src/measures/inequality/index.js';
import { expectMeasureError } from '../../helpers/expect-measure-error.js';

describe('coefficientOfVariation', () => {
  it('sample form by default, population form on request', () => {
    // mean 4; sample sd √((4+0+4)/2) = 2 → .5; population sd √(8/3)
    expect(coefficientOfVariation([2, 4, 6])).toBeCloseTo(0.5, 15);
    expect(coefficientOfVariation([2, 4, 6], { population: true })).toBeCloseTo(Math.sqrt(8 / 3) / 4, 15);
  });

  it('equal values give 0; one value only in the population form', () => {
    expect(coefficientOfVariation([3, 3, 3])).toBe(0);
    expect(coefficientOfVariation([3], { population: true })).toBe(0);
    expectMeasureError(
      () => coefficientOfVariation([3]),
      'coefficientOfVariation: the sample form needs at least 2 values',
    );
  });

  it('rejects a zero mean', () => {
    expectMeasureError(() => coefficientOfVariation([0, 0]), 'must not all be 0');
  });
});
