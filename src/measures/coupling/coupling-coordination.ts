import { measureError } from '../measure-error.js';

/** Options of {@link couplingCoordination}. */
export interface CouplingOptions {
  /**
   * contribution weights of the subsystems in T (α, β, …), non-negative and summing to 1
   * (default equal, 1/n each)
   */
  weights?: readonly number[];
  /**
   * coupling formula (default `'standard'`): `'standard'` C = n·(Π U_i)^{1/n} / Σ U_i
   * (for two subsystems 2√(U1U2)/(U1 + U2)); `'modified'` is Wang Shujia et al. (2021),
   * C = sqrt([1 − mean_{i<j} |U_i − U_j|] · [Π_i (U_i / max U)]^{1/(n−1)}), which spreads C
   * over [0, 1] instead of bunching it near 1
   */
  variant?: 'standard' | 'modified';
}

/** Result of {@link couplingCoordination}. */
export interface CouplingResult {
  /** coupling degree C on [0, 1] */
  C: number;
  /** comprehensive coordination index T = Σ w_i U_i */
  T: number;
  /** coupling coordination degree D = √(C·T) */
  D: number;
}

/**
 * Coupling coordination degree of n ≥ 2 subsystems with scores U_i on [0, 1] (e.g. the
 * composite scores of "composition", "function" and "output" of one region-year):
 * coupling C, coordination T = Σ w_i U_i and D = √(C·T).
 *
 * Defined edge cases, never NaN: all U equal and positive → C = 1 exactly; any U = 0 →
 * C = 0 and D = 0; all U = 0 → C = 0, T = 0, D = 0. C is clamped to [0, 1] against rounding.
 * A missing score (NaN) gives C = T = D = NaN, so that a batch over many units can carry on.
 *
 * @param subsystemScores U_1..U_n, each on [0, 1] or NaN; n ≥ 2
 * @param options `weights` (default equal), `variant` (default `'standard'`)
 * @returns C, T and D
 * @throws MeasureError `E_MEASURE_INPUT` with fewer than two scores, a score outside [0, 1],
 *   weights of the wrong length, negative or not summing to 1, or an unknown variant
 * @example
 * couplingCoordination([0.36, 0.64]);
 * // => { C: 0.96, T: 0.5, D: 0.6928203230275509 }
 */
export function couplingCoordination(
  subsystemScores: readonly number[],
  options: CouplingOptions = {},
): CouplingResult {
  const name = 'couplingCoordination';
  const { variant = 'standard' } = options;
  if (variant !== 'standard' && variant !== 'modified') {
    throw measureError(name, `variant must be 'standard' or 'modified', got ${String(variant)}`);
  }
  if (!Array.isArray(subsystemScores) || subsystemScores.length < 2) {
    throw measureError(
      name,
      `need the scores of at least two subsystems, got ${Array.isArray(subsystemScores) ? subsystemScores.length : 0}`,
    );
  }
  const u = subsystemScores;
  const n = u.length;
  u.forEach((x, i) => {
    if (typeof x !== 'number' || (!Number.isNaN(x) && !(x >= 0 && x <= 1))) {
      throw measureError(
        name,
        `subsystem score ${i} must be in [0, 1], got ${String(x)}; normalise the subsystem scores first`,
      );
    }
  });
  const weights = options.weights ?? u.map(() => 1 / n);
  if (!Array.isArray(weights) || weights.length !== n) {
    throw measureError(
      name,
      `expected ${n} weights (one per subsystem), got ${Array.isArray(weights) ? weights.length : 0}`,
    );
  }
  let wSum = 0;
  weights.forEach((w, i) => {
    if (typeof w !== 'number' || !Number.isFinite(w) || w < 0)
      throw measureError(name, `weight ${i} must be a finite number >= 0, got ${String(w)}`);
    wSum += w;
  });
  if (Math.abs(wSum - 1) > 1e-9) throw measureError(name, `weights must sum to 1, got ${wSum}`);
  return coordinationOf(u, weights, variant);
}

/**
 * The formulas of {@link couplingCoordination} without its checks of the inputs, for loops
 * that call it many times on inputs checked once (a Monte Carlo over valid weights and
 * scores clamped onto [0, 1]): the same numbers, computed the same way.
 *
 * @param u U_1..U_n, each on [0, 1] or NaN; n ≥ 2 (not checked)
 * @param weights one non-negative weight per score, summing to 1 (not checked)
 * @param variant the coupling formula
 * @returns C, T and D
 * @example
 * coordinationOf([0.25, 1], [0.5, 0.5], 'standard');
 * // => { C: 0.8, T: 0.625, D: √0.5 ≈ 0.7071 } (C = 2√(0.25 · 1) / 1.25, up to rounding)
 */
export function coordinationOf(
  u: readonly number[],
  weights: readonly number[],
  variant: 'standard' | 'modified',
): CouplingResult {
  const n = u.length;
  // plain loops (no closures: a Monte Carlo calls this for every unit and run); sums add in index order from 0
  let T = 0;
  let max = 0;
  let anyZero = false;
  let allEqual = true;
  for (let i = 0; i < n; i++) {
    const x = u[i];
    if (Number.isNaN(x)) return { C: NaN, T: NaN, D: NaN };
    T += weights[i] * x;
    if (x > max) max = x;
    if (x === 0) anyZero = true;
    if (x !== u[0]) allEqual = false;
  }
  let C: number;
  if (max === 0 || anyZero) C = 0;
  else if (allEqual) C = 1;
  else if (variant === 'standard') {
    let sum = 0;
    let logSum = 0;
    for (let i = 0; i < n; i++) {
      sum += u[i];
      logSum += Math.log(u[i]);
    }
    C = (n * Math.exp(logSum / n)) / sum;
  } else {
    let diff = 0;
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) diff += Math.abs(u[i] - u[j]);
    const pairs = (n * (n - 1)) / 2;
    let ratio = 1;
    for (let i = 0; i < n; i++) ratio *= u[i] / max;
    C = Math.sqrt((1 - diff / pairs) * ratio ** (1 / (n - 1)));
  }
  C = Math.min(1, Math.max(0, C));
  const D = Math.sqrt(C * T);
  return { C, T, D };
}
