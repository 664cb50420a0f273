import { measureError } from '../measure-error.js';

/**
 * Equal weights 1/m for m indicators (the usual baseline against which entropy or CRITIC
 * weights are compared).
 *
 * @param m number of indicators, a positive integer
 * @returns m weights of 1/m each
 * @throws MeasureError `E_MEASURE_INPUT` when m is not a positive integer
 * @example
 * equalWeights(4); // => [0.25, 0.25, 0.25, 0.25]
 */
export function equalWeights(m: number): number[] {
  if (!Number.isInteger(m) || m < 1)
    throw measureError('equalWeights', `m must be a positive integer, got ${String(m)}`);
  return Array.from({ length: m }, () => 1 / m);
}
