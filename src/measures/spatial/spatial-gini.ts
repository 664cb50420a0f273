import { checkValues } from '../inequality/internal/check-values.js';
import { measureError } from '../measure-error.js';
import { seededRandom } from '../random/seeded-random.js';
import { shuffleInPlace } from '../random/shuffle-in-place.js';
import { checkNeighbours } from './internal/check-neighbours.js';

/** Permutation inference of {@link spatialGini} (PySAL `Gini_Spatial` conventions). */
export interface SpatialGiniPermutation {
  permutations: number;
  /**
   * Pseudo p-value (larger + 1)/(permutations + 1), larger = number of permuted non-neighbour
   * sums ≥ the observed one, or the number below it if that is smaller (PySAL `p_sim`).
   */
  pPseudo: number;
  /** Mean of the permuted non-neighbour sums (PySAL `e_wcg`). */
  mean: number;
  /** Standard deviation (divisor n) of the permuted sums (PySAL `s_wcg`). */
  sd: number;
  /** (nonNeighbourSum − mean)/sd (PySAL `z_wcg`). */
  z: number;
}

/** Result of {@link spatialGini}: gini = neighbourGini + nonNeighbourGini. */
export interface SpatialGiniResult {
  /** The population-form Gini coefficient. */
  gini: number;
  /** Σᵢ Σⱼ |xᵢ − xⱼ| over all ordered pairs. */
  totalAbsoluteDifference: number;
  /** The Gini denominator 2n²x̄. */
  denominator: number;
  /** Σᵢ Σ_{j ∈ N(i)} |xᵢ − xⱼ|: differences between neighbours (PySAL `wg`). */
  neighbourSum: number;
  /** totalAbsoluteDifference − neighbourSum: differences between non-neighbours (PySAL `wcg`). */
  nonNeighbourSum: number;
  /** neighbourSum / denominator. */
  neighbourGini: number;
  /** nonNeighbourSum / denominator. */
  nonNeighbourGini: number;
  /** Permutation inference, or null when `permutations` is 0. */
  permutation: SpatialGiniPermutation | null;
}

/**
 * Spatial decomposition of the Gini coefficient (Rey & Smith 2013; PySAL `Gini_Spatial`):
 * the sum of absolute differences Σᵢ Σⱼ |xᵢ − xⱼ| = 2n²x̄·G is split into pairs of neighbours
 * and pairs of non-neighbours. A large non-neighbour part, compared with random
 * permutations of the values over the units, means inequality is between regions rather than
 * among neighbours.
 *
 * @param values non-negative numbers, one per unit, not all 0
 * @param neighbours for each unit, the indices of its neighbours (e.g. `blockNeighbours(groups)`)
 * @param options `{ permutations = 0, seed = 1 }`
 * @returns see {@link SpatialGiniResult}
 * @throws MeasureError `E_MEASURE_INPUT` for empty input, negative or non-finite values, a zero
 *   sum, malformed neighbour lists, or a permutation count that is not a non-negative integer
 * @example
 * spatialGini([1, 2, 3, 4], [[1], [0], [3], [2]]).neighbourSum; // => 4
 */
export function spatialGini(
  values: readonly number[],
  neighbours: readonly (readonly number[])[],
  options: { permutations?: number; seed?: number } = {},
): SpatialGiniResult {
  const { permutations = 0, seed = 1 } = options;
  if (!Number.isInteger(permutations) || permutations < 0) {
    throw measureError('spatialGini', `permutations must be a non-negative integer, got ${String(permutations)}`);
  }
  const total = checkValues('spatialGini', values, { positiveSum: true });
  const n = values.length;
  checkNeighbours('spatialGini', neighbours, n);

  // Σᵢ Σⱼ |xᵢ − xⱼ| = 2 Σᵢ (2i − n − 1) x₍ᵢ₎ over ascending x₍ᵢ₎ (i from 1).
  const sorted = [...values].sort((a, b) => a - b);
  let half = 0;
  for (let i = 0; i < n; i++) half += (2 * (i + 1) - n - 1) * sorted[i];
  const totalAbsoluteDifference = 2 * half;
  const denominator = 2 * n * total;

  const neighbourSumOf = (x: readonly number[]): number => {
    let acc = 0;
    neighbours.forEach((list, i) => {
      for (const j of list) acc += Math.abs(x[i] - x[j]);
    });
    return acc;
  };
  const neighbourSum = neighbourSumOf(values);
  const nonNeighbourSum = totalAbsoluteDifference - neighbourSum;

  let permutation: SpatialGiniPermutation | null = null;
  if (permutations > 0) {
    const rand = seededRandom(seed);
    const shuffled = [...values];
    const sims: number[] = [];
    for (let k = 0; k < permutations; k++) {
      sims.push(totalAbsoluteDifference - neighbourSumOf(shuffleInPlace(shuffled, rand)));
    }
    let larger = sims.filter((s) => s >= nonNeighbourSum).length;
    if (permutations - larger < larger) larger = permutations - larger;
    const simMean = sims.reduce((a, b) => a + b, 0) / permutations;
    const sd = Math.sqrt(sims.reduce((acc, s) => acc + (s - simMean) ** 2, 0) / permutations);
    permutation = {
      permutations,
      pPseudo: (larger + 1) / (permutations + 1),
      mean: simMean,
      sd,
      z: (nonNeighbourSum - simMean) / sd,
    };
  }

  return {
    gini: totalAbsoluteDifference / denominator,
    totalAbsoluteDifference,
    denominator,
    neighbourSum,
    nonNeighbourSum,
    neighbourGini: neighbourSum / denominator,
    nonNeighbourGini: nonNeighbourSum / denominator,
    permutation,
  };
}
