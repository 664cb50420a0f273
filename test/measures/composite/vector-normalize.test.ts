import { describe, expect, it } from 'vitest';
import { vectorNormalize } from '../../../src/measures/composite/vector-normalize.js';

describe('vectorNormalize', () => {
  it('x / sqrt(sum x^2) (hand calculation)', () => {
    // sqrt(3^2 + 4^2) = 5 -> 0.6, 0.8
    const r = vectorNormalize([
      [3, 0],
      [4, 0],
    ]);
    expect(r.matrix).toEqual([
      [0.6, 0],
      [0.8, 0],
    ]);
    expect(r.zeroColumns).toEqual([1]);
  });

  it('missing values stay NaN and are left out of the norm', () => {
    // sqrt(6^2 + 8^2) = 10
    const r = vectorNormalize([[6], [NaN], [8]]);
    expect(r.matrix[0][0]).toBe(0.6);
    expect(r.matrix[1][0]).toBeNaN();
    expect(r.matrix[2][0]).toBe(0.8);
  });

  it('all-NaN column is listed as empty', () => {
    expect(vectorNormalize([[NaN], [NaN]]).emptyColumns).toEqual([0]);
  });
});
