import { describe, expect, it } from 'vitest';
import { countTrend, shareTrend, trendTest } from '../../../src/analyses/trends/series-trend.js';
import { normalSf } from '../../../src/measures/trend/normal-sf.js';

describe('countTrend', () => {
  it('growth, CAGR and volatility of a steady 10% series', () => {
    const t = countTrend([100, 110, 121], [2020, 2021, 2022], 0.05);
    expect(t.growth[0]).toBeNull();
    expect(t.growth[1]).toBeCloseTo(0.1, 12);
    expect(t.growth[2]).toBeCloseTo(0.1, 12);
    // (121/100)^(1/2) − 1
    expect(t.cagr).toBeCloseTo(0.1, 12);
    expect(t.volatility!.n).toBe(2);
    expect(t.volatility!.sdGrowth).toBeCloseTo(0, 12);
    expect(t.volatility!.cv).toBeCloseTo(0, 10);
  });

  it('a series of length 2', () => {
    const t = countTrend([10, 15], [2023, 2024], 0.05);
    expect(t.growth).toEqual([null, 0.5]);
    expect(t.cagr).toBeCloseTo(0.5, 12);
    expect(t.volatility).toBeNull(); // one growth rate
    // S = 1, Var S = 2·1·9/18 = 1, z = (1 − 1)/1 = 0, p = 1
    expect(t.test).toMatchObject({ s: 1, varS: 1, z: 0, p: 1, n: 2, trend: 'no trend', significant: false });
    // Sen: slope (15 − 10)/1 = 5; intercept median(x) − median(t)·slope = 12.5 − 0.5·5 = 10
    expect(t.test!.slope).toBe(5);
    expect(t.test!.intercept).toBe(10);
  });

  it('a missing year keeps its slot', () => {
    const t = countTrend([100, null, 121], [2020, 2021, 2022], 0.05);
    expect(t.growth).toEqual([null, null, null]);
    // two years apart: (121/100)^(1/2) − 1
    expect(t.cagr).toBeCloseTo(0.1, 12);
    expect(t.volatility).toBeNull();
    // Sen's slope per year: (121 − 100)/2
    expect(t.test!.slope).toBe(10.5);
  });

  it('growth from 0 is undefined', () => {
    const t = countTrend([0, 5, 10], [2020, 2021, 2022], 0.05);
    expect(t.cagr).toBeNull();
    expect(t.growth).toEqual([null, null, 1]);
  });
});

describe('trendTest', () => {
  it('corrects the variance for ties', () => {
    // 1, 2, 2, 3: signs of the 6 pairs +1 +1 +1 0 +1 +1 → S = 5;
    // Var S = [4·3·13 − 2·1·9]/18 = 138/18 (one tie group of 2); z = (5 − 1)/√(138/18)
    const t = trendTest([1, 2, 2, 3], 0.05)!;
    expect(t.s).toBe(5);
    expect(t.varS).toBeCloseTo(138 / 18, 12);
    const z = 4 / Math.sqrt(138 / 18);
    expect(t.z).toBeCloseTo(z, 12);
    expect(t.p).toBeCloseTo(2 * normalSf(z), 12);
    expect(t.significant).toBe(false);
    // pairwise slopes 1, 1/2, 2/3, 0, 1/2, 1 → median (1/2 + 2/3)/2 = 7/12
    expect(t.slope).toBeCloseTo(7 / 12, 12);
  });

  it('is null with fewer than 2 values', () => {
    expect(trendTest([null, 3, null], 0.05)).toBeNull();
  });
});

describe('shareTrend', () => {
  it('reports the first and last share with data', () => {
    const t = shareTrend([null, 0.6, 0.55, 0.5], [2019, 2020, 2021, 2022], 0.05);
    expect(t.change).toEqual({ fromYear: 2020, from: 0.6, toYear: 2022, to: 0.5 });
    // three strictly falling values: S = −3, Var S = 3·2·11/18 = 11/3
    expect(t.test).toMatchObject({ s: -3, n: 3 });
    expect(t.test!.varS).toBeCloseTo(11 / 3, 12);
  });
});
