import { describe, expect, it } from 'vitest';
import { sensSlope } from '../../../src/measures/trend/index.js';
import { expectMeasureError } from '../../helpers/expect-measure-error.js';

describe('sensSlope', () => {
  it('missing values keep their time slot (hand calculation)', () => {
    // t = 0,1,3 with x = 1,3,4: slopes 2/1, 3/3, 1/2 → median 1
    // intercept = median(1,3,4) − median(0,1,3)·1 = 3 − 1 = 2
    expect(sensSlope([1, 3, null, 4])).toEqual({ slope: 1, intercept: 2 });
    expect(sensSlope([1, 3, Number.NaN, 4])).toEqual({ slope: 1, intercept: 2 });
  });

  it('explicit times (years)', () => {
    // same pairs; slope per year 1; intercept = 3 − median(2000, 2001, 2003)·1 = 3 − 2001
    expect(sensSlope([1, 3, null, 4], { times: [2000, 2001, 2002, 2003] })).toEqual({ slope: 1, intercept: -1998 });
    // two-year steps halve the slope: slopes 1, .5, .25 → .5; intercept 3 − 2·.5
    expect(sensSlope([1, 3, null, 4], { times: [0, 2, 4, 6] })).toEqual({ slope: 0.5, intercept: 2 });
  });

  it('series of length 2', () => {
    // one slope (5 − 2)/1 = 3; intercept = 3.5 − 0.5·3 = 2
    expect(sensSlope([2, 5])).toEqual({ slope: 3, intercept: 2 });
  });

  it('rejects bad input', () => {
    expectMeasureError(() => sensSlope([1, null]), 'sensSlope: needs at least 2 non-missing values, got 1');
    expectMeasureError(() => sensSlope([1, 2], { times: [1, 1] }), 'times must be strictly increasing');
    expectMeasureError(() => sensSlope([1, 2], { times: [1] }), 'times must have 2 entries');
  });
});
