import { meanOf, type CubeGroup } from '../../cube/cube.js';
import { classifyPyramid, type PyramidClass } from './qualification-pyramid.js';

/** Certificate holders by level and the ratios built on them. */
export interface CertifiedBlock {
  junior: number;
  mid: number;
  senior: number;
  total: number;
  /** Organizations reporting each level. */
  reporting: { junior: number; mid: number; senior: number };
  shares: { junior: number; mid: number; senior: number } | null;
  /** 100 · senior / junior; null without junior holders. */
  seniorPer100Junior: number | null;
  /** 1000 · certified / residents; null without a population. */
  per1000Residents: number | null;
  /** Mean holders per reporting organization, summed over the levels. */
  perOrganization: number | null;
  /** certified / (full-time + part-time staff); null without staff columns or staff. */
  shareOfStaff: number | null;
}

/** Staff structure of one group (region, type or everything) in one year. */
export interface StaffProfile {
  organizations: number;
  /** Residents the per-1,000 figures refer to. */
  population: number | null;
  certified: CertifiedBlock | null;
  pyramid: PyramidClass | null;
  staff: {
    fulltime: number;
    parttime: number;
    total: number;
    fulltimeShare: number | null;
    fulltimePerOrganization: number | null;
    parttimePerOrganization: number | null;
    /** Share of reporting organizations with at least one full-time staff member. */
    withFulltimeShare: number | null;
  } | null;
  /** staff_college / (full-time + part-time). */
  education: { college: number; collegeShare: number | null } | null;
  /** Managers: how many reported an age, mean age, share under 40 (`manager_young`). */
  managers: { reporting: number; meanAge: number | null; youngShare: number | null } | null;
}

const ratio = (a: number, b: number, scale = 1): number | null => (b > 0 ? (scale * a) / b : null);

/**
 * Staff figures of a cube group: certified social workers by level with shares, senior per
 * 100 junior, per 1,000 residents, per organization and as a share of staff; the pyramid
 * class; full-time vs part-time; college education; manager age. Parts whose columns are
 * absent (`has`) or that nobody reported are null.
 *
 * @param g the group (sums and reporting counts per measure)
 * @param population residents of the group's area (null: unknown)
 * @param has which columns the input has
 * @returns the profile
 * @example
 * staffProfile(group, 250000, new Set(['cert_junior', 'cert_mid', 'cert_senior'])).pyramid?.dominant;
 */
export function staffProfile(g: CubeGroup, population: number | null, has: ReadonlySet<string>): StaffProfile {
  const sum = (f: string): number => g.sum[f] ?? 0;
  const n = (f: string): number => g.n[f] ?? 0;
  const hasStaff = has.has('staff_fulltime') && has.has('staff_parttime');
  const staffTotal = hasStaff ? sum('staff_fulltime') + sum('staff_parttime') : 0;
  let certified: CertifiedBlock | null = null;
  if (
    has.has('cert_junior') &&
    has.has('cert_mid') &&
    has.has('cert_senior') &&
    n('cert_junior') + n('cert_mid') + n('cert_senior') > 0
  ) {
    const [junior, mid, senior] = [sum('cert_junior'), sum('cert_mid'), sum('cert_senior')];
    const total = junior + mid + senior;
    const perOrg = (['cert_junior', 'cert_mid', 'cert_senior'] as const).reduce<number | null>(
      (a, f) => (a === null || n(f) === 0 ? null : a + sum(f) / n(f)),
      0,
    );
    certified = {
      junior,
      mid,
      senior,
      total,
      reporting: { junior: n('cert_junior'), mid: n('cert_mid'), senior: n('cert_senior') },
      shares: total > 0 ? { junior: junior / total, mid: mid / total, senior: senior / total } : null,
      seniorPer100Junior: ratio(senior, junior, 100),
      per1000Residents: population !== null ? ratio(total, population, 1000) : null,
      perOrganization: perOrg,
      shareOfStaff: hasStaff ? ratio(total, staffTotal) : null,
    };
  }
  const staff =
    hasStaff && n('staff_fulltime') + n('staff_parttime') > 0
      ? {
          fulltime: sum('staff_fulltime'),
          parttime: sum('staff_parttime'),
          total: staffTotal,
          fulltimeShare: ratio(sum('staff_fulltime'), staffTotal),
          fulltimePerOrganization: n('staff_fulltime') > 0 ? meanOf(g, 'staff_fulltime') : null,
          parttimePerOrganization: n('staff_parttime') > 0 ? meanOf(g, 'staff_parttime') : null,
          withFulltimeShare: n('has_fulltime_staff') > 0 ? meanOf(g, 'has_fulltime_staff') : null,
        }
      : null;
  const education =
    hasStaff && has.has('staff_college') && n('staff_college') > 0
      ? { college: sum('staff_college'), collegeShare: ratio(sum('staff_college'), staffTotal) }
      : null;
  const managers =
    has.has('manager_age') && n('manager_age') > 0
      ? {
          reporting: n('manager_age'),
          meanAge: meanOf(g, 'manager_age'),
          youngShare: n('manager_young') > 0 ? meanOf(g, 'manager_young') : null,
        }
      : null;
  return {
    organizations: g.count,
    population,
    certified,
    pyramid: certified ? classifyPyramid(certified.junior, certified.mid, certified.senior) : null,
    staff,
    education,
    managers,
  };
}
