import { LAYER_IDS, type IndicatorDef, type LayerId } from '../../domain/framework/framework.js';
import { obstacleByGroup } from '../../measures/composite/obstacle-by-group.js';
import { obstacleDegree } from '../../measures/composite/obstacle-degree.js';

/** One of a unit's top obstacles. */
export interface TopObstacle {
  indicator: string;
  layer: LayerId;
  /** O_ij = w_j(1 − x′_ij) / Σ_k w_k(1 − x′_ik), on [0, 1]. */
  degree: number;
}

/** Obstacles of every unit. */
export interface UnitObstacles {
  /** Per unit: up to `top` indicators with the largest positive obstacle degree. */
  top: TopObstacle[][];
  /** Per unit and layer: the sum of the layer's obstacle degrees (NaN when none is available). */
  layers: Record<LayerId, number>[];
}

/**
 * Obstacle degree per unit on a [0, 1] normalised matrix (1 = best): factor contribution w_j,
 * deviation 1 − x′_ij, scaled so that each unit's degrees add up to 1; the `top` largest per
 * unit (ties: framework order) and their sums per layer.
 *
 * @param matrix01 units × indicators on [0, 1]; NaN = missing
 * @param weights one per indicator (all 0 → no obstacles)
 * @param indicators the indicators (ids and layers)
 * @param top how many to keep per unit (default 3)
 * @returns top obstacles and layer sums per unit
 * @example
 * unitObstacles([[0.5, 1, 0]], [0.5, 0.25, 0.25], inds).top[0];
 * // => [{ indicator: 'a', layer: 'composition', degree: 0.5 }, { indicator: 'c', layer: 'output', degree: 0.5 }]
 */
export function unitObstacles(
  matrix01: readonly (readonly number[])[],
  weights: readonly number[],
  indicators: readonly IndicatorDef[],
  top = 3,
): UnitObstacles {
  const emptyLayers = () => Object.fromEntries(LAYER_IDS.map((l) => [l, NaN])) as Record<LayerId, number>;
  if (!weights.some((w) => w > 0) || matrix01.length === 0)
    return { top: matrix01.map(() => []), layers: matrix01.map(emptyLayers) };
  const o = obstacleDegree(matrix01, weights);
  const byLayer = obstacleByGroup(
    o,
    indicators.map((i) => i.layer),
  );
  return {
    top: o.map((row) =>
      row
        .map((degree, j) => ({ indicator: indicators[j].id, layer: indicators[j].layer, degree, j }))
        .filter((x) => x.degree > 0)
        .sort((a, b) => b.degree - a.degree || a.j - b.j)
        .slice(0, top)
        .map(({ indicator, layer, degree }) => ({ indicator, layer, degree })),
    ),
    layers: byLayer.values.map((row) => {
      const out = emptyLayers();
      byLayer.groups.forEach((g, k) => (out[g as LayerId] = row[k]));
      return out;
    }),
  };
}
