import { describe, expect, it } from 'vitest';
import { theil } from '../../../src/measures/inequality/index.js';
import { expectMeasureError } from '../../helpers/expect-measure-error.js';

const { log } = Math;

describe('theil', () => {
  it('T with equal population: Σ sᵢ ln(n sᵢ)', () => {
    // shares .25,.75, n = 2: .25 ln .5 + .75 ln 1.5
    expect(theil([1, 3])).toBeCloseTo(0.25 * log(0.5) + 0.75 * log(1.5), 15);
  });

  it('T against population: Σ Sᵢ ln(Sᵢ/Pᵢ)', () => {
    // S = .5,.5; P = .25,.75: .5 ln 2 + .5 ln(2/3)
    expect(theil([1, 1], { population: [1, 3] })).toBeCloseTo(0.5 * log(2) + 0.5 * log(2 / 3), 15);
  });

  it('L is the mean log deviation', () => {
    // mean 20: (3 ln(20/10) + ln(20/20) + ln(20/50))/5
    expect(theil([10, 10, 10, 20, 50], { type: 'L' })).toBeCloseTo((3 * log(2) + log(0.4)) / 5, 15);
    // against population: Σ Pᵢ ln(Pᵢ/Sᵢ) with P = .25,.75, S = .5,.5
    expect(theil([1, 1], { type: 'L', population: [1, 3] })).toBeCloseTo(0.25 * log(0.5) + 0.75 * log(1.5), 15);
  });

  it('zero shares contribute 0 to T; everything in one of n regions gives ln n', () => {
    // shares 0,0,1: 1·ln(3·1)
    expect(theil([0, 0, 9])).toBeCloseTo(log(3), 15);
    // single region: 1·ln 1 = 0
    expect(theil([5])).toBe(0);
    // no population and no organizations: the unit drops out; the rest are proportional
    expect(theil([0, 2, 2], { population: [0, 1, 1] })).toBe(0);
  });

  it('exact between/within decomposition', () => {
    // S_a = 6/21, S_b = 15/21, P_a = P_b = 1/2
    const between = (6 / 21) * log(6 / 21 / 0.5) + (15 / 21) * log(15 / 21 / 0.5);
    // inside a: shares 1/6, 2/6, 3/6 of a, population 1/3 each: Σ s ln(3s)
    const ta = (1 / 6) * log(3 / 6) + (2 / 6) * log(6 / 6) + (3 / 6) * log(9 / 6);
    // inside b: 4/15, 5/15, 6/15
    const tb = (4 / 15) * log(12 / 15) + (5 / 15) * log(15 / 15) + (6 / 15) * log(18 / 15);
    const d = theil([1, 2, 3, 4, 5, 6], { groups: ['a', 'a', 'a', 'b', 'b', 'b'] });
    expect(d.between).toBeCloseTo(between, 15);
    expect(d.groups.a).toEqual({
      share: 6 / 21,
      popShare: 0.5,
      within: expect.closeTo(ta, 15),
      contribution: expect.closeTo((6 / 21) * ta, 15),
    });
    expect(d.groups.b.within).toBeCloseTo(tb, 15);
    expect(d.within).toBeCloseTo((6 / 21) * ta + (15 / 21) * tb, 15);
    // total computed directly equals between + within
    expect(d.total).toBeCloseTo(theil([1, 2, 3, 4, 5, 6]), 15);
    expect(d.between + d.within).toBeCloseTo(d.total, 15);
    expect(d.betweenShare).toBeCloseTo(between / d.total, 14);
  });

  it('L decomposition weights groups by population', () => {
    // P_a = P_b = .5, S_a = 1/4, S_b = 3/4: between = .5 ln(.5/.25) + .5 ln(.5/.75)
    const d = theil([1, 1, 3, 3], { type: 'L', groups: [1, 1, 2, 2] });
    expect(d.between).toBeCloseTo(0.5 * log(2) + 0.5 * log(2 / 3), 15);
    // equal values inside each group: within 0
    expect(d.within).toBe(0);
    expect(d.betweenShare).toBeCloseTo(1, 15);
    expect(Object.keys(d.groups)).toEqual(['1', '2']);
  });

  it('no inequality at all: betweenShare is NaN (0/0)', () => {
    const d = theil([2, 2], { groups: ['a', 'b'] });
    expect(d.total).toBe(0);
    expect(d.betweenShare).toBeNaN();
  });

  it('rejects infinite terms, naming the index', () => {
    expectMeasureError(
      () => theil([1, 2], { population: [1, 0] }),
      'population is 0 at index 1 but the value there is 2',
    );
    expectMeasureError(() => theil([0, 2], { type: 'L' }), 'value is 0 at index 0');
  });

  it('rejects bad options', () => {
    expectMeasureError(() => theil([1, 2], { groups: ['a'] }), 'groups must have 2 entries');
    expectMeasureError(() => theil([1, 2], { type: 'X' as 'T' }), "type must be 'T' or 'L'");
    expectMeasureError(() => theil([]), 'non-empty');
  });
});
