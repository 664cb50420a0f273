import { quantileSorted } from 'simple-statistics';
import { checkMatrix } from './internal/check-matrix.js';
import { ranks } from './ranks.js';

/** Options of {@link rankUncertainty}. */
export interface RankUncertaintyOptions {
  /** rank 1 goes to the highest score in each run (default true) */
  descending?: boolean;
}

/** Result of {@link rankUncertainty}: one entry per unit in each array. */
export interface RankUncertaintyResult {
  /** median rank over the runs */
  median: number[];
  /** 5th percentile of the rank (the optimistic end when rank 1 is best) */
  p05: number[];
  /** 95th percentile of the rank */
  p95: number[];
}

/**
 * Summarise Monte Carlo runs of composite scores as rank uncertainty per unit: each run is
 * ranked (average rank for ties, as `ranks`), then the median, 5th and 95th percentile of
 * each unit's ranks are taken. Percentiles use linear interpolation between order
 * statistics at h = (N − 1)p (Hyndman–Fan type 7, the R and NumPy default; simple-statistics
 * `quantileSorted`).
 *
 * A missing score (NaN) in a run gives that unit no rank in that run; a unit with no rank
 * in any run gets NaN.
 *
 * @param runs runs × units matrix of scores (one row per Monte Carlo run)
 * @param options `descending` (default true)
 * @returns median, p05 and p95 rank per unit
 * @throws MeasureError `E_MEASURE_INPUT` on an empty/ragged matrix or a non-finite score
 * @example
 * rankUncertainty([[0.9, 0.5, 0.1], [0.4, 0.6, 0.2], [0.8, 0.7, 0.3]]);
 * // => { median: [1, 2, 3], p05: [1, 1.1, 3], p95: [1.9, 2, 3] }
 */
export function rankUncertainty(
  runs: readonly (readonly number[])[],
  options: RankUncertaintyOptions = {},
): RankUncertaintyResult {
  const { descending = true } = options;
  const { cols } = checkMatrix('rankUncertainty', runs);
  const perUnit: number[][] = Array.from({ length: cols }, () => []);
  for (const run of runs) {
    ranks(run, { descending }).forEach((r, u) => {
      if (!Number.isNaN(r)) perUnit[u].push(r);
    });
  }
  const median: number[] = [];
  const p05: number[] = [];
  const p95: number[] = [];
  for (const rs of perUnit) {
    if (rs.length === 0) {
      median.push(NaN);
      p05.push(NaN);
      p95.push(NaN);
      continue;
    }
    rs.sort((a, b) => a - b);
    median.push(quantileSorted(rs, 0.5));
    p05.push(quantileSorted(rs, 0.05));
    p95.push(quantileSorted(rs, 0.95));
  }
  return { median, p05, p95 };
}
