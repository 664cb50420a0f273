import { median } from 'simple-statistics';
import { SoqaError } from '../../core/soqa-error.js';
import * as msg from '../../core/messages/index.js';
import type { IndicatorDef } from '../../domain/framework/framework.js';
import { criticWeights } from '../../measures/composite/critic-weights.js';
import { entropyWeights } from '../../measures/composite/entropy-weights.js';
import type { Weighting } from './indicator-options.js';

/** Weights of the kept indicators plus the per-indicator quantities of the scheme. */
export interface PanelWeights {
  /** One weight per indicator, summing to 1 (all 0 when no indicator has spread). */
  weights: number[];
  /** Entropy e_j (entropy weighting only). */
  entropy?: number[];
  /** Divergence d_j = 1 − e_j (entropy weighting only). */
  divergence?: number[];
  /** CRITIC contrast σ_j and conflict Σ(1 − r) (CRITIC only). */
  dispersion?: number[];
  conflict?: number[];
}

/**
 * Median of each column over its available values (NaN for a column without any).
 *
 * @param matrix rows × columns, NaN = missing
 * @returns one median per column
 * @example
 * columnMedians([[1, NaN], [3, 4]]); // => [2, 4]
 */
export function columnMedians(matrix: readonly (readonly number[])[]): number[] {
  const cols = matrix[0]?.length ?? 0;
  return Array.from({ length: cols }, (_, j) => {
    const v = matrix.map((r) => r[j]).filter((x) => !Number.isNaN(x));
    return v.length ? median(v) : NaN;
  });
}

/**
 * Replace each missing value by the given value of its column (for the measures that need
 * complete rows: CRITIC and TOPSIS).
 *
 * @param matrix rows × columns, NaN = missing
 * @param fill one value per column (default: the column medians of `matrix`)
 * @returns a copy with NaN replaced, and how many cells were imputed
 * @example
 * imputeColumnMedian([[1, NaN], [3, 4]]); // => { matrix: [[1, 4], [3, 4]], imputed: 1 }
 */
export function imputeColumnMedian(
  matrix: readonly (readonly number[])[],
  fill: readonly number[] = columnMedians(matrix),
): { matrix: number[][]; imputed: number } {
  let imputed = 0;
  const out = matrix.map((r) =>
    r.map((x, j) => {
      if (!Number.isNaN(x) || Number.isNaN(fill[j])) return x;
      imputed++;
      return fill[j];
    }),
  );
  return { matrix: out, imputed };
}

/**
 * Weights of a panel's indicators under a scheme. Computed on the region-years of a [0, 1]
 * normalised matrix (the province total excluded). `entropy`: entropy method with the given
 * shift; `critic`: CRITIC on the matrix with missing values imputed by the column median;
 * `equal`: 1/m; `manual`: the framework's weights rescaled to sum to 1. In every scheme a
 * constant indicator gets weight 0 (the others are rescaled), never NaN.
 *
 * @param scheme the weighting scheme
 * @param matrix01 region-years × indicators on [0, 1]; NaN = missing
 * @param indicators the kept indicators (manual weights)
 * @param options.constant per indicator: true when it has no spread
 * @param options.shift the entropy shift
 * @returns the weights and the scheme's per-indicator quantities
 * @throws SoqaError E_BAD_OPTION (exit 3) for manual weighting with a weight missing or all 0
 * @example
 * panelWeights('equal', m, inds, { constant: [false, true, false], shift: 0 }).weights; // => [0.5, 0, 0.5]
 */
export function panelWeights(
  scheme: Weighting,
  matrix01: readonly (readonly number[])[],
  indicators: readonly IndicatorDef[],
  { constant, shift }: { constant: readonly boolean[]; shift: number },
): PanelWeights {
  const m = indicators.length;
  const finish = (w: number[]): number[] => {
    const masked = w.map((x, j) => (constant[j] ? 0 : x));
    const total = masked.reduce((a, b) => a + b, 0);
    return total > 0 ? masked.map((x) => x / total) : masked.map(() => 0);
  };
  if (m === 0) return { weights: [] };
  if (scheme === 'manual') {
    const missing = indicators.filter((i) => i.weight === undefined).map((i) => i.id);
    if (missing.length) throw new SoqaError('E_BAD_OPTION', msg.manualWeightsMissing(missing));
    const w = indicators.map((i) => i.weight!);
    if (!w.some((x, j) => x > 0 && !constant[j]) && constant.some((c) => !c))
      throw new SoqaError('E_BAD_OPTION', msg.manualWeightsZero());
    return { weights: finish(w) };
  }
  if (scheme === 'equal' || matrix01.length === 0) return { weights: finish(indicators.map(() => 1)) };
  if (scheme === 'entropy') {
    const r = entropyWeights(matrix01, { shift, alreadyNormalized: true });
    return { weights: finish(r.weights), entropy: r.entropy, divergence: r.divergence };
  }
  const r = criticWeights(imputeColumnMedian(matrix01).matrix);
  return { weights: finish(r.weights), dispersion: r.dispersion, conflict: r.conflict };
}
