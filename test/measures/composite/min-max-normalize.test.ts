import { describe, expect, it } from 'vitest';
import { MeasureError } from '../../../src/measures/measure-error.js';
import { minMaxNormalize } from '../../../src/measures/composite/min-max-normalize.js';

function expectMeasureError(fn: () => unknown): void {
  let caught: unknown;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  expect(caught).toBeInstanceOf(MeasureError);
  expect((caught as MeasureError).code).toBe('E_MEASURE_INPUT');
  expect((caught as MeasureError).measure).toBeTypeOf('string');
}

describe('minMaxNormalize', () => {
  it('positive and negative columns (hand calculation)', () => {
    // col 0 positive, min 1, max 5: (1-1)/4 = 0, (3-1)/4 = 0.5, (5-1)/4 = 1
    // col 1 negative, min 10, max 30: (30-10)/20 = 1, (30-20)/20 = 0.5, (30-30)/20 = 0
    const r = minMaxNormalize(
      [
        [1, 10],
        [3, 20],
        [5, 30],
      ],
      [1, -1],
    );
    expect(r.matrix).toEqual([
      [0, 1],
      [0.5, 0.5],
      [1, 0],
    ]);
    expect(r.constantColumns).toEqual([]);
    expect(r.emptyColumns).toEqual([]);
  });

  it('epsilon maps into [eps, 1-eps] (hand calculation, mathmodels convention)', () => {
    // r = [0, 0.5, 1] -> 0.002 + 0.996 r = [0.002, 0.5, 0.998]
    const r = minMaxNormalize([[0], [5], [10]], [1], { epsilon: 0.002 });
    expect(r.matrix[0][0]).toBeCloseTo(0.002, 15);
    expect(r.matrix[1][0]).toBeCloseTo(0.5, 15);
    expect(r.matrix[2][0]).toBeCloseTo(0.998, 15);
  });

  it('constant column becomes 0 (or epsilon), is listed, never NaN', () => {
    // col 1 is 7, 7, 7: max - min = 0, no division
    const r = minMaxNormalize(
      [
        [1, 7],
        [2, 7],
        [3, 7],
      ],
      [1, -1],
    );
    expect(r.matrix.map((row) => row[1])).toEqual([0, 0, 0]);
    expect(r.constantColumns).toEqual([1]);
    const e = minMaxNormalize(
      [
        [1, 7],
        [2, 7],
        [3, 7],
      ],
      [1, -1],
      { epsilon: 0.01 },
    );
    expect(e.matrix.map((row) => row[1])).toEqual([0.01, 0.01, 0.01]);
  });

  it('single unit: every column constant', () => {
    const r = minMaxNormalize([[4, 9]], [1, -1]);
    expect(r.matrix).toEqual([[0, 0]]);
    expect(r.constantColumns).toEqual([0, 1]);
  });

  it('missing values stay NaN and are ignored for min and max', () => {
    // available 2, 6 -> (2-2)/4 = 0, (6-2)/4 = 1; negative col: (8-8)/4 = 0, (8-4)/4 = 1
    const r = minMaxNormalize(
      [
        [2, NaN],
        [NaN, 8],
        [6, 4],
      ],
      [1, -1],
    );
    expect(r.matrix[0][0]).toBe(0);
    expect(r.matrix[1][0]).toBeNaN();
    expect(r.matrix[2][0]).toBe(1);
    expect(r.matrix[0][1]).toBeNaN();
    expect(r.matrix[1][1]).toBe(0);
    expect(r.matrix[2][1]).toBe(1);
  });

  it('all-NaN column is listed as empty and stays NaN', () => {
    const r = minMaxNormalize(
      [
        [1, NaN],
        [2, NaN],
      ],
      [1, 1],
    );
    expect(r.emptyColumns).toEqual([1]);
    expect(r.matrix[0][1]).toBeNaN();
  });

  it('direction 0 keeps an already-normalised column; epsilon moves exact 0 and 1 only', () => {
    const kept = minMaxNormalize([[0], [0.4], [1]], [0]);
    expect(kept.matrix).toEqual([[0], [0.4], [1]]);
    // mathmodels entropy_weight, direction NA: 0 -> eps, 1 -> 1 - eps, 0.4 unchanged
    const eps = minMaxNormalize([[0], [0.4], [1]], [0], { epsilon: 0.002 });
    expect(eps.matrix).toEqual([[0.002], [0.4], [0.998]]);
    expectMeasureError(() => minMaxNormalize([[0], [1.5]], [0]));
  });

  it('does not modify its input', () => {
    const m = [[1], [3]];
    minMaxNormalize(m, [1]);
    expect(m).toEqual([[1], [3]]);
  });

  it('rejects bad input with E_MEASURE_INPUT', () => {
    expectMeasureError(() => minMaxNormalize([], []));
    expectMeasureError(() => minMaxNormalize([[1, 2], [3]], [1, 1]));
    expectMeasureError(() => minMaxNormalize([[1, Infinity]], [1, 1]));
    expectMeasureError(() => minMaxNormalize([[1, 2]], [1]));
    expectMeasureError(() => minMaxNormalize([[1, 2]], [1, 2 as 1]));
    expectMeasureError(() => minMaxNormalize([[1]], [1], { epsilon: 0.5 }));
    expectMeasureError(() => minMaxNormalize([[1]], [1], { epsilon: -0.1 }));
  });
});
