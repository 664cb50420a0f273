import { describe, expect, it } from 'vitest';
import { sortNumbers } from '../../src/analyses/sort-numbers.js';

describe('sortNumbers', () => {
  it('sorts ascending in place, numerically (not as strings), with ties and negatives', () => {
    // by hand: −3 < 0.5 < 2 = 2 < 10 (a string sort would put 10 before 2)
    const xs = [2, 10, -3, 0.5, 2];
    sortNumbers(xs);
    expect(xs).toEqual([-3, 0.5, 2, 2, 10]);
  });

  it('leaves an empty list and a single value as they are', () => {
    const none: number[] = [];
    sortNumbers(none);
    expect(none).toEqual([]);
    const one = [0.25];
    sortNumbers(one);
    expect(one).toEqual([0.25]);
  });

  it('puts infinities at the ends', () => {
    const xs = [1, Infinity, -Infinity, 0];
    sortNumbers(xs);
    expect(xs).toEqual([-Infinity, 0, 1, Infinity]);
  });
});
