import { checkValues } from './internal/check-values.js';
import { measureError } from '../measure-error.js';

/** Which Theil index: T = GE(1) (PySAL, R ineq `Theil`) or L = GE(0), mean log deviation (REAT `theil`). */
export type TheilType = 'T' | 'L';

/** Options of {@link theil}. */
export interface TheilOptions {
  /** `'T'` (default) or `'L'`. */
  type?: TheilType;
  /**
   * Population per unit. With it, Sᵢ = value share and Pᵢ = population share and
   * T = Σ Sᵢ ln(Sᵢ/Pᵢ), L = Σ Pᵢ ln(Pᵢ/Sᵢ). Feed totals (organizations), not densities.
   * Default: every unit has the same population share 1/n (PySAL `Theil(y)`).
   */
  population?: readonly number[];
}

/** Options of {@link theil} when a decomposition is asked for. */
export interface TheilDecompositionOptions extends TheilOptions {
  /** Group label of each unit (e.g. the league of each banner); one per value. */
  groups: readonly (string | number)[];
}

/** One group's part of a {@link TheilDecomposition}. */
export interface TheilGroupPart {
  /** S_g: the group's share of the values. */
  share: number;
  /** P_g: the group's population share. */
  popShare: number;
  /** The index computed inside the group (T_g or L_g); 0 for a group with share 0 (T). */
  within: number;
  /** The group's part of the within component: S_g·T_g (T) or P_g·L_g (L). */
  contribution: number;
}

/** Result of {@link theil} with groups: total = between + within exactly (up to rounding). */
export interface TheilDecomposition {
  total: number;
  /** T: Σ_g S_g ln(S_g/P_g); L: Σ_g P_g ln(P_g/S_g). */
  between: number;
  /** Σ_g contribution. */
  within: number;
  /** between / total; NaN when total is 0. */
  betweenShare: number;
  /** Keyed by the group label (as a string), in order of first appearance. */
  groups: Record<string, TheilGroupPart>;
}

/** Σ aᵢ ln(aᵢ/bᵢ) with 0·ln(0/b) = 0; a positive aᵢ with bᵢ = 0 is rejected by the caller. */
function divergence(a: readonly number[], b: readonly number[]): number {
  let acc = 0;
  for (let i = 0; i < a.length; i++) {
    if (a[i] > 0) acc += a[i] * Math.log(a[i] / b[i]);
  }
  return acc;
}

/**
 * Theil index T (default) or L, optionally against population and optionally decomposed
 * into between- and within-group parts.
 *
 * Zero value shares contribute 0 to T. A unit with a positive value share but population
 * share 0 would contribute +∞ to T, and a unit with population but value 0 contributes +∞
 * to L: both are rejected with the unit's index.
 *
 * @param values non-negative numbers (organization counts, incomes), not all 0
 * @param options `{ type = 'T', population = equal, groups }`; with `groups` the result is a
 *   {@link TheilDecomposition}
 * @returns the index (≥ 0), or the decomposition when `groups` is given
 * @throws MeasureError `E_MEASURE_INPUT` for empty input, negative or non-finite numbers, a zero
 *   sum, arrays of different lengths, an infinite term (see above), or an unknown type
 * @example
 * theil([0, 0, 0, 10, 10, 10]); // => 0.6931471805599453 (ln 2)
 * theil([10, 10, 10, 20, 50], { type: 'L' }); // => 0.23263016196113612
 * theil([1, 1], { population: [1, 3] }); // => 0.14384103622589042
 * theil([0, 0, 10, 10], { groups: ['a', 'a', 'b', 'b'] }).betweenShare; // => 1
 */
export function theil(values: readonly number[], options: TheilDecompositionOptions): TheilDecomposition;
export function theil(values: readonly number[], options?: TheilOptions): number;
export function theil(
  values: readonly number[],
  options: TheilOptions & { groups?: readonly (string | number)[] } = {},
): number | TheilDecomposition {
  const { type = 'T', population, groups } = options;
  if (type !== 'T' && type !== 'L') {
    throw measureError('theil', `type must be 'T' or 'L', got ${JSON.stringify(type)}`);
  }
  const total = checkValues('theil', values, { positiveSum: true });
  const n = values.length;
  const pop = population ?? values.map(() => 1);
  const popTotal = checkValues('theil', pop, { name: 'population', length: n, positiveSum: true });
  const s = values.map((v) => v / total);
  const p = pop.map((v) => v / popTotal);
  for (let i = 0; i < n; i++) {
    if (type === 'T' && s[i] > 0 && p[i] === 0) {
      throw measureError(
        'theil',
        `population is 0 at index ${i} but the value there is ${values[i]}; its Theil T term would be infinite`,
      );
    }
    if (type === 'L' && p[i] > 0 && s[i] === 0) {
      throw measureError(
        'theil',
        `value is 0 at index ${i}; Theil L (mean log deviation) needs every unit with population to have a positive value`,
      );
    }
  }
  // T weights by value shares, L by population shares.
  const [a, b] = type === 'T' ? [s, p] : [p, s];
  const index = divergence(a, b);
  if (groups === undefined) return index;

  if (!Array.isArray(groups as unknown) || groups.length !== n) {
    const got = Array.isArray(groups as unknown) ? `${groups.length}` : typeof groups;
    throw measureError('theil', `groups must have ${n} entries (one per value), got ${got}`);
  }
  const members = new Map<string, number[]>();
  groups.forEach((g, i) => {
    const key = String(g);
    const list = members.get(key);
    if (list) list.push(i);
    else members.set(key, [i]);
  });
  const parts: Record<string, TheilGroupPart> = {};
  let between = 0;
  let within = 0;
  for (const [key, idx] of members) {
    const share = idx.reduce((acc, i) => acc + s[i], 0);
    const popShare = idx.reduce((acc, i) => acc + p[i], 0);
    const [ag, bg] = type === 'T' ? [share, popShare] : [popShare, share];
    let inside = 0;
    if (ag > 0) {
      between += ag * Math.log(ag / bg);
      inside = divergence(
        idx.map((i) => a[i] / ag),
        idx.map((i) => b[i] / bg),
      );
    }
    const contribution = ag * inside;
    within += contribution;
    parts[key] = { share, popShare, within: inside, contribution };
  }
  return {
    total: index,
    between,
    within,
    betweenShare: index === 0 ? Number.NaN : between / index,
    groups: parts,
  };
}
