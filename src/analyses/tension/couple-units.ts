import { coordinationClass } from '../../measures/coupling/coordination-class.js';
import { couplingCoordination } from '../../measures/coupling/coupling-coordination.js';

/** Scores closer than this count as equal (nothing lags): differences of rounding, not of development. */
export const EQUAL_SCORES = 1e-12;

/** The coupling step's result for one unit. */
export interface CoupledUnit {
  /** Coupling degree C on [0, 1] (NaN when a subsystem score is missing). */
  C: number;
  /** Comprehensive coordination index T = Σ w_k U_k. */
  T: number;
  /** Coupling coordination degree D = √(C·T). */
  D: number;
  /** Tension = 1 − D. */
  tension: number;
  /** The ten-class label of D (null when D is missing). */
  class: { index: number; zh: string; en: string } | null;
  /** Index of the lagging subsystem (the lowest U); null when all are equal (within {@link EQUAL_SCORES}) or any is missing. */
  lagging: number | null;
  /** max U − min U (NaN when any is missing). */
  gap: number;
}

/** Options of {@link coupleUnits}. */
export interface CoupleUnitsOptions {
  /** Contribution weights in T (α, β, …), summing to 1; default equal. */
  weights?: readonly number[];
  /** `standard` (default) or `modified` (Wang et al. 2021). */
  variant?: 'standard' | 'modified';
}

/**
 * The coupling step of the tension analysis, for many units at once: for each unit's
 * subsystem scores U (two for a tension; any n ≥ 2 works) the coupling C, coordination
 * T = Σ w_k U_k, coupling coordination D = √(C·T) (`couplingCoordination`), tension = 1 − D,
 * the ten-class label of D (`coordinationClass`), which subsystem lags (the lowest U; none
 * when the scores differ by at most 1e-12, a rounding difference) and the gap max U − min U. Edge cases are defined, never NaN: U1 = U2 > 0 → C = 1; any U = 0 →
 * C = D = 0, tension 1; a missing U gives NaN numbers and no class (so a panel can carry on).
 *
 * @param scores units × subsystems, each on [0, 1] or NaN
 * @param options T weights (default equal) and coupling variant
 * @returns one result per unit
 * @throws MeasureError E_MEASURE_INPUT for a score outside [0, 1] or bad weights
 * @example
 * coupleUnits([[0.36, 0.64]])[0];
 * // => { C: 0.96, T: 0.5, D: 0.6928…, tension: 0.3071…, class: { index: 6, zh: '初级协调', en: 'primary coordination' }, lagging: 0, gap: 0.28 }
 */
export function coupleUnits(scores: readonly (readonly number[])[], options: CoupleUnitsOptions = {}): CoupledUnit[] {
  return scores.map((u) => {
    const r = couplingCoordination(u, { weights: options.weights, variant: options.variant ?? 'standard' });
    const { C, T } = r;
    if (Number.isNaN(r.D)) return { C, T, D: NaN, tension: NaN, class: null, lagging: null, gap: NaN };
    // T can exceed 1 by a rounding ulp when the weights sum to 1 ± ε: keep D on [0, 1]
    const D = Math.min(1, r.D);
    const min = Math.min(...u);
    const max = Math.max(...u);
    return {
      C,
      T,
      D,
      tension: 1 - D,
      class: coordinationClass(D),
      lagging: max - min > EQUAL_SCORES ? u.indexOf(min) : null,
      gap: max - min,
    };
  });
}
