import { measureError } from '../measure-error.js';
import { checkSeries } from './internal/check-series.js';
import { normalSf } from './normal-sf.js';
import { sensSlope } from './sens-slope.js';

/** Result of {@link mannKendall} (field names follow pyMannKendall `original_test`). */
export interface MannKendallResult {
  trend: 'increasing' | 'decreasing' | 'no trend';
  /** True when the trend is significant: p < alpha. */
  h: boolean;
  /** Two-sided p-value 2·P(Z > |z|). */
  p: number;
  /** (S − sign(S))/√Var(S), 0 when S = 0. */
  z: number;
  /** Kendall's tau S/(n(n − 1)/2). */
  tau: number;
  /** Mann–Kendall score S = Σ_{i<j} sign(xⱼ − xᵢ). */
  s: number;
  /** Var(S) = [n(n−1)(2n+5) − Σ tₖ(tₖ−1)(2tₖ+5)]/18 over tie groups tₖ. */
  varS: number;
  /** Number of non-missing values used. */
  n: number;
  /** Sen's slope per time slot (missing values keep their slot), see `sensSlope`. */
  slope: number;
  /** Sen's intercept, see `sensSlope`. */
  intercept: number;
}

/**
 * Mann–Kendall trend test as pyMannKendall `original_test`: missing values (null, NaN) are
 * dropped, Var(S) is corrected for ties, z uses the continuity correction, p is two-sided,
 * tau = S/(n(n − 1)/2), and Sen's slope/intercept are added.
 *
 * pyMannKendall declares a trend when |z| > Φ⁻¹(1 − α/2); here when p < α, the same
 * condition.
 *
 * @param values the series in time order; missing values as null or NaN
 * @param options `{ alpha = 0.05 }`: significance level in (0, 1)
 * @returns see {@link MannKendallResult}
 * @throws MeasureError `E_MEASURE_INPUT` for fewer than 2 non-missing values, infinite values,
 *   or alpha outside (0, 1)
 * @example
 * mannKendall([1, 2, 3, 4, 5]).p; // => 0.027486336111510346
 */
export function mannKendall(values: readonly (number | null)[], options: { alpha?: number } = {}): MannKendallResult {
  const { alpha = 0.05 } = options;
  if (typeof alpha !== 'number' || !(alpha > 0 && alpha < 1)) {
    throw measureError('mannKendall', `alpha must be a number between 0 and 1, got ${String(alpha)}`);
  }
  const { values: all, present } = checkSeries('mannKendall', values);
  const x = present.map((i) => all[i]);
  const n = x.length;
  if (n < 2) {
    throw measureError('mannKendall', `needs at least 2 non-missing values, got ${n}`);
  }
  let s = 0;
  for (let i = 0; i < n - 1; i++) {
    for (let j = i + 1; j < n; j++) s += Math.sign(x[j] - x[i]);
  }
  const ties = new Map<number, number>();
  for (const v of x) ties.set(v, (ties.get(v) ?? 0) + 1);
  let tieTerm = 0;
  for (const t of ties.values()) tieTerm += t * (t - 1) * (2 * t + 5);
  const varS = (n * (n - 1) * (2 * n + 5) - tieTerm) / 18;
  const z = s > 0 ? (s - 1) / Math.sqrt(varS) : s < 0 ? (s + 1) / Math.sqrt(varS) : 0;
  const p = Math.min(1, 2 * normalSf(Math.abs(z)));
  const h = p < alpha;
  const trend = !h ? 'no trend' : z > 0 ? 'increasing' : 'decreasing';
  const { slope, intercept } = sensSlope(values);
  return { trend, h, p, z, tau: s / ((n * (n - 1)) / 2), s, varS, n, slope, intercept };
}
