import { describe, expect, it } from 'vitest';
import { indicatorDiagnostics } from '../../../src/measures/composite/indicator-diagnostics.js';

describe('indicatorDiagnostics', () => {
  it('skewness 2 and kurtosis 4 sit on the boundary and are not flagged (hand calculation)', () => {
    // x = 0, 0, 0, 1: n = 4, mean 0.25, deviations -0.25 (x3), 0.75
    // S2 = 3(0.0625) + 0.5625 = 0.75; S3 = 3(-0.015625) + 0.421875 = 0.375;
    // S4 = 3(0.00390625) + 0.31640625 = 0.328125
    // G1 = n sqrt(n-1) S3 / ((n-2) S2^1.5) = 4 sqrt3 0.375 / (2 * 0.6495191) = 2
    // G2 = (n-1)/((n-2)(n-3)) (n(n+1) S4/S2^2 - 3(n-1)) = 1.5 (20 * 0.328125/0.5625 - 9) = 4
    // |G1| > 2 is false -> not an outlier (COINr rule: |skew| > 2 AND kurt > 3.5)
    const [d] = indicatorDiagnostics([[0], [0], [0], [1]]);
    expect(d.skewness).toBeCloseTo(2, 12);
    expect(d.kurtosis).toBeCloseTo(4, 12);
    expect(d.outlier).toBe(false);
  });

  it('a single spike among five values is flagged (hand calculation)', () => {
    // x = 0, 0, 0, 0, 1: mean 0.2; S2 = 0.8, S3 = 0.48, S4 = 0.416
    // G1 = 5 * 2 * 0.48 / (3 * 0.8^1.5) = sqrt(5) = 2.2360680
    // G2 = 4/(3*2) (30 * 0.416/0.64 - 12) = (2/3)(19.5 - 12) = 5
    const [d] = indicatorDiagnostics([[0], [0], [0], [0], [1]]);
    expect(d.skewness).toBeCloseTo(Math.sqrt(5), 12);
    expect(d.kurtosis).toBeCloseTo(5, 12);
    expect(d.outlier).toBe(true);
    // zeros 4/5 = 0.8; unique {0, 1} = 2/5 = 0.4
    expect(d.zeroShare).toBe(0.8);
    expect(d.uniqueShare).toBe(0.4);
    expect(d.manyZeros).toBe(true);
    expect(d.fewUnique).toBe(true);
  });

  it('availability and missing values', () => {
    // col 1 has 1 of 3 available -> 1/3 < 0.65 -> low; too few values for skewness -> NaN
    const d = indicatorDiagnostics([
      [1, NaN],
      [2, 5],
      [3, NaN],
    ]);
    expect(d[0].availability).toBe(1);
    expect(d[0].skewness).toBeCloseTo(0, 15);
    expect(d[0].kurtosis).toBeNaN();
    expect(d[1].available).toBe(1);
    expect(d[1].availability).toBeCloseTo(1 / 3, 15);
    expect(d[1].lowAvailability).toBe(true);
    expect(d[1].skewness).toBeNaN();
    expect(d[1].outlier).toBe(false);
  });

  it('a constant column has undefined skewness and kurtosis and no outlier flag', () => {
    const [d] = indicatorDiagnostics([[2], [2], [2], [2]]);
    expect(d.skewness).toBeNaN();
    expect(d.kurtosis).toBeNaN();
    expect(d.outlier).toBe(false);
    expect(d.uniqueShare).toBe(0.25);
  });
});
