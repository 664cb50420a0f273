import { sampleCorrelation } from 'simple-statistics';
import { checkMatrix } from './internal/check-matrix.js';
import { measureError } from '../measure-error.js';

/** One highly correlated pair of indicators in the same group. */
export interface CorrelationFlag {
  /** the group both columns belong to */
  group: string;
  /** first column index (i < j) */
  i: number;
  /** second column index */
  j: number;
  /** Pearson correlation over the units where both are available */
  r: number;
  /** number of units used */
  n: number;
}

/**
 * Flag pairs of indicators within the same group (e.g. the same layer or dimension) whose
 * Pearson correlation exceeds the threshold in absolute value (COINr's collinearity check:
 * two near-duplicate indicators double-count one aspect).
 *
 * Correlations use the units where both columns are available (pairwise deletion). A pair
 * with fewer than 3 such units, or with a constant column among them, has no defined
 * correlation and is never flagged.
 *
 * @param matrix rows = units, columns = indicators; NaN = missing
 * @param groups the group of each column, one entry per column
 * @param threshold flag when |r| > threshold (default 0.9)
 * @returns flagged pairs, ordered by i then j
 * @throws MeasureError `E_MEASURE_INPUT` on an empty/ragged matrix, a non-finite value, a
 *   `groups` of the wrong length or a threshold outside [0, 1]
 * @example
 * correlationFlags([[1, 2, 5], [2, 4, 1], [3, 7, 4]], ['A', 'A', 'A']);
 * // => [{ group: 'A', i: 0, j: 1, r: 0.9933992677987828, n: 3 }]
 */
export function correlationFlags(
  matrix: readonly (readonly number[])[],
  groups: readonly string[],
  threshold = 0.9,
): CorrelationFlag[] {
  const name = 'correlationFlags';
  const { cols } = checkMatrix(name, matrix);
  if (!Array.isArray(groups) || groups.length !== cols) {
    throw measureError(
      name,
      `expected ${cols} groups (one per indicator), got ${Array.isArray(groups) ? groups.length : 0}`,
    );
  }
  if (typeof threshold !== 'number' || !(threshold >= 0 && threshold <= 1)) {
    throw measureError(name, `threshold must be in [0, 1], got ${String(threshold)}`);
  }
  const flags: CorrelationFlag[] = [];
  for (let i = 0; i < cols; i++) {
    for (let j = i + 1; j < cols; j++) {
      if (groups[i] !== groups[j]) continue;
      const x: number[] = [];
      const y: number[] = [];
      for (const row of matrix) {
        if (Number.isNaN(row[i]) || Number.isNaN(row[j])) continue;
        x.push(row[i]);
        y.push(row[j]);
      }
      if (x.length < 3 || x.every((v) => v === x[0]) || y.every((v) => v === y[0])) continue;
      const r = sampleCorrelation(x, y);
      if (Math.abs(r) > threshold) flags.push({ group: groups[i], i, j, r, n: x.length });
    }
  }
  return flags;
}
