import { sampleCorrelation, sampleStandardDeviation } from 'simple-statistics';
import { entropyWeights } from './entropy-weights.js';
import { checkMatrix } from './internal/check-matrix.js';
import { measureError } from '../measure-error.js';

/** Options of {@link criticWeights}. */
export interface CriticOptions {
  /**
   * contrast intensity of a column (default `'sd'`): `'sd'` is the sample standard deviation
   * (n − 1 denominator, as pyrepo-mcda, pymcdm and R `sd`); `'entropy'` is the mathmodels
   * variant 1 − e_j, with e_j the entropy of the column after exact 0 → 0.002 and
   * exact 1 → 0.998 (correlations still use the unmodified matrix)
   */
  dispersion?: 'sd' | 'entropy';
}

/** Result of {@link criticWeights}. */
export interface CriticResult {
  /** w_j = C_j / Σ C_k; sums to 1 */
  weights: number[];
  /** contrast intensity per column (σ_j, or 1 − e_j for the entropy variant) */
  dispersion: number[];
  /** conflict per column Σ_k (1 − r_jk) */
  conflict: number[];
  /** information C_j = dispersion_j × conflict_j */
  information: number[];
}

/**
 * CRITIC weights (Diakoulaki et al. 1995): C_j = σ_j × Σ_k (1 − r_jk), w_j = C_j / Σ C_k,
 * with σ_j the sample standard deviation of column j and r_jk the Pearson correlation.
 *
 * Pass a normalised matrix (e.g. `minMaxNormalize` output); directions are not applied here.
 * Missing values are not allowed (impute or drop the unit first). Defined edge cases, never
 * NaN: a constant column has σ = 0, hence C = 0 and weight 0, and its correlation with any
 * other column is taken as 0; with a single unit, or when every C_j is 0, the weights fall
 * back to equal weights 1/m.
 *
 * @param normalizedMatrix rows = units, columns = indicators; no NaN
 * @param options `dispersion` (default `'sd'`)
 * @returns weights plus the dispersion, conflict and information of each column
 * @throws MeasureError `E_MEASURE_INPUT` on an empty/ragged matrix, a missing or non-finite value
 * @example
 * criticWeights([[0, 0, 1], [0.5, 1, 0], [1, 0.5, 0.5]]).weights;
 * // => [0.25, 0.3125, 0.4375]
 */
export function criticWeights(
  normalizedMatrix: readonly (readonly number[])[],
  options: CriticOptions = {},
): CriticResult {
  const name = 'criticWeights';
  const { dispersion: kind = 'sd' } = options;
  if (kind !== 'sd' && kind !== 'entropy')
    throw measureError(name, `dispersion must be 'sd' or 'entropy', got ${String(kind)}`);
  const { rows, cols } = checkMatrix(name, normalizedMatrix, { allowNaN: false });
  const columns = Array.from({ length: cols }, (_, j) => normalizedMatrix.map((row) => row[j]));
  const constant = columns.map((c) => c.every((v) => v === c[0]));
  let dispersion: number[];
  if (rows < 2) dispersion = columns.map(() => 0);
  else if (kind === 'sd') dispersion = columns.map((c, j) => (constant[j] ? 0 : sampleStandardDeviation(c)));
  else {
    const clamped = normalizedMatrix.map((row) => row.map((v) => (v === 0 ? 0.002 : v === 1 ? 0.998 : v)));
    dispersion = entropyWeights(clamped).divergence;
  }
  const conflict = columns.map((cj, j) => {
    let s = 0;
    for (let k = 0; k < cols; k++) {
      if (k === j) continue;
      const r = rows < 2 || constant[j] || constant[k] ? 0 : sampleCorrelation(cj, columns[k]);
      s += 1 - r;
    }
    return s;
  });
  const information = dispersion.map((d, j) => d * conflict[j]);
  const total = information.reduce((a, b) => a + b, 0);
  const weights = total > 0 ? information.map((c) => c / total) : information.map(() => 1 / cols);
  return { weights, dispersion, conflict, information };
}
