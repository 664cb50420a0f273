import { sortPairs } from '../sort-pairs.js';

/**
 * Percentile of each value among its peer group: the rank normalisation of the indicator
 * machinery (`rankNormalize` with `scale`, COINr `n_rank` rescaled) applied within each
 * group — p = (r − 1)/(k − 1) with r the average rank among the k reported values of the
 * group (ties share their average rank), reversed (1 − p) for a negative indicator. A missing
 * value stays NaN; in a group with fewer than two distinct reported values every value is NaN
 * (the indicator says nothing about those peers and is left out of their score).
 * Each group's reported values are sorted once with their organizations (typed arrays,
 * O(n log n) overall) and runs of equal values get their average rank in one sweep.
 *
 * @param values one value per organization, NaN = missing
 * @param group the peer group of each organization (0 … groups − 1)
 * @param groups number of groups
 * @param direction 1: more is better; −1: less is better
 * @returns the percentiles on [0, 1]
 * @example
 * peerPercentiles(Float64Array.of(5, 7, 5, 1), Int32Array.of(0, 0, 0, 1), 2, 1);
 * // => [0.25, 1, 0.25, NaN]
 */
export function peerPercentiles(
  values: ArrayLike<number>,
  group: Int32Array,
  groups: number,
  direction: 1 | -1,
): Float64Array {
  return new PeerRanker(group, groups).percentiles(values, direction).slice();
}

/**
 * {@link peerPercentiles} for many indicators over the same peer groups: the organizations
 * are ordered by group once, and the working arrays are made once.
 *
 * @example
 * const ranker = new PeerRanker(Int32Array.of(0, 0, 0, 1), 2);
 * ranker.percentiles(Float64Array.of(5, 7, 5, 1), 1); // => [0.25, 1, 0.25, NaN]
 * ranker.percentiles(Float64Array.of(5, 7, 5, 1), -1); // => [0.75, 0, 0.75, NaN]
 */
export class PeerRanker {
  /** `members[start[g] .. start[g + 1])` are group g's organizations, ascending. */
  private readonly start: Uint32Array;
  private readonly members: Uint32Array;
  private readonly keys: Float64Array;
  private readonly who: Uint32Array;
  private readonly out: Float64Array;

  /**
   * @param group the peer group of each organization (0 … groups − 1)
   * @param groups number of groups
   */
  constructor(group: Int32Array, groups: number) {
    const n = group.length;
    // organizations by group (counting sort)
    const start = new Uint32Array(groups + 1);
    for (let k = 0; k < n; k++) start[group[k] + 1]++;
    for (let g = 1; g <= groups; g++) start[g] += start[g - 1];
    const next = start.slice(0, groups);
    const members = new Uint32Array(n);
    for (let k = 0; k < n; k++) members[next[group[k]]++] = k;
    this.start = start;
    this.members = members;
    this.keys = new Float64Array(n);
    this.who = new Uint32Array(n);
    this.out = new Float64Array(n);
  }

  /**
   * The percentiles of one indicator's values (see {@link peerPercentiles}).
   *
   * @param values one value per organization, NaN = missing
   * @param direction 1: more is better; −1: less is better
   * @returns the percentiles on [0, 1], in an array this ranker reuses: read it before the next call
   */
  percentiles(values: ArrayLike<number>, direction: 1 | -1): Float64Array {
    const { start, members, keys, who, out } = this;
    out.fill(NaN);
    for (let g = 0; g + 1 < start.length; g++) {
      let m = 0;
      for (let p = start[g]; p < start[g + 1]; p++) {
        const k = members[p];
        const v = values[k];
        if (!Number.isNaN(v)) {
          keys[m] = v;
          who[m++] = k;
        }
      }
      if (m < 2) continue;
      sortPairs(keys, who, 0, m);
      if (keys[0] === keys[m - 1]) continue;
      // a run [lo, hi) of equal values: lo values below, hi at most → average rank (lo + 1 + hi) / 2
      for (let lo = 0; lo < m;) {
        const v = keys[lo];
        let hi = lo + 1;
        while (hi < m && keys[hi] === v) hi++;
        const r = (lo + 1 + hi) / 2;
        const q = (r - 1) / (m - 1);
        const p = direction === 1 ? q : 1 - q;
        for (let t = lo; t < hi; t++) out[who[t]] = p;
        lo = hi;
      }
    }
    return out;
  }
}
