import { describe, expect, it } from 'vitest';
import { lorenz } from '../../../src/measures/inequality/index.js';
import { expectMeasureError } from '../../helpers/expect-measure-error.js';

describe('lorenz', () => {
  it('equal weights: x = i/n, y = cumulative share of the sorted values', () => {
    // sorted 1,3: y = 1/4, 4/4
    expect(lorenz([3, 1])).toEqual([
      { x: 0, y: 0 },
      { x: 0.5, y: 0.25 },
      { x: 1, y: 1 },
    ]);
  });

  it('population-weighted: sorted by density, x = population share', () => {
    // counts 2,2 / population 1,3: densities 2 and 0.667 → unit 1 first: x = 3/4, y = 2/4
    expect(lorenz([2, 2], { population: [1, 3] })).toEqual([
      { x: 0, y: 0 },
      { x: 0.75, y: 0.5 },
      { x: 1, y: 1 },
    ]);
  });

  it('a unit with no population and no organizations sits at density 0', () => {
    // unit 0: 0/0 → first, adds no population and no count
    expect(lorenz([0, 5], { population: [0, 10] })).toEqual([
      { x: 0, y: 0 },
      { x: 0, y: 0 },
      { x: 1, y: 1 },
    ]);
  });

  it('rejects organizations where there is no population', () => {
    expectMeasureError(() => lorenz([1, 5], { population: [0, 10] }), 'population is 0 at index 0');
    expectMeasureError(() => lorenz([], {}), 'non-empty');
    expectMeasureError(() => lorenz([1, 2], { population: [1] }), 'population must have 2 entries');
  });
});
