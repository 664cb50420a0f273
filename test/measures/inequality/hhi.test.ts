import { describe, expect, it } from 'vitest';
import { hhi } from '../../../src/measures/inequality/index.js';
import { expectMeasureError } from '../../helpers/expect-measure-error.js';

describe('hhi', () => {
  it('plain, normalised and numbers-equivalent', () => {
    // shares .2,.5,.2,.1: H = .04 + .25 + .04 + .01 = .34; (H − 1/4)/(1 − 1/4) = .09/.75 = .12; 1/H
    const r = hhi([20, 50, 20, 10]);
    expect(r.hhi).toBeCloseTo(0.34, 15);
    expect(r.normalized).toBeCloseTo(0.12, 15);
    expect(r.numbersEquivalent).toBeCloseTo(1 / 0.34, 14);
  });

  it('equal shares: H = 1/n, normalised 0, equivalent n', () => {
    // 4 × (1/4)² = 1/4
    expect(hhi([5, 5, 5, 5])).toEqual({ hhi: 0.25, normalized: 0, numbersEquivalent: 4 });
  });

  it('all organizations in one region: H = 1, normalised 1', () => {
    // shares 0,0,1: H = 1; (1 − 1/3)/(1 − 1/3) = 1
    expect(hhi([0, 0, 9])).toEqual({ hhi: 1, normalized: 1, numbersEquivalent: 1 });
  });

  it('a single region: H = 1, normalised undefined (NaN)', () => {
    // (1 − 1/1)/(1 − 1/1) = 0/0
    const r = hhi([3]);
    expect(r.hhi).toBe(1);
    expect(r.normalized).toBeNaN();
    expect(r.numbersEquivalent).toBe(1);
  });

  it('rejects bad input', () => {
    expectMeasureError(() => hhi([]), 'hhi: values must be a non-empty array');
    expectMeasureError(() => hhi([1, -1]), 'got -1 at index 1');
    expectMeasureError(() => hhi([0]), 'must not all be 0');
  });
});
