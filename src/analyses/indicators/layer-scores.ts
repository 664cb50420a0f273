import { LAYER_IDS, type IndicatorDef, type LayerId } from '../../domain/framework/framework.js';
import { weightedSum } from '../../measures/composite/weighted-sum.js';

/** Layer scores and composite of every unit. */
export interface LayerScores {
  /** Per layer id: one score per unit (NaN when the layer has no weight or no value). */
  layers: Record<LayerId, number[]>;
  /** Per layer id: the layer's share of the total weight, W_L = Σ_{j∈L} w_j. */
  layerWeights: Record<LayerId, number>;
  /** Composite Σ_j w_j x′_ij, one per unit. */
  composite: number[];
}

/**
 * Layer scores S_L = Σ_{j∈L} w_j x′_ij / W_L (within-layer weights rescaled to sum to 1, so a
 * layer score is on the scale of the normalised values) and the composite Σ_j w_j x′_ij
 * (= Σ_L W_L S_L when nothing is missing). Missing values: the available weights of the unit are
 * scaled up (`weightedSum` `reweight`); a unit with no available indicator of positive weight
 * gets NaN.
 *
 * @param matrix units × indicators, normalised
 * @param weights one per indicator, summing to 1 (or all 0)
 * @param indicators the indicators (their layers)
 * @returns layer scores, layer weights and composite
 * @example
 * layerScores([[1, 0]], [0.5, 0.5], [compositionInd, outputInd]).composite; // => [0.5]
 */
export function layerScores(
  matrix: readonly (readonly number[])[],
  weights: readonly number[],
  indicators: readonly IndicatorDef[],
): LayerScores {
  const nan = () => matrix.map(() => NaN);
  const layers = {} as Record<LayerId, number[]>;
  const layerWeights = {} as Record<LayerId, number>;
  for (const layer of LAYER_IDS) {
    const cols = indicators.map((ind, j) => (ind.layer === layer ? j : -1)).filter((j) => j >= 0);
    const w = cols.map((j) => weights[j]);
    const total = w.reduce((a, b) => a + b, 0);
    layerWeights[layer] = total;
    layers[layer] =
      total > 0
        ? weightedSum(
            matrix.map((row) => cols.map((j) => row[j])),
            w.map((x) => x / total),
            { missing: 'reweight' },
          )
        : nan();
  }
  const any = weights.some((w) => w > 0);
  const composite = any && matrix.length ? weightedSum(matrix, weights, { missing: 'reweight' }) : nan();
  return { layers, layerWeights, composite };
}
