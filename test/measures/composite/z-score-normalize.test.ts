import { describe, expect, it } from 'vitest';
import { MeasureError } from '../../../src/measures/measure-error.js';
import { zScoreNormalize } from '../../../src/measures/composite/z-score-normalize.js';

describe('zScoreNormalize', () => {
  it('sample standard deviation, direction applied (hand calculation)', () => {
    // col 0: mean 2, s = sqrt(((1-2)^2 + 0 + (3-2)^2)/(3-1)) = 1 -> -1, 0, 1
    // col 1: mean 20, s = 10, negative -> -(x-20)/10 = 1, 0, -1
    const r = zScoreNormalize(
      [
        [1, 10],
        [2, 20],
        [3, 30],
      ],
      [1, -1],
    );
    expect(r.matrix).toEqual([
      [-1, 1],
      [0, 0],
      [1, -1],
    ]);
  });

  it('n - 1 denominator (hand calculation)', () => {
    // values 2, 4, 4, 4, 5, 5, 7, 9: mean 5, sum of squares 32, s = sqrt(32/7)
    const x = [2, 4, 4, 4, 5, 5, 7, 9];
    const r = zScoreNormalize(
      x.map((v) => [v]),
      [1],
    );
    expect(r.matrix[7][0]).toBeCloseTo(4 / Math.sqrt(32 / 7), 12);
  });

  it('constant column and single unit give 0, never NaN', () => {
    const r = zScoreNormalize(
      [
        [5, 1],
        [5, 2],
      ],
      [1, 1],
    );
    expect(r.matrix.map((row) => row[0])).toEqual([0, 0]);
    expect(r.constantColumns).toEqual([0]);
    expect(zScoreNormalize([[3]], [1]).matrix).toEqual([[0]]);
  });

  it('missing values stay NaN and are left out', () => {
    // available 1, 3: mean 2, s = sqrt(2) -> -1/sqrt2, 1/sqrt2
    const r = zScoreNormalize([[1], [NaN], [3]], [1]);
    expect(r.matrix[0][0]).toBeCloseTo(-1 / Math.SQRT2, 15);
    expect(r.matrix[1][0]).toBeNaN();
  });

  it('rejects a bad direction', () => {
    expect(() => zScoreNormalize([[1]], [0 as 1])).toThrow(MeasureError);
  });
});
