import { describe, expect, it } from 'vitest';
import { MeasureError } from '../../../src/measures/measure-error.js';
import { weightedSum, weightedSums } from '../../../src/measures/composite/weighted-sum.js';

describe('weightedSum', () => {
  it('sum of w_j x_ij (hand calculation)', () => {
    // 0.25*1 + 0.75*0 = 0.25; 0.25*0.5 + 0.75*0.5 = 0.5
    expect(
      weightedSum(
        [
          [1, 0],
          [0.5, 0.5],
        ],
        [0.25, 0.75],
      ),
    ).toEqual([0.25, 0.5]);
  });

  it('missing values: propagate gives NaN, reweight scales the available part', () => {
    // reweight: 0.25*0.8 / 0.25 * (0.25 + 0.75) = 0.8
    expect(weightedSum([[0.8, NaN]], [0.25, 0.75])[0]).toBeNaN();
    expect(weightedSum([[0.8, NaN]], [0.25, 0.75], { missing: 'reweight' })[0]).toBeCloseTo(0.8, 15);
    // a missing value under weight 0 does not matter
    expect(weightedSum([[0.8, NaN]], [1, 0])).toEqual([0.8]);
  });

  it('rejects bad weights', () => {
    expect(() => weightedSum([[1, 2]], [1])).toThrow(MeasureError);
    expect(() => weightedSum([[1, 2]], [-1, 2])).toThrow(MeasureError);
    expect(() => weightedSum([[1, 2]], [0, 0])).toThrow(MeasureError);
  });
});

describe('weightedSums: one matrix, many weight vectors', () => {
  it('scores the matrix under each weight vector given (hand calculations)', () => {
    const scoresUnder = weightedSums([
      [1, 0],
      [0.5, 0.5],
    ]);
    // 0.25·1 + 0.75·0 = 0.25; 0.25·0.5 + 0.75·0.5 = 0.5
    expect(scoresUnder([0.25, 0.75])).toEqual([0.25, 0.5]);
    // 1·1 + 0·0 = 1; 1·0.5 = 0.5
    expect(scoresUnder([1, 0])).toEqual([1, 0.5]);
  });

  it('reweights missing values as weightedSum does', () => {
    // row [1, NaN] with weights 0.25, 0.75: 0.25·1 scaled by 1 / 0.25 = 1
    expect(weightedSums([[1, NaN]], { missing: 'reweight' })([0.25, 0.75])).toEqual([1]);
    expect(weightedSums([[1, NaN]])([0.25, 0.75])).toEqual([NaN]);
  });

  it('checks the matrix when made and each weight vector when given', () => {
    expect(() => weightedSums([[1, 2], [3]])).toThrow(MeasureError);
    const scoresUnder = weightedSums([[0.5, 0.5]]);
    expect(() => scoresUnder([1])).toThrow(MeasureError);
    expect(() => scoresUnder([-1, 2])).toThrow(MeasureError);
  });
});
