import { describe, expect, it } from 'vitest';
import { concentrationRatio } from '../../../src/measures/inequality/index.js';
import { expectMeasureError } from '../../helpers/expect-measure-error.js';

describe('concentrationRatio', () => {
  it('share of the k largest units', () => {
    // total 100; largest 50 → .5; 50 + 20 → .7
    expect(concentrationRatio([20, 50, 20, 10])).toBe(0.5);
    expect(concentrationRatio([20, 50, 20, 10], 2)).toBe(0.7);
  });

  it('k ≥ n gives 1; a single region gives 1', () => {
    expect(concentrationRatio([20, 50, 20, 10], 10)).toBe(1);
    expect(concentrationRatio([4])).toBe(1);
  });

  it('rejects a bad k', () => {
    expectMeasureError(() => concentrationRatio([1, 2], 0), 'k must be a positive integer, got 0');
    expectMeasureError(() => concentrationRatio([1, 2], 1.5), 'got 1.5');
  });
});
