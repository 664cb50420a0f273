import { describe, expect, it } from 'vitest';
import { rankNormalize } from '../../../src/measures/composite/rank-normalize.js';

describe('rankNormalize', () => {
  it('average ranks, negative columns reversed (hand calculation)', () => {
    // col 0 positive: 5, 7, 5 -> the two 5s share ranks 1 and 2 -> 1.5; 7 -> 3
    // col 1 negative: 1, 1, 3 -> 3 is best-last -> rank 1; the two 1s share 2 and 3 -> 2.5
    const r = rankNormalize(
      [
        [5, 1],
        [7, 1],
        [5, 3],
      ],
      [1, -1],
    );
    expect(r.matrix).toEqual([
      [1.5, 2.5],
      [3, 2.5],
      [1.5, 1],
    ]);
  });

  it('scale maps ranks to [0, 1]; a constant column gives 0', () => {
    // ranks 1, 2, 3 -> (r-1)/2 = 0, 0.5, 1
    const r = rankNormalize(
      [
        [10, 4],
        [30, 4],
        [20, 4],
      ],
      [1, 1],
      { scale: true },
    );
    expect(r.matrix).toEqual([
      [0, 0],
      [1, 0],
      [0.5, 0],
    ]);
    expect(r.constantColumns).toEqual([1]);
  });

  it('missing values are not ranked', () => {
    const r = rankNormalize([[2], [NaN], [1]], [1]);
    expect(r.matrix[0][0]).toBe(2);
    expect(r.matrix[1][0]).toBeNaN();
    expect(r.matrix[2][0]).toBe(1);
  });
});
