import { mean } from 'simple-statistics';
import { checkValues } from '../inequality/internal/check-values.js';
import { measureError } from '../measure-error.js';
import { seededShuffler } from '../random/seeded-shuffler.js';
import { seededPermutations } from '../random/seeded-permutations.js';
import { normalSf } from '../trend/normal-sf.js';
import { checkNeighbours } from './internal/check-neighbours.js';

/** Options of {@link moransI}. */
export interface MoransIOptions {
  /** `'W'` row-standardised (default; PySAL `transformation='r'`, spdep `style="W"`) or `'B'` binary. */
  style?: 'W' | 'B';
  /** Number of random permutations for a pseudo p-value (default 0: none). */
  permutations?: number;
  /** Seed of the permutation generator (default 1), see `seededRandom`. */
  seed?: number;
}

/** Permutation inference of {@link moransI} (PySAL conventions). */
export interface MoransIPermutation {
  permutations: number;
  /**
   * Pseudo p-value (larger + 1)/(permutations + 1), where larger is the number of permuted I
   * ≥ the observed I, or the number below it if that is smaller (PySAL `p_sim`: one-sided in
   * the direction of the observed value).
   */
  pPseudo: number;
  /** Mean of the permuted I (PySAL `EI_sim`). */
  mean: number;
  /** Standard deviation (divisor n) of the permuted I (PySAL `seI_sim`). */
  sd: number;
  /** (I − mean)/sd (PySAL `z_sim`). */
  z: number;
}

/** Result of {@link moransI}. Variances are under the normality and the randomisation assumption. */
export interface MoransIResult {
  I: number;
  /** E[I] = −1/(n − 1). */
  expected: number;
  varianceNormality: number;
  /** NaN when n < 4. */
  varianceRandomisation: number;
  zNormality: number;
  zRandomisation: number;
  /** One-sided p for positive autocorrelation, P(Z > z) (spdep `alternative="greater"`). */
  pNormalityGreater: number;
  /** Two-sided p, 2·P(Z > |z|) (PySAL `p_norm` default). */
  pNormalityTwoSided: number;
  pRandomisationGreater: number;
  pRandomisationTwoSided: number;
  /** Number of units (islands included). */
  n: number;
  style: 'W' | 'B';
  /** S0 = Σ wᵢⱼ. */
  s0: number;
  /** S1 = ½ Σ (wᵢⱼ + wⱼᵢ)². */
  s1: number;
  /** S2 = Σ (wᵢ· + w·ᵢ)². */
  s2: number;
  /** Indices of units with no neighbours (their weight row is all zeros); empty if none. */
  islands: number[];
  /** Permutation inference, or null when `permutations` is 0. */
  permutation: MoransIPermutation | null;
}

/**
 * Global Moran's I, I = (n/S0)·zᵀWz/zᵀz with z = y − ȳ, with its expectation, variances under
 * normality and randomisation (kurtosis b2 = nΣz⁴/(Σz²)²), z scores, one-sided ("greater") and
 * two-sided normal p-values, and optionally a permutation pseudo p-value. Matches PySAL esda
 * `Moran` and R spdep `moran.test` (which reports the one-sided p by default; PySAL the
 * two-sided).
 *
 * Islands (units without neighbours) keep a weight row of zeros and still count in n and in
 * zᵀz, as in PySAL (spdep's default `adjust.n = TRUE` would drop them from n instead).
 *
 * @param values one finite number per unit, not all equal
 * @param neighbours for each unit, the indices of its neighbours (binary contiguity); need
 *   not be symmetric
 * @param options `{ style = 'W', permutations = 0, seed = 1 }`, see {@link MoransIOptions}
 * @returns see {@link MoransIResult}
 * @throws MeasureError `E_MEASURE_INPUT` for fewer than 2 units, non-finite values, constant
 *   values, malformed neighbour lists, no neighbour links at all, an unknown style, or a
 *   permutation count that is not a non-negative integer
 * @example
 * // 3×3 rook lattice, y = 1..9, binary weights
 * moransI([1, 2, 3, 4, 5, 6, 7, 8, 9],
 *   [[1, 3], [0, 2, 4], [1, 5], [0, 4, 6], [1, 3, 5, 7], [2, 4, 8], [3, 7], [4, 6, 8], [5, 7]],
 *   { style: 'B' }).I; // => 0.5
 */
