import { rankUncertainty } from '../../measures/composite/rank-uncertainty.js';
import { weightPerturbation } from '../../measures/composite/weight-perturbation.js';
import { weightedSums } from '../../measures/composite/weighted-sum.js';
import { seededRandom } from '../../measures/random/seeded-random.js';
import type { Normalization } from './indicator-options.js';

/** Options of {@link rankMonteCarlo}. */
export interface RankMonteCarloOptions {
  runs: number;
  seed: number;
  /** relative weight spread (each weight × U(1 − s, 1 + s), then rescaled) */
  spread: number;
}

/** Rank interval of one region-year. */
export interface RankInterval {
  /** index into the rows given */
  row: number;
  median: number;
  p05: number;
  p95: number;
}

/**
 * Seeded Monte Carlo over weights and normalisation: each run draws one normalisation
 * uniformly from the matrices given (one `rand()`), perturbs the base weights
 * (`weightPerturbation`, one `rand()` per weight), scores every row by weighted sum (missing
 * values: available weights scaled up) and ranks the rows of each year (1 = best). Per row:
 * median and 5th/95th percentile rank over the runs.
 *
 * @param matrices normalised region-year matrices by normalisation (same rows and columns)
 * @param weights base weights (positive sum)
 * @param years the year of each row
 * @param options runs, seed, spread
 * @returns one interval per row, in row order
 * @example
 * rankMonteCarlo({ global: g, rank: r }, w, years, { runs: 200, seed: 1, spread: 0.25 })[0];
 * // => { row: 0, median: 2, p05: 1, p95: 4 }
 */
export function rankMonteCarlo(
  matrices: Partial<Record<Normalization, number[][]>>,
  weights: readonly number[],
  years: readonly number[],
  options: RankMonteCarloOptions,
): RankInterval[] {
  const names = Object.keys(matrices).sort() as Normalization[];
  const rand = seededRandom(options.seed);
  const scores: number[][] = [];
  // each matrix checked once, when first drawn; the weights of every run as they are drawn
  const scorers = new Map<Normalization, (w: readonly number[]) => number[]>();
  for (let r = 0; r < options.runs; r++) {
    const name = names[Math.min(names.length - 1, Math.floor(rand() * names.length))];
    const w = weightPerturbation(weights, { rand, spread: options.spread });
    let scoresUnder = scorers.get(name);
    if (!scoresUnder) scorers.set(name, (scoresUnder = weightedSums(matrices[name]!, { missing: 'reweight' })));
    scores.push(scoresUnder(w));
  }
  const out: RankInterval[] = years.map((_, row) => ({ row, median: NaN, p05: NaN, p95: NaN }));
  const byYear = new Map<number, number[]>();
  years.forEach((y, i) => {
    let rows = byYear.get(y);
    if (!rows) byYear.set(y, (rows = []));
    rows.push(i);
  });
  for (const rows of byYear.values()) {
    const u = rankUncertainty(scores.map((run) => rows.map((i) => run[i])));
    rows.forEach((i, k) => Object.assign(out[i], { median: u.median[k], p05: u.p05[k], p95: u.p95[k] }));
  }
  return out;
}
