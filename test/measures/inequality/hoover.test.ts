import { describe, expect, it } from 'vitest';
import { hoover } from '../../../src/measures/inequality/index.js';
import { expectMeasureError } from '../../helpers/expect-measure-error.js';

describe('hoover', () => {
  it('½ Σ |count share − population share|', () => {
    // shares .75/.25 vs .5/.5: ½(.25 + .25) = .25
    expect(hoover([30, 10], [50, 50])).toBe(0.25);
    // distributed like the population: 0
    expect(hoover([10, 30], [1, 3])).toBe(0);
  });

  it('default population is equal', () => {
    // shares .1,.2,.15,.3,.25 vs .2 each: ½(.1 + 0 + .05 + .1 + .05) = .15
    expect(hoover([1000, 2000, 1500, 3000, 2500])).toBeCloseTo(0.15, 15);
  });

  it('all organizations in one region of four equal ones: ½(.75 + 3·.25) = .75', () => {
    expect(hoover([0, 8, 0, 0])).toBe(0.75);
  });

  it('a region without population still counts its organizations', () => {
    // shares .5/.5 vs 0/1: ½(.5 + .5) = .5
    expect(hoover([1, 1], [0, 1])).toBe(0.5);
  });

  it('rejects bad input', () => {
    expectMeasureError(() => hoover([1, 2], [1, 2, 3]), 'hoover: population must have 2 entries');
    expectMeasureError(() => hoover([1, 2], [0, 0]), 'population must not all be 0');
  });
});
