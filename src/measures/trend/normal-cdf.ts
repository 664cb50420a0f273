import { erfc } from './erfc.js';

/**
 * Standard normal cumulative distribution Φ(z) = P(Z ≤ z), as ½·erfc(−z/√2) with Cody's
 * erfc: accurate to about 1e-15 relative in the lower tail (use {@link normalSf} for upper
 * tail probabilities, which would lose digits as 1 − Φ).
 *
 * @param z any number
 * @returns Φ(z) in [0, 1]
 * @throws never
 * @example
 * normalCdf(1.96); // => 0.9750021048517795
 */
export function normalCdf(z: number): number {
  return 0.5 * erfc(-z / Math.SQRT2);
}
