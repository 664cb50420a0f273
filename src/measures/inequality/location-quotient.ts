import { checkValues } from './internal/check-values.js';
import { measureError } from '../measure-error.js';

/**
 * Location quotient of each unit: LQᵢ = (cᵢ/C)/(pᵢ/P), the unit's share of the counts over
 * its share of the population (REAT `locq`). LQ > 1: more organizations than the population
 * would suggest.
 *
 * @param counts non-negative counts per unit (e.g. organizations per region), not all 0
 * @param population non-negative population (or other base) per unit, not all 0
 * @returns one LQ per unit; NaN for a unit with count 0 and population 0 (0/0)
 * @throws MeasureError `E_MEASURE_INPUT` for empty input, negative or non-finite numbers, a
 *   zero sum, arrays of different lengths, or a positive count with population 0 (naming
 *   the index)
 * @example
 * locationQuotient([30, 10], [50, 50]); // => [1.5, 0.5]
 */
export function locationQuotient(counts: readonly number[], population: readonly number[]): number[] {
  const total = checkValues('locationQuotient', counts, { name: 'counts', positiveSum: true });
  const popTotal = checkValues('locationQuotient', population, {
    name: 'population',
    length: counts.length,
    positiveSum: true,
  });
  return counts.map((c, i) => {
    if (population[i] === 0) {
      if (c > 0) {
        throw measureError(
          'locationQuotient',
          `population is 0 at index ${i} but the count there is ${c}; the location quotient would be infinite`,
        );
      }
      return Number.NaN;
    }
    return (c * popTotal) / (total * population[i]);
  });
}
