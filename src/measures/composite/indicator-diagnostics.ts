import { sampleKurtosis, sampleSkewness } from 'simple-statistics';
import { checkMatrix } from './internal/check-matrix.js';
import { columnValues } from './internal/column-values.js';

/** Thresholds of {@link indicatorDiagnostics} (defaults are COINr `get_stats`'s). */
export interface DiagnosticsOptions {
  /** absolute skewness threshold of the outlier flag (default 2) */
  tSkew?: number;
  /** kurtosis threshold of the outlier flag (default 3.5) */
  tKurt?: number;
  /** minimum availability before `lowAvailability` is set (default 0.65) */
  tAvail?: number;
  /** minimum share of non-zero values before `manyZeros` is set (default 0.5) */
  tZero?: number;
  /** minimum share of unique values before `fewUnique` is set (default 0.5) */
  tUnique?: number;
}

/** Data checks of one indicator column. */
export interface IndicatorDiagnostic {
  /** column index */
  column: number;
  /** number of available (non-NaN) values */
  available: number;
  /** available / number of rows */
  availability: number;
  /** share of available values equal to 0 (NaN when none is available) */
  zeroShare: number;
  /** distinct available values / available values (NaN when none is available) */
  uniqueShare: number;
  /** adjusted Fisher–Pearson skewness G1 (NaN with < 3 values or no spread) */
  skewness: number;
  /** sample excess kurtosis G2 (NaN with < 4 values or no spread) */
  kurtosis: number;
  /** |skewness| > tSkew and kurtosis > tKurt (COINr's rule for possible outliers) */
  outlier: boolean;
  /** availability < tAvail */
  lowAvailability: boolean;
  /** 1 − zeroShare < tZero */
  manyZeros: boolean;
  /** uniqueShare < tUnique */
  fewUnique: boolean;
}

/**
 * Per-column data checks in the spirit of COINr `get_stats`: availability, zero share,
 * unique share, skewness, kurtosis and the skew–kurtosis outlier flag.
 *
 * Skewness is the adjusted Fisher–Pearson G1 = n√(n−1) Σd³ / ((n−2)(Σd²)^{3/2}) and kurtosis
 * the sample excess kurtosis G2 (simple-statistics `sampleSkewness`/`sampleKurtosis`); these
 * equal COINr `skew`/`kurt`, e1071 type 2 and Excel SKEW/KURT. Missing values (NaN) are left
 * out of every statistic except availability; zero and unique shares are over available
 * values (COINr's flags divide by all rows instead). A flag is false when its statistic is NaN.
 *
 * @param matrix rows = units, columns = indicators; NaN = missing
 * @param options thresholds (defaults tSkew 2, tKurt 3.5, tAvail 0.65, tZero 0.5, tUnique 0.5)
 * @returns one diagnostic per column
 * @throws MeasureError `E_MEASURE_INPUT` on an empty/ragged matrix or a non-finite value
 * @example
 * indicatorDiagnostics([[0], [0], [0], [0], [1]])[0];
 * // => { column: 0, available: 5, availability: 1, zeroShare: 0.8, uniqueShare: 0.4,
 * //      skewness: 2.2360679774997894, kurtosis: 5, outlier: true, lowAvailability: false,
 * //      manyZeros: true, fewUnique: true }
 */
export function indicatorDiagnostics(
  matrix: readonly (readonly number[])[],
  options: DiagnosticsOptions = {},
): IndicatorDiagnostic[] {
  const { tSkew = 2, tKurt = 3.5, tAvail = 0.65, tZero = 0.5, tUnique = 0.5 } = options;
  const { rows, cols } = checkMatrix('indicatorDiagnostics', matrix);
  return Array.from({ length: cols }, (_, j) => {
    const values = columnValues(matrix, j);
    const available = values.length;
    const zeros = values.filter((v) => v === 0).length;
    const unique = new Set(values).size;
    const spread = unique > 1;
    const skewness = available >= 3 && spread ? sampleSkewness(values) : NaN;
    const kurtosis = available >= 4 && spread ? sampleKurtosis(values) : NaN;
    const availability = available / rows;
    const zeroShare = available > 0 ? zeros / available : NaN;
    const uniqueShare = available > 0 ? unique / available : NaN;
    return {
      column: j,
      available,
      availability,
      zeroShare,
      uniqueShare,
      skewness,
      kurtosis,
      outlier: Math.abs(skewness) > tSkew && kurtosis > tKurt,
      lowAvailability: availability < tAvail,
      manyZeros: 1 - zeroShare < tZero,
      fewUnique: uniqueShare < tUnique,
    };
  });
}
