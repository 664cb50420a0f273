import type { CubeGroup } from './cube.js';
import { REPORTING_RATIOS, type ReportingRatio } from './derived-fields.js';

/**
 * Estimated total of a measured field over all organizations of a group: the reported sum
 * scaled by count / n (organizations that did not report the field are taken to be like
 * those that did). Equals the sum for yearbook input, where n = count. `count` gives the
 * organization count.
 *
 * @param g a cube group
 * @param field a measured field, or `count`
 * @returns the estimated total; NaN when no organization reported the field
 * @example
 * // 4 organizations, 2 reported staff_fulltime summing to 6 → 6 × 4 / 2 = 12
 * estimatedTotal({ key: {}, count: 4, sum: { staff_fulltime: 6 }, n: { staff_fulltime: 2 } }, 'staff_fulltime'); // => 12
 */
export function estimatedTotal(g: CubeGroup, field: string): number {
  if (field === 'count') return g.count;
  const n = g.n[field] ?? 0;
  return n > 0 ? (g.sum[field] * g.count) / n : NaN;
}

const sameFields = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((f) => b.includes(f));

/**
 * The reporting-set definition of a ratio of these fields, if soqa keeps one (the staff shares).
 *
 * @param numerator numerator fields
 * @param denominator denominator fields
 * @returns the definition, or undefined
 * @example
 * reportingRatioOf(['staff_college'], ['staff_fulltime', 'staff_parttime'])?.id; // => 'college_share'
 */
export function reportingRatioOf(
  numerator: readonly string[],
  denominator: readonly string[],
): ReportingRatio | undefined {
  return REPORTING_RATIOS.find((r) => sameFields(r.numerator, numerator) && sameFields(r.denominator, denominator));
}

/** A ratio and the organizations it rests on. */
export interface RatioWithBase {
  /** The ratio; null when undefined (nobody reported, or a zero denominator). */
  value: number | null;
  /** Organizations the ratio rests on (see {@link reportersRatio}). */
  reporting: number;
  /** `reporters`: one set of organizations; `totals`: the table's totals (yearbook input, or no reporting set kept). */
  basis: 'reporters' | 'totals';
}

/**
 * Σ numerator / Σ denominator, the one definition of a staff share (docs/METHODS.md, "Staff
 * shares"):
 *
 * - organization rows (the cube holds the ratio's reporting-set measures, {@link REPORTING_RATIOS}):
 *   both sums run over the organizations that reported every field of numerator and
 *   denominator; an organization that did not report a field is left out, never counted as 0;
 *   `reporting` is how many organizations that is;
 * - yearbook tables, which give only totals (and other ratios): the ratio of the estimated
 *   totals Σ T_f ({@link estimatedTotal}: the table's total when every organization it covers
 *   reported, the default; scaled by count / n when the table gives reporting counts `n_…`);
 *   `reporting` is the smallest reporting count among the fields.
 *
 * @param g a cube group
 * @param numerator numerator fields (`count` allowed as the only one)
 * @param denominator denominator fields
 * @returns the ratio, its base and the kind of base
 * @example
 * // 3 organizations reported education and staff: 12 + 18 + 5 college of 30 + 50 + 10 staff
 * reportersRatio(group, ['staff_college'], ['staff_fulltime', 'staff_parttime']); // => { value: 35 / 90, reporting: 3, basis: 'reporters' }
 */
export function reportersRatio(
  g: CubeGroup,
  numerator: readonly string[],
  denominator: readonly string[],
): RatioWithBase {
  const pair = reportingRatioOf(numerator, denominator);
  if (pair && g.n[pair.den[0]] !== undefined) {
    const reporting = g.n[pair.den[0]];
    const sumOf = (fs: readonly string[]): number => fs.reduce((s, f) => s + (g.sum[f] ?? 0), 0);
    const den = sumOf(pair.den);
    return { value: reporting > 0 && den !== 0 ? sumOf(pair.num) / den : null, reporting, basis: 'reporters' };
  }
  const total = (fs: readonly string[]): number => fs.reduce((s, f) => s + estimatedTotal(g, f), 0);
  const den = total(denominator);
  const num = total(numerator);
  const reporting = Math.min(...[...numerator, ...denominator].map((f) => (f === 'count' ? g.count : (g.n[f] ?? 0))));
  return { value: Number.isNaN(num) || !(den > 0 || den < 0) ? null : num / den, reporting, basis: 'totals' };
}