export function moransI(
  values: readonly number[],
  neighbours: readonly (readonly number[])[],
  options: MoransIOptions = {},
): MoransIResult {
  const { style = 'W', permutations = 0, seed = 1 } = options;
  if (style !== 'W' && style !== 'B') {
    throw measureError('moransI', `style must be 'W' (row-standardised) or 'B' (binary), got ${JSON.stringify(style)}`);
  }
  if (!Number.isInteger(permutations) || permutations < 0) {
    throw measureError('moransI', `permutations must be a non-negative integer, got ${String(permutations)}`);
  }
  checkValues('moransI', values, { nonNegative: false });
  const n = values.length;
  if (n < 2) throw measureError('moransI', `needs at least 2 units, got ${n}`);
  const islands = checkNeighbours('moransI', neighbours, n);
  const w = spatialWeights(neighbours, style);
  if (w.s0 === 0) throw measureError('moransI', 'no unit has any neighbour (all units are islands)');

  const ybar = mean([...values]);
  const z = values.map((v) => v - ybar);
  let m2 = 0;
  let m4 = 0;
  for (const zi of z) {
    m2 += zi * zi;
    m4 += zi ** 4;
  }
  if (m2 === 0) throw measureError('moransI', "values are all equal; Moran's I is undefined");
  const statistic = (zz: ArrayLike<number>): number => ((n / w.s0) * crossProduct(zz, w.rows)) / m2;
  const I = statistic(z);
  const inference = analyticInference({ I, n, weights: w, b2: (n * m4) / (m2 * m2) });
  const permutation = permutations > 0 ? permutationTest(I, z, { permutations, seed, statistic }) : null;
  return { I, ...inference, n, style, s0: w.s0, s1: w.s1, s2: w.s2, islands, permutation };
}

/** The weights of {@link moransI}: flattened rows and the sums S0, S1, S2. */
interface SpatialWeights {
  rows: CompressedRows;
  s0: number;
  s1: number;
  s2: number;
}

/** Row-standardised (W) or binary (B) weights from neighbour lists, with S0, S1 and S2. */
function spatialWeights(neighbours: readonly (readonly number[])[], style: 'W' | 'B'): SpatialWeights {
  const n = neighbours.length;
  // Sparse weights: rows[i] maps j -> w_ij.
  const rows = neighbours.map((list) => {
    const w = style === 'W' ? 1 / list.length : 1;
    return new Map(list.map((j) => [j, w] as [number, number]));
  });
  let s0 = 0;
  let s1 = 0;
  const rowSum = new Array<number>(n).fill(0);
  const colSum = new Array<number>(n).fill(0);
  rows.forEach((row, i) => {
    for (const [j, w] of row) {
      s0 += w;
      rowSum[i] += w;
      colSum[j] += w;
      const back = rows[j].get(i);
      // (i, j) and, for one-way links, (j, i): ½ Σ over ordered pairs of (w_ij + w_ji)².
      s1 += back === undefined ? 2 * w * w : (w + back) ** 2;
    }
  });
  s1 /= 2;
  let s2 = 0;
  for (let i = 0; i < n; i++) s2 += (rowSum[i] + colSum[i]) ** 2;
  // the weights flattened (compressed rows, in the rows' order) for the statistic, which
  // permutations evaluate many times: the same products added in the same order
  const start = new Int32Array(n + 1);
  rows.forEach((row, i) => (start[i + 1] = start[i] + row.size));
  const col = new Int32Array(start[n]);
  const weight = new Float64Array(start[n]);
  rows.forEach((row, i) => {
    let k = start[i];
    for (const [j, w] of row) {
      col[k] = j;
      weight[k++] = w;
    }
  });
  return { rows: { start, col, weight }, s0, s1, s2 };
}

