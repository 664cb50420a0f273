import { checkValues } from './internal/check-values.js';

/** The three forms of the Herfindahl–Hirschman index returned by {@link hhi}. */
export interface HhiResult {
  /** Σ sᵢ² over shares sᵢ = xᵢ/Σx, in [1/n, 1] (R ineq `Herfindahl`, REAT `herf`). */
  hhi: number;
  /**
   * (H − 1/n)/(1 − 1/n), in [0, 1] (REAT `herf(coefnorm = TRUE)`); NaN for a single unit,
   * where concentration cannot vary.
   */
  normalized: number;
  /** 1/H: the number of equal-sized units that would give the same H. */
  numbersEquivalent: number;
}

/**
 * Herfindahl–Hirschman concentration index on shares (0–1 scale, not the 0–10 000 scale).
 *
 * @param values non-negative sizes (e.g. organizations per region), not all 0
 * @returns `{ hhi, normalized, numbersEquivalent }`, see {@link HhiResult}
 * @throws MeasureError `E_MEASURE_INPUT` for empty input, negative or non-finite values, or a
 *   zero sum
 * @example
 * hhi([20, 50, 20, 10]); // => { hhi: 0.34, normalized: 0.12000000000000004, numbersEquivalent: 2.941176470588235 }
 */
export function hhi(values: readonly number[]): HhiResult {
  const total = checkValues('hhi', values, { positiveSum: true });
  const n = values.length;
  // Σ sᵢ² = Σ xᵢ² / (Σ x)²: exact for integer counts of moderate size.
  let squares = 0;
  for (const v of values) squares += v * v;
  const h = squares / (total * total);
  return {
    hhi: h,
    normalized: n === 1 ? Number.NaN : (h - 1 / n) / (1 - 1 / n),
    numbersEquivalent: 1 / h,
  };
}
