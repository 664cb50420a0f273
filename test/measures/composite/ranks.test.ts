import { describe, expect, it } from 'vitest';
import { ranks } from '../../../src/measures/composite/ranks.js';

describe('ranks', () => {
  it('descending with average ties (hand calculation)', () => {
    // 0.9, 0.9 share ranks 1 and 2 -> 1.5; 0.5 -> 3; 0.2 -> 4
    expect(ranks([0.2, 0.9, 0.5, 0.9])).toEqual([4, 1.5, 3, 1.5]);
  });
  it('min ties and ascending', () => {
    expect(ranks([0.2, 0.9, 0.5, 0.9], { ties: 'min' })).toEqual([4, 1, 3, 1]);
    expect(ranks([0.2, 0.9, 0.5, 0.9], { descending: false })).toEqual([1, 3.5, 2, 3.5]);
  });
  it('three-way tie', () => {
    // ranks 2, 3, 4 -> average 3
    expect(ranks([5, 1, 1, 1])).toEqual([1, 3, 3, 3]);
  });
  it('missing scores get NaN and are left out', () => {
    const r = ranks([NaN, 3, 1]);
    expect(r[0]).toBeNaN();
    expect(r.slice(1)).toEqual([1, 2]);
  });
});
