import { describe, expect, it } from 'vitest';
import { cagr } from '../../../src/measures/trend/index.js';
import { expectMeasureError } from '../../helpers/expect-measure-error.js';

describe('cagr', () => {
  it('compound growth between the first and the last value', () => {
    // (121/100)^(1/2) − 1 = 1.1 − 1
    expect(cagr([100, 110, 121])).toBeCloseTo(0.1, 15);
    // with years 2010…2014: (1.21)^(1/4) − 1 = √1.1 − 1
    expect(cagr([100, 110, 121], { times: [2010, 2012, 2014] })).toBeCloseTo(Math.sqrt(1.1) - 1, 15);
    // series of length 2: 150/100 − 1
    expect(cagr([100, 150])).toBeCloseTo(0.5, 15);
  });

  it('missing ends: the first and last values present are used, with their times', () => {
    // 100 at t=1 to 121 at t=3: 1.21^(1/2) − 1
    expect(cagr([null, 100, Number.NaN, 121, null])).toBeCloseTo(0.1, 15);
  });

  it('undefined growth is null; a fall to zero is −100 %', () => {
    expect(cagr([0, 5, 10])).toBeNull();
    expect(cagr([7])).toBeNull();
    expect(cagr([null, 7, null])).toBeNull();
    // (0/50)^(1/2) − 1
    expect(cagr([50, 20, 0])).toBe(-1);
  });

  it('rejects bad input', () => {
    expectMeasureError(() => cagr([]), 'cagr: values must be a non-empty array');
    expectMeasureError(() => cagr([5, -1]), 'values must be non-negative, got -1 at index 1');
  });
});
