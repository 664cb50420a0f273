import { mean, sampleStandardDeviation } from 'simple-statistics';
import { cagr } from '../../measures/trend/cagr.js';
import { growthRates } from '../../measures/trend/growth-rates.js';
import { mannKendall } from '../../measures/trend/mann-kendall.js';

/** Mann–Kendall test with tie correction and Sen's slope (per year), as in results.json. */
export interface TrendTest {
  trend: 'increasing' | 'decreasing' | 'no trend';
  /** p < alpha. */
  significant: boolean;
  s: number;
  varS: number;
  z: number;
  /** Two-sided p. */
  p: number;
  tau: number;
  /** Years with data used. */
  n: number;
  /** Sen's slope per year (missing years keep their slot). */
  slope: number;
  /** Sen's intercept: the trend line's value in the first year of the window. */
  intercept: number;
}

/** Volatility of year-on-year growth. */
export interface Volatility {
  /** Growth rates used (years with a growth rate). */
  n: number;
  meanGrowth: number;
  /** Sample standard deviation (n − 1) of the growth rates. */
  sdGrowth: number;
  /** sdGrowth / |meanGrowth|; null when the mean is 0. */
  cv: number | null;
}

/** Trend block of a count series. */
export interface CountTrend {
  values: (number | null)[];
  /** Year-on-year growth into each year (null for the first year, after a gap or from 0). */
  growth: (number | null)[];
  /** Compound annual growth between the first and last year with data; null from 0. */
  cagr: number | null;
  volatility: Volatility | null;
  test: TrendTest | null;
}

/** Trend block of a share series. */
export interface ShareTrend {
  values: (number | null)[];
  /** First and last year with data and their shares. */
  change: { fromYear: number; from: number; toYear: number; to: number } | null;
  test: TrendTest | null;
}

/** Mann–Kendall + Sen's slope of a series, or null with fewer than 2 values. */
export function trendTest(values: readonly (number | null)[], alpha: number): TrendTest | null {
  if (values.filter((v) => v !== null).length < 2) return null;
  const r = mannKendall(values, { alpha });
  return {
    trend: r.trend,
    significant: r.h,
    s: r.s,
    varS: r.varS,
    z: r.z,
    p: r.p,
    tau: r.tau,
    n: r.n,
    slope: r.slope,
    intercept: r.intercept,
  };
}

/**
 * Growth, CAGR, volatility and trend test of a count series on a gap-free year axis.
 * Volatility is the coefficient of variation of the year-on-year growth rates, sample SD
 * over |mean| (growth rates can be negative, so the measures' non-negative CV does not apply).
 *
 * @param values counts per year (null = no data)
 * @param years the years
 * @param alpha significance level of the trend test
 * @returns the block
 * @example
 * countTrend([100, 110, 121], [2020, 2021, 2022], 0.05).cagr; // => 0.10000000000000009
 */
export function countTrend(values: readonly (number | null)[], years: readonly number[], alpha: number): CountTrend {
  const growth = growthRates(values);
  const g = growth.filter((x): x is number => x !== null);
  let volatility: Volatility | null = null;
  if (g.length >= 2) {
    const m = mean(g);
    const sd = sampleStandardDeviation(g);
    volatility = { n: g.length, meanGrowth: m, sdGrowth: sd, cv: m !== 0 ? sd / Math.abs(m) : null };
  }
  return {
    values: [...values],
    growth,
    cagr: cagr(values, { times: years }),
    volatility,
    test: trendTest(values, alpha),
  };
}

/**
 * Change and trend test of a share series.
 *
 * @param values shares per year (null = no data)
 * @param years the years
 * @param alpha significance level
 * @returns the block
 * @example
 * shareTrend([0.6, 0.55, 0.5], [2020, 2021, 2022], 0.05).change?.to; // => 0.5
 */
export function shareTrend(values: readonly (number | null)[], years: readonly number[], alpha: number): ShareTrend {
  const idx = values.map((v, i) => (v === null ? -1 : i)).filter((i) => i >= 0);
  const change = idx.length
    ? {
        fromYear: years[idx[0]],
        from: values[idx[0]] as number,
        toYear: years[idx.at(-1)!],
        to: values[idx.at(-1)!] as number,
      }
    : null;
  return { values: [...values], change, test: trendTest(values, alpha) };
}
