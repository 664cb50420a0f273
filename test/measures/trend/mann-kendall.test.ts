/* eslint-disable no-loss-of-precision -- published constants and reference values are quoted with every digit their source prints */
import { describe, expect, it } from 'vitest';
import { mannKendall } from '../../../src/measures/trend/index.js';
import { expectMeasureError } from '../../helpers/expect-measure-error.js';

describe('mannKendall', () => {
  it('strictly increasing series of 5 (hand calculation)', () => {
    const r = mannKendall([1, 2, 3, 4, 5]);
    // every one of the 10 pairs increases: S = 10, tau = 10/10
    expect(r.s).toBe(10);
    expect(r.tau).toBe(1);
    // Var S = 5·4·15/18 = 50/3; z = (10 − 1)/√(50/3)
    expect(r.varS).toBeCloseTo(50 / 3, 12);
    expect(r.z).toBeCloseTo(9 / Math.sqrt(50 / 3), 14);
    // p = 2·P(Z > 2.2045…) = 0.027486336111510347 (mpmath 1.3.0, 40 digits)
    expect(r.p).toBeCloseTo(0.027486336111510347193, 15);
    expect(r.h).toBe(true);
    expect(r.trend).toBe('increasing');
    // Sen: all pairwise slopes are 1; intercept = median(x) − median(t)·1 = 3 − 2
    expect(r.slope).toBe(1);
    expect(r.intercept).toBe(1);
    expect(r.n).toBe(5);
  });

  it('ties reduce Var S', () => {
    // 1,1,2: pairs 0, +1, +1 → S = 2; Var = (3·2·11 − 2·1·9)/18 = 48/18
    const r = mannKendall([1, 1, 2]);
    expect(r.s).toBe(2);
    expect(r.varS).toBeCloseTo(48 / 18, 14);
    // z = (2 − 1)/√(8/3); p = 0.54029137460741989857 (mpmath)
    expect(r.z).toBeCloseTo(1 / Math.sqrt(8 / 3), 15);
    expect(r.p).toBeCloseTo(0.54029137460741989857, 15);
    expect(r.tau).toBeCloseTo(2 / 3, 15);
    expect(r.trend).toBe('no trend');
  });

  it('missing years are dropped (NaN and null)', () => {
    // same as 1,2,3: S = 3, Var = 3·2·11/18 = 11/3, n = 3
    const r = mannKendall([1, Number.NaN, 2, null, 3]);
    expect(r.n).toBe(3);
    expect(r.s).toBe(3);
    expect(r.varS).toBeCloseTo(11 / 3, 14);
    expect(r.tau).toBe(1);
  });

  it('series of length 2 and constant series: z = 0, p = 1', () => {
    // 1,2: S = 1, Var = 2·1·9/18 = 1, z = (1 − 1)/1 = 0
    const two = mannKendall([1, 2]);
    expect([two.s, two.varS, two.z, two.p, two.trend]).toEqual([1, 1, 0, 1, 'no trend']);
    // 5,5,5: S = 0, Var = (66 − 66)/18 = 0; z = 0 by definition
    const flat = mannKendall([5, 5, 5]);
    expect([flat.s, flat.varS, flat.z, flat.p]).toEqual([0, 0, 0, 1]);
  });

  it('decreasing series, and alpha', () => {
    // 10 values falling: S = −45, Var = 10·9·25/18 = 125, z = −44/√125
    const r = mannKendall([9, 8, 7, 6, 5, 4, 3, 2, 1, 0]);
    expect(r.s).toBe(-45);
    expect(r.varS).toBe(125);
    expect(r.z).toBeCloseTo(-44 / Math.sqrt(125), 14);
    // p = 8.3030703326449734237e-5 (mpmath)
    expect(Math.abs(r.p - 8.3030703326449734237e-5) / 8.3030703326449734237e-5).toBeLessThan(1e-13);
    expect(r.trend).toBe('decreasing');
    // p ≈ 0.0275 for 1..5 (first test): significant at .05, not at .01
    expect(mannKendall([1, 2, 3, 4, 5], { alpha: 0.01 }).trend).toBe('no trend');
  });

  it('rejects bad input', () => {
    expectMeasureError(() => mannKendall([]), 'mannKendall: values must be a non-empty array');
    expectMeasureError(() => mannKendall([1, null, Number.NaN]), 'needs at least 2 non-missing values, got 1');
    expectMeasureError(() => mannKendall([1, Number.POSITIVE_INFINITY]), 'got Infinity at index 1');
    expectMeasureError(() => mannKendall([1, 2], { alpha: 1 }), 'alpha must be a number between 0 and 1');
  });
});
