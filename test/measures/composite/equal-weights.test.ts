import { describe, expect, it } from 'vitest';
import { MeasureError } from '../../../src/measures/measure-error.js';
import { equalWeights } from '../../../src/measures/composite/equal-weights.js';

describe('equalWeights', () => {
  it('1/m each (hand calculation)', () => {
    expect(equalWeights(4)).toEqual([0.25, 0.25, 0.25, 0.25]);
    expect(equalWeights(1)).toEqual([1]);
  });
  it('rejects m that is not a positive integer', () => {
    expect(() => equalWeights(0)).toThrow(MeasureError);
    expect(() => equalWeights(2.5)).toThrow(MeasureError);
  });
});