/** E[I], the variances under normality and randomisation, their z scores and normal p-values. */
function analyticInference({ I, n, weights, b2 }: { I: number; n: number; weights: SpatialWeights; b2: number }) {
  const { s0, s1, s2 } = weights;
  const expected = -1 / (n - 1);
  const s02 = s0 * s0;
  const varianceNormality = (n * n * s1 - n * s2 + 3 * s02) / ((n - 1) * (n + 1) * s02) - expected * expected;
  const varianceRandomisation =
    n < 4
      ? Number.NaN
      : (n * ((n * n - 3 * n + 3) * s1 - n * s2 + 3 * s02) - b2 * ((n * n - n) * s1 - 2 * n * s2 + 6 * s02)) /
          ((n - 1) * (n - 2) * (n - 3) * s02) -
        expected * expected;
  const zNormality = (I - expected) / Math.sqrt(varianceNormality);
  const zRandomisation = (I - expected) / Math.sqrt(varianceRandomisation);
  return {
    expected,
    varianceNormality,
    varianceRandomisation,
    zNormality,
    zRandomisation,
    pNormalityGreater: normalSf(zNormality),
    pNormalityTwoSided: Math.min(1, 2 * normalSf(Math.abs(zNormality))),
    pRandomisationGreater: normalSf(zRandomisation),
    pRandomisationTwoSided: Math.min(1, 2 * normalSf(Math.abs(zRandomisation))),
  };
}

/** The seeded permutation test of I (PySAL conventions, see {@link MoransIPermutation}). */
function permutationTest(
  I: number,
  z: readonly number[],
  opts: { permutations: number; seed: number; statistic: (zz: ArrayLike<number>) => number },
): MoransIPermutation {
  const { permutations, seed, statistic } = opts;
  // each arrangement as `shuffleInPlace` with `seededRandom(seed)` gives, shuffling the same
  // array again and again; the permutations are most of the time of a long series of years,
  // so the arrangements (which depend only on the seed and n) are drawn once for the series
  const n = z.length;
  const rows = seededPermutations(seed, n, permutations);
  const shuffler = rows === null ? seededShuffler(seed) : null;
  const shuffled = Float64Array.from(z);
  const sims: number[] = [];
  for (let k = 0; k < permutations; k++) {
    if (rows === null) shuffler!.shuffle(shuffled);
    else for (let i = 0, at = k * n; i < n; i++) shuffled[i] = z[rows[at + i]];
    sims.push(statistic(shuffled));
  }
  let larger = sims.filter((s) => s >= I).length;
  if (permutations - larger < larger) larger = permutations - larger;
  const simMean = mean(sims);
  const sd = Math.sqrt(sims.reduce((acc, s) => acc + (s - simMean) ** 2, 0) / permutations);
  return { permutations, pPseudo: (larger + 1) / (permutations + 1), mean: simMean, sd, z: (I - simMean) / sd };
}

/** The flattened weights of {@link moransI}: row i's links are `col`/`weight` from `start[i]` to `start[i + 1]`. */
interface CompressedRows {
  start: Int32Array;
  col: Int32Array;
  weight: Float64Array;
}

/** zᵀWz, row by row, each row's products added in its links' order. */
function crossProduct(zz: ArrayLike<number>, { start, col, weight }: CompressedRows): number {
  let cross = 0;
  for (let i = 0, k = 0; i < start.length - 1; i++) {
    const end = start[i + 1];
    let lag = 0;
    for (; k < end; k++) lag += weight[k] * zz[col[k]];
    cross += zz[i] * lag;
  }
  return cross;
}
