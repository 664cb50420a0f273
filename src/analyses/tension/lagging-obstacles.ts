import { obstacleDegree } from '../../measures/composite/obstacle-degree.js';

/** One indicator's obstacle degree inside a subsystem. */
export interface SubsystemObstacle {
  indicator: string;
  /** O_ij = w_j(1 − x′_ij) / Σ_k w_k(1 − x′_ik) over the subsystem's indicators, on [0, 1]. */
  degree: number;
}

/**
 * Obstacle degrees of a subsystem's indicators for the units where that subsystem lags:
 * factor contribution w_j (the weight inside the subsystem), deviation 1 − x′_ij on the
 * subsystem's [0, 1] normalised matrix, scaled so that a unit's degrees add up to 1
 * (`obstacleDegree`). Per unit, the indicators with a positive degree, largest first (ties:
 * subsystem order); units where the subsystem does not lag, or at the ideal on every
 * indicator, get an empty list.
 *
 * @param matrix01 units × the subsystem's indicators on [0, 1]; NaN = missing
 * @param weights the subsystem's weights (all 0 → no obstacles)
 * @param ids the indicator ids, one per column
 * @param lags per unit: true where this subsystem is the lagging one
 * @returns per unit, its obstacles largest first
 * @example
 * laggingObstacles([[0.5, 1, 0]], [0.5, 0.25, 0.25], ['a', 'b', 'c'], [true])[0];
 * // => [{ indicator: 'a', degree: 0.5 }, { indicator: 'c', degree: 0.5 }]
 */
export function laggingObstacles(
  matrix01: readonly (readonly number[])[],
  weights: readonly number[],
  ids: readonly string[],
  lags: readonly boolean[],
): SubsystemObstacle[][] {
  const empty = matrix01.map((): SubsystemObstacle[] => []);
  if (!weights.some((w) => w > 0) || ids.length === 0 || !lags.some(Boolean)) return empty;
  const rows = matrix01.map((row, i) => (lags[i] ? row : row.map(() => NaN)));
  const o = obstacleDegree(rows, weights);
  return o.map((row, i) =>
    !lags[i]
      ? []
      : row
          .map((degree, j) => ({ indicator: ids[j], degree, j }))
          .filter((x) => x.degree > 0)
          .sort((a, b) => b.degree - a.degree || a.j - b.j)
          .map(({ indicator, degree }) => ({ indicator, degree })),
  );
}
