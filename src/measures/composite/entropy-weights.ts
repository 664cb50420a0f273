import { checkMatrix } from './internal/check-matrix.js';
import { columnValues } from './internal/column-values.js';
import { measureError } from '../measure-error.js';

/** Options of {@link entropyWeights}. */
export interface EntropyOptions {
  /**
   * amount added to every available value before p is formed (many Chinese papers add
   * 0.0001 to a min–max normalised matrix so that no p is 0). Default 0: no shift, and
   * 0·ln 0 is taken as 0.
   */
  shift?: number;
  /**
   * declare that the matrix is already normalised onto [0, 1] (e.g. by `minMaxNormalize`);
   * a value above 1 then throws instead of being used silently. Default false: any
   * non-negative matrix is accepted and p is formed on it as given ("raw-sum" convention of
   * pyrepo-mcda/pymcdm). This function never normalises by itself.
   */
  alreadyNormalized?: boolean;
}

/** Result of {@link entropyWeights}. */
export interface EntropyResult {
  /** w_j = d_j / Σ d_j; sums to 1 */
  weights: number[];
  /** e_j on [0, 1] */
  entropy: number[];
  /** d_j = 1 − e_j (degree of divergence) */
  divergence: number[];
  /**
   * columns that carry no information and get e = 1, d = 0, w = 0 by rule: constant columns
   * (including all-zero ones) and columns with fewer than two available values
   */
  zeroColumns: number[];
}

/**
 * Entropy weight method: p_ij = x_ij / Σ_i x_ij, e_j = −(1/ln n_j) Σ_i p_ij ln p_ij
 * (0·ln 0 = 0), d_j = 1 − e_j, w_j = d_j / Σ_k d_k.
 *
 * The matrix is used as given (normalise it first with `minMaxNormalize` for the usual
 * Chinese-paper method; pass raw non-negative data for the raw-sum MCDM convention).
 * Missing values (NaN) are left out of their column: n_j is the number of available values
 * in column j. Defined edge cases, never NaN: a constant or all-zero column, or one with
 * fewer than two available values (so also a single-unit matrix), gets e = 1, d = 0, w = 0
 * and is listed in `zeroColumns`; when every column has d = 0 (e.g. one unit, or every
 * column constant) the weights fall back to equal weights 1/m.
 *
 * @param matrix rows = units, columns = indicators; non-negative; NaN = missing
 * @param options `shift` (default 0), `alreadyNormalized` (default false)
 * @returns weights, entropy, divergence and the zero-information columns
 * @throws MeasureError `E_MEASURE_INPUT` on an empty/ragged matrix, a negative or non-finite
 *   value, a value above 1 with `alreadyNormalized`, or a negative/non-finite shift
 * @example
 * entropyWeights([[1, 0.5], [0, 0.5]]);
 * // => { weights: [1, 0], entropy: [0, 1], divergence: [1, 0], zeroColumns: [1] }
 */
export function entropyWeights(matrix: readonly (readonly number[])[], options: EntropyOptions = {}): EntropyResult {
  const name = 'entropyWeights';
  const { shift = 0, alreadyNormalized = false } = options;
  if (typeof shift !== 'number' || !Number.isFinite(shift) || shift < 0) {
    throw measureError(name, `shift must be a finite number >= 0, got ${String(shift)}`);
  }
  const { cols } = checkMatrix(name, matrix, { nonNegative: true });
  if (alreadyNormalized) {
    matrix.forEach((row, i) =>
      row.forEach((v, j) => {
        if (v > 1)
          throw measureError(
            name,
            `value at row ${i}, column ${j} is ${v} > 1 although alreadyNormalized is set; normalise the matrix first`,
          );
      }),
    );
  }
  const entropy: number[] = [];
  const divergence: number[] = [];
  const zeroColumns: number[] = [];
  for (let j = 0; j < cols; j++) {
    const values = columnValues(matrix, j);
    const n = values.length;
    const constant = values.every((v) => v === values[0]);
    if (n < 2 || constant) {
      entropy.push(1);
      divergence.push(0);
      zeroColumns.push(j);
      continue;
    }
    const shifted = values.map((v) => v + shift);
    const total = shifted.reduce((a, b) => a + b, 0);
    let s = 0;
    for (const v of shifted) {
      const p = v / total;
      if (p > 0) s += p * Math.log(p);
    }
    const e = s === 0 ? 0 : Math.min(1, -s / Math.log(n));
    entropy.push(e);
    divergence.push(1 - e);
  }
  const dSum = divergence.reduce((a, b) => a + b, 0);
  const weights = dSum > 0 ? divergence.map((d) => d / dSum) : divergence.map(() => 1 / cols);
  return { weights, entropy, divergence, zeroColumns };
}
