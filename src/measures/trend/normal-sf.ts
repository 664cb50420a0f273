import { erfc } from './erfc.js';

/**
 * Standard normal survival function 1 − Φ(z) = P(Z > z), as ½·erfc(z/√2) with Cody's
 * erfc: accurate to about 1e-15 relative even far in the upper tail. One-sided "greater"
 * p-value of a z score; the two-sided p is 2·normalSf(|z|).
 *
 * @param z any number
 * @returns P(Z > z) in [0, 1]
 * @throws never
 * @example
 * normalSf(3.64109718354574); // => 0.0001357393138546407
 */
export function normalSf(z: number): number {
  return 0.5 * erfc(z / Math.SQRT2);
}
