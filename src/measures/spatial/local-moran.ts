import { checkValues } from '../inequality/internal/check-values.js';
import { measureError } from '../measure-error.js';
import { seededRandom } from '../random/seeded-random.js';
import { checkNeighbours } from './internal/check-neighbours.js';

/** Quadrant of the Moran scatter plot: the unit's value and its neighbours' (H = above the mean). */
export type LisaQuadrant = 'HH' | 'LL' | 'HL' | 'LH';

/** Options of {@link localMoran}. */
export interface LocalMoranOptions {
  /** Conditional permutations per unit for the pseudo p-value (default 999; 0 = none). */
  permutations?: number;
  /** Seed of the permutation generator (default 1), see `seededRandom`. */
  seed?: number;
  /** Significance level of the cluster labels (default 0.05): a unit with p > alpha is `ns`. */
  alpha?: number;
  /**
   * Bivariate local Moran: the variable whose spatial lag is taken (default: `values`
   * itself). I_i = (n−1)·x_i·(W y)_i / Σx², x and y standardised (PySAL `Moran_Local_BV`).
   */
  lagValues?: readonly number[];
}

/** One unit of {@link localMoran}. */
export interface LocalMoranUnit {
  /** Local Moran I_i. 0 for an island. */
  I: number;
  /** The standardised value z_i = (y_i − ȳ)/σ (σ with divisor n). */
  z: number;
  /** Spatial lag of the standardised (lag) values, (W z)_i, row-standardised W; null for an island. */
  lagZ: number | null;
  /** Spatial lag of the raw (lag) values: the mean of the neighbours' values; null for an island. */
  lag: number | null;
  /** Moran scatter quadrant (z ≤ 0 counts as L, as in PySAL); null for an island. */
  quadrant: LisaQuadrant | null;
  /** Pseudo p-value of the conditional permutation test; null for an island or without permutations. */
  p: number | null;
  /** The quadrant when p ≤ alpha, else `ns` (islands and runs without permutations: `ns`). */
  cluster: LisaQuadrant | 'ns';
}

/** Result of {@link localMoran}. */
export interface LocalMoranResult {
  units: LocalMoranUnit[];
  n: number;
  permutations: number;
  seed: number;
  alpha: number;
  /** Indices of units without neighbours. */
  islands: number[];
}

/**
 * Local Moran's I (Anselin 1995, LISA) with row-standardised weights, as PySAL esda
 * `Moran_Local`: z = (y − ȳ)/σ, I_i = (n−1)·z_i·(Wz)_i / Σz². Inference is by conditional
 * permutation: for unit i, its value stays and k_i values drawn without replacement from
 * the other n−1 units stand in for its neighbours; the pseudo p-value is
 * (larger + 1)/(permutations + 1), where larger counts permuted I_i ≥ the observed one, or
 * those below it if fewer (one-sided in the direction of the observed value, PySAL
 * `p_sim`). Units are drawn for in index order from one seeded generator, so the same
 * input, seed and count give the same p-values. The cluster label is the Moran scatter
 * quadrant of a unit with p ≤ alpha (HH high–high, LL low–low, HL high–low outlier, LH
 * low–high outlier), `ns` otherwise. Islands get I = 0, no p-value and `ns`.
 *
 * @param values one finite number per unit, not all equal
 * @param neighbours for each unit, the indices of its neighbours (binary contiguity)
 * @param options `{ permutations = 999, seed = 1, alpha = 0.05, lagValues }`
 * @returns per-unit statistics and the settings used
 * @throws SoqaError `E_MEASURE_INPUT` for fewer than 3 units, non-finite or constant
 *   values, malformed neighbour lists, a bad permutation count or alpha, or lagValues of
 *   another length
 * @example
 * // 3×3 rook lattice, y = 1..9: the corner 1 is low among low neighbours
 * localMoran([1, 2, 3, 4, 5, 6, 7, 8, 9],
 *   [[1, 3], [0, 2, 4], [1, 5], [0, 4, 6], [1, 3, 5, 7], [2, 4, 8], [3, 7], [4, 6, 8], [5, 7]],
 *   { permutations: 0 }).units[0].quadrant; // => 'LL'
 */
