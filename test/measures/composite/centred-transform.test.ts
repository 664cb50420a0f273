import { describe, expect, it } from 'vitest';
import { MeasureError } from '../../../src/measures/measure-error.js';
import { centredTransform } from '../../../src/measures/composite/centred-transform.js';

describe('centredTransform', () => {
  it('1 - |x - optimum| / max |x - optimum| (hand calculation)', () => {
    // distances from 7: 1, 0, 1.5 -> max 1.5 -> 1 - 1/1.5 = 1/3, 1, 0
    const r = centredTransform([6, 7, 8.5], { optimum: 7 });
    expect(r[0]).toBeCloseTo(1 / 3, 15);
    expect(r[1]).toBe(1);
    expect(r[2]).toBe(0);
  });

  it('every value at the optimum gives 1, never NaN', () => {
    expect(centredTransform([7, 7], { optimum: 7 })).toEqual([1, 1]);
  });

  it('missing values stay NaN', () => {
    const r = centredTransform([NaN, 5, 9], { optimum: 7 });
    expect(r[0]).toBeNaN();
    expect(r.slice(1)).toEqual([0, 0]);
  });

  it('rejects a missing optimum', () => {
    expect(() => centredTransform([1], { optimum: NaN })).toThrow(MeasureError);
  });
});
