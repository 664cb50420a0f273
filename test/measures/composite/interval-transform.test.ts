import { describe, expect, it } from 'vitest';
import { MeasureError } from '../../../src/measures/measure-error.js';
import { intervalTransform } from '../../../src/measures/composite/interval-transform.js';

describe('intervalTransform', () => {
  it('interval [10, 20] (hand calculation)', () => {
    // min 5, max 30 -> M = max(10 - 5, 30 - 20) = 10
    // 5 -> 1 - (10 - 5)/10 = 0.5; 12, 20 inside -> 1; 30 -> 1 - (30 - 20)/10 = 0
    expect(intervalTransform([5, 12, 20, 30], { lower: 10, upper: 20 })).toEqual([0.5, 1, 1, 0]);
  });

  it('all values inside the interval give 1, never NaN', () => {
    expect(intervalTransform([11, 15], { lower: 10, upper: 20 })).toEqual([1, 1]);
  });

  it('missing values stay NaN', () => {
    const r = intervalTransform([NaN, 0, 10], { lower: 10, upper: 20 });
    expect(r[0]).toBeNaN();
    // M = max(10 - 0, 10 - 20) = 10 -> 0 -> 0; 10 -> 1
    expect(r.slice(1)).toEqual([0, 1]);
  });

  it('rejects lower > upper', () => {
    expect(() => intervalTransform([1], { lower: 2, upper: 1 })).toThrow(MeasureError);
  });
});
