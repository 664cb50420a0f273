import { checkWeights } from './internal/check-weights.js';
import { measureError } from '../measure-error.js';

/** Options of {@link weightPerturbation}. */
export interface WeightPerturbationOptions {
  /** uniform [0, 1) generator, e.g. `seededRandom(seed)` (required, so runs are reproducible) */
  rand: () => number;
  /** relative spread s in [0, 1): each weight is multiplied by U(1 − s, 1 + s) (default 0.25) */
  spread?: number;
}

/**
 * One Monte Carlo draw of perturbed weights for uncertainty analysis: each weight w_j is
 * multiplied by an independent factor u_j ~ U(1 − s, 1 + s), and the results are rescaled so
 * that they sum to the same total as the input weights (1 for normalised weights). A zero
 * weight stays zero. Draws one `rand()` per weight, in column order.
 *
 * @param weights base weights, non-negative with a positive sum
 * @param options `rand` (required), `spread` (default 0.25)
 * @returns the perturbed weights, same length and total
 * @throws MeasureError `E_MEASURE_INPUT` on bad weights, a missing `rand` or a spread outside [0, 1)
 * @example
 * weightPerturbation([0.5, 0.5], { rand: seededRandom(42), spread: 0.2 });
 * // => [0.5151318339896939, 0.48486816601030625]
 */
export function weightPerturbation(weights: readonly number[], options: WeightPerturbationOptions): number[] {
  const name = 'weightPerturbation';
  const total = checkWeights(name, weights, Array.isArray(weights) ? weights.length : 0);
  const rand = options?.rand;
  if (typeof rand !== 'function')
    throw measureError(name, 'rand must be a uniform [0, 1) generator such as seededRandom(seed)');
  const spread = options.spread ?? 0.25;
  if (typeof spread !== 'number' || !(spread >= 0 && spread < 1))
    throw measureError(name, `spread must be in [0, 1), got ${String(spread)}`);
  const raw = weights.map((w) => w * (1 - spread + 2 * spread * rand()));
  const sum = raw.reduce((a, b) => a + b, 0);
  return raw.map((w) => (w * total) / sum);
}
