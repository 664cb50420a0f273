import { checkValues } from './internal/check-values.js';

/**
 * Hoover index (dissimilarity, Schutz distance) between the distribution of counts and of
 * population: ½ Σ |cᵢ/C − pᵢ/P|. It is the share of counts that would have to move to
 * other units to be distributed like the population.
 *
 * @param counts non-negative counts per unit, not all 0
 * @param population population per unit (default: equal for every unit, giving the Schutz
 *   distance of PySAL `inequality.schutz`)
 * @returns the index in [0, 1)
 * @throws MeasureError `E_MEASURE_INPUT` for empty input, negative or non-finite numbers,
 *   a zero sum, or population of the wrong length
 * @example
 * hoover([1000, 2000, 1500, 3000, 2500]); // => 0.15
 * hoover([30, 10], [50, 50]); // => 0.25
 */
export function hoover(counts: readonly number[], population?: readonly number[]): number {
  const total = checkValues('hoover', counts, { positiveSum: true });
  const pop = population ?? counts.map(() => 1);
  const popTotal = checkValues('hoover', pop, { name: 'population', length: counts.length, positiveSum: true });
  let acc = 0;
  for (let i = 0; i < counts.length; i++) {
    acc += Math.abs(counts[i] / total - pop[i] / popTotal);
  }
  return acc / 2;
}
