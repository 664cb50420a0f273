import { checkValues } from './internal/check-values.js';
import { measureError } from '../measure-error.js';

/** One point of a Lorenz curve: cumulative population share `x`, cumulative value share `y`. */
export interface LorenzPoint {
  x: number;
  y: number;
}

/** Options of {@link lorenz}. */
export interface LorenzOptions {
  /**
   * Population of each unit. When given, units are sorted by density value/population
   * (ascending), `x` is the cumulative population share and `y` the cumulative value share.
   * Default: every unit counts the same (x = i/n, units sorted by value).
   */
  population?: readonly number[];
}

/**
 * Lorenz curve ordinates, starting at (0, 0) and ending at (1, 1).
 *
 * A unit with population 0 and value 0 is placed first (density taken as 0: it adds a
 * point on the same spot); population 0 with a positive value has an infinite density and
 * is rejected.
 *
 * @param values non-negative numbers (e.g. organization counts), not all 0
 * @param options `{ population }` (default: equal weights), see {@link LorenzOptions}
 * @returns n + 1 points `{ x, y }`, the first `{ x: 0, y: 0 }`
 * @throws MeasureError `E_MEASURE_INPUT` for empty input, negative or non-finite numbers, a
 *   zero sum, population of the wrong length or all 0, or a positive value with population 0
 *   (naming the index)
 * @example
 * lorenz([1, 3]); // => [{ x: 0, y: 0 }, { x: 0.5, y: 0.25 }, { x: 1, y: 1 }]
 */
export function lorenz(values: readonly number[], options: LorenzOptions = {}): LorenzPoint[] {
  const total = checkValues('lorenz', values, { positiveSum: true });
  const n = values.length;
  const population = options.population ?? values.map(() => 1);
  const popTotal = checkValues('lorenz', population, { name: 'population', length: n, positiveSum: true });
  const density = values.map((v, i) => {
    if (population[i] === 0) {
      if (v > 0) {
        throw measureError(
          'lorenz',
          `population is 0 at index ${i} but the value there is ${v}; the density is infinite`,
        );
      }
      return 0;
    }
    return v / population[i];
  });
  const order = values.map((_, i) => i).sort((a, b) => density[a] - density[b]);
  const points: LorenzPoint[] = [{ x: 0, y: 0 }];
  let cumValue = 0;
  let cumPop = 0;
  for (const i of order) {
    cumValue += values[i];
    cumPop += population[i];
    points.push({ x: cumPop / popTotal, y: cumValue / total });
  }
  return points;
}
