import { describe, expect, it } from 'vitest';
import { locationQuotient } from '../../../src/measures/inequality/index.js';
import { expectMeasureError } from '../../helpers/expect-measure-error.js';

describe('locationQuotient', () => {
  it('(cᵢ/C)/(pᵢ/P)', () => {
    // .75/.5 and .25/.5
    expect(locationQuotient([30, 10], [50, 50])).toEqual([1.5, 0.5]);
    // a single region always has LQ 1
    expect(locationQuotient([7], [100])).toEqual([1]);
  });

  it('0 organizations and 0 population: NaN', () => {
    const lq = locationQuotient([0, 4], [0, 8]);
    expect(lq[0]).toBeNaN();
    expect(lq[1]).toBe(1);
  });

  it('rejects organizations where there is no population', () => {
    expectMeasureError(() => locationQuotient([1, 4], [10, 0]), 'population is 0 at index 1 but the count there is 4');
    expectMeasureError(() => locationQuotient([1, 4], [10]), 'population must have 2 entries');
  });
});
