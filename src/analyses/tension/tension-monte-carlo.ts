import { quantileSorted } from 'simple-statistics';
import { coordinationClass } from '../../measures/coupling/coordination-class.js';
import { coordinationOf } from '../../measures/coupling/coupling-coordination.js';
import { weightPerturbation } from '../../measures/composite/weight-perturbation.js';
import { weightedSums } from '../../measures/composite/weighted-sum.js';
import { seededRandom } from '../../measures/random/seeded-random.js';
import { sortNumbers } from '../sort-numbers.js';

/** Options of {@link tensionMonteCarlo}. */
export interface TensionMonteCarloOptions {
  runs: number;
  seed: number;
  /** relative weight spread: each weight × U(1 − s, 1 + s), then rescaled */
  spread: number;
  /** α is drawn from U(α − a, α + a), clipped to [0, 1]; β = 1 − α */
  alphaSpread: number;
  variant: 'standard' | 'modified';
}

/** The Monte Carlo summary of one unit. */
export interface TensionInterval {
  /** 5th and 95th percentile of the tension over the runs (Hyndman–Fan type 7). */
  p05: number;
  p95: number;
  /** Share of the runs whose class of D equals the point estimate's class. */
  classAgreement: number;
  /** True when D's 5–95% interval lies inside the point estimate's class. */
  robust: boolean;
}

/** A subsystem as the Monte Carlo reads it. */
export interface MonteCarloSubsystem {
  /** Units × indicators on [0, 1]. */
  readonly matrix01: readonly (readonly number[])[];
  /** Base weights (positive sum). */
  readonly weights: readonly number[];
}

/**
 * Seeded Monte Carlo of a tension over the subsystem weights and α/β. Each run perturbs
 * both subsystems' weights (`weightPerturbation`, one `rand()` per weight, U1's first), then
 * draws α uniformly from [α − a, α + a] clipped to [0, 1] (one `rand()`), recomputes U1, U2
 * (missing values reweighted, clamped onto [0, 1]), D and tension = 1 − D for every unit.
 * Per unit: the 5th and 95th percentile of the tension, the share of runs whose class of D is
 * the point estimate's, and whether D's interval stays inside that class.
 *
 * @param subsystems U1 and U2: units × indicators on [0, 1] (`matrix01`) and base weights (`weights`, positive sum)
 * @param alpha base α
 * @param pointClass class index of each unit's point estimate (null when it has none)
 * @param options runs, seed, spreads, coupling variant
 * @returns one interval per unit (NaN and not robust for a unit without a point estimate)
 * @example
 * tensionMonteCarlo([s1, s2], 0.5, classes, { runs: 200, seed: 1, spread: 0.25, alphaSpread: 0.2, variant: 'standard' })[0];
 * // => { p05: 0.41, p95: 0.47, classAgreement: 1, robust: true }
 */
export function tensionMonteCarlo(
  [{ matrix01: m1, weights: w1 }, { matrix01: m2, weights: w2 }]: readonly [MonteCarloSubsystem, MonteCarloSubsystem],
  alpha: number,
  pointClass: readonly (number | null)[],
  options: TensionMonteCarloOptions,
): TensionInterval[] {
  const n = pointClass.length;
  const rand = seededRandom(options.seed);
  const samples: number[][] = Array.from({ length: n }, () => []);
  const agree = new Array<number>(n).fill(0);
  const clamp = (u: number) => (Number.isNaN(u) ? u : Math.min(1, Math.max(0, u)));
  // each matrix checked once (in the first run), the perturbed weights in every run
  let u1Under: ((w: readonly number[]) => number[]) | null = null;
  let u2Under: ((w: readonly number[]) => number[]) | null = null;
  for (let r = 0; r < options.runs; r++) {
    const pw1 = weightPerturbation(w1, { rand, spread: options.spread });
    const pw2 = weightPerturbation(w2, { rand, spread: options.spread });
    const a = Math.min(1, Math.max(0, alpha + options.alphaSpread * (2 * rand() - 1)));
    const U1 = (u1Under ??= weightedSums(m1, { missing: 'reweight' }))(pw1);
    const U2 = (u2Under ??= weightedSums(m2, { missing: 'reweight' }))(pw2);
    // the weights α, 1 − α are valid and the scores clamped onto [0, 1]: the formulas without the checks
    const weights = [a, 1 - a];
    const u = [0, 0]; // the unit's two scores, refilled unit by unit
    for (let i = 0; i < n; i++) {
      if (pointClass[i] === null) continue;
      u[0] = clamp(U1[i]);
      u[1] = clamp(U2[i]);
      const { D } = coordinationOf(u, weights, options.variant);
      if (Number.isNaN(D)) continue;
      const d = Math.min(1, D);
      samples[i].push(1 - d);
      if (coordinationClass(d).index === pointClass[i]) agree[i]++;
    }
  }
  return samples.map((s, i) => {
    if (s.length === 0 || pointClass[i] === null) return { p05: NaN, p95: NaN, classAgreement: NaN, robust: false };
    sortNumbers(s);
    const p05 = quantileSorted(s, 0.05);
    const p95 = quantileSorted(s, 0.95);
    const k = pointClass[i];
    const robust =
      coordinationClass(Math.max(0, Math.min(1, 1 - p95))).index === k &&
      coordinationClass(Math.max(0, Math.min(1, 1 - p05))).index === k;
    return { p05, p95, classAgreement: agree[i] / s.length, robust };
  });
}