export function localMoran(
  values: readonly number[],
  neighbours: readonly (readonly number[])[],
  options: LocalMoranOptions = {},
): LocalMoranResult {
  const { permutations = 999, seed = 1, alpha = 0.05, lagValues } = options;
  if (!Number.isInteger(permutations) || permutations < 0)
    throw measureError('localMoran', `permutations must be a non-negative integer, got ${String(permutations)}`);
  if (!(alpha > 0 && alpha < 1)) throw measureError('localMoran', `alpha must be in (0, 1), got ${String(alpha)}`);
  checkValues('localMoran', values, { nonNegative: false });
  const n = values.length;
  if (n < 3) throw measureError('localMoran', `needs at least 3 units, got ${n}`);
  const islands = checkNeighbours('localMoran', neighbours, n);
  const y = lagValues ?? values;
  if (lagValues) {
    checkValues('localMoran', lagValues, { nonNegative: false });
    if (lagValues.length !== n)
      throw measureError('localMoran', `lagValues must have ${n} values (one per unit), got ${lagValues.length}`);
  }
  const x = standardise(values);
  const zy = lagValues ? standardise(y) : x;
  let den = 0;
  for (const v of x) den += v * v;
  const scale = (n - 1) / den;

  const units: LocalMoranUnit[] = values.map((_, i) => {
    const nb = neighbours[i];
    if (nb.length === 0) return { I: 0, z: x[i], lagZ: null, lag: null, quadrant: null, p: null, cluster: 'ns' };
    let lagZ = 0;
    let lag = 0;
    for (const j of nb) {
      lagZ += zy[j];
      lag += y[j];
    }
    lagZ /= nb.length;
    lag /= nb.length;
    const quadrant: LisaQuadrant = x[i] > 0 ? (lagZ > 0 ? 'HH' : 'HL') : lagZ > 0 ? 'LH' : 'LL';
    return { I: scale * x[i] * lagZ, z: x[i], lagZ, lag, quadrant, p: null, cluster: 'ns' };
  });

  if (permutations > 0) {
    const rand = seededRandom(seed);
    const pool = new Int32Array(n - 1);
    for (let i = 0; i < n; i++) {
      const u = units[i];
      const k = neighbours[i].length;
      if (k === 0) continue;
      // the other units, i excluded; partial Fisher–Yates draws k of them per permutation
      for (let j = 0, m = 0; j < n; j++) if (j !== i) pool[m++] = j;
      let larger = 0;
      for (let s = 0; s < permutations; s++) {
        let sum = 0;
        for (let d = 0; d < k; d++) {
          const r = d + Math.floor(rand() * (n - 1 - d));
          const t = pool[d];
          pool[d] = pool[r];
          pool[r] = t;
          sum += zy[pool[d]];
        }
        if (scale * x[i] * (sum / k) >= u.I) larger++;
      }
      if (permutations - larger < larger) larger = permutations - larger;
      u.p = (larger + 1) / (permutations + 1);
      u.cluster = u.p <= alpha ? u.quadrant! : 'ns';
    }
  }
  return { units, n, permutations, seed, alpha, islands };
}

/** (v − mean)/sd with the divisor n (numpy `std`); throws when all values are equal. */
function standardise(values: readonly number[]): number[] {
  const n = values.length;
  let mean = 0;
  for (const v of values) mean += v;
  mean /= n;
  let ss = 0;
  for (const v of values) ss += (v - mean) ** 2;
  const sd = Math.sqrt(ss / n);
  if (sd === 0) throw measureError('localMoran', 'values are all equal; local Moran is undefined');
  return values.map((v) => (v - mean) / sd);
}
