import { meanOf, type CubeGroup } from '../../cube/cube.js';
import { reportersRatio } from '../../cube/reporters-ratio.js';
import { classifyPyramid, type PyramidClass } from './qualification-pyramid.js';

/**
 * Certificate holders by level and the ratios built on them. Organization rows: the holders
 * of the `reporting.all` organizations that reported all three levels (one reporting set for
 * the counts, shares, per-organization mean and pyramid); yearbook tables: the table's totals.
 */
export interface CertifiedBlock {
  junior: number;
  mid: number;
  senior: number;
  total: number;
  /** Organizations reporting each level, and all three (`all`, the base of the block). */
  reporting: { junior: number; mid: number; senior: number; all: number };
  shares: { junior: number; mid: number; senior: number } | null;
  /** 100 · senior / junior; null without junior holders. */
  seniorPer100Junior: number | null;
  /** 1000 · certified / residents; null without a population. */
  per1000Residents: number | null;
  /** Mean holders (all three levels) per organization of `reporting.all`. */
  perOrganization: number | null;
  /** certified / (full-time + part-time staff) over the organizations reporting all five; null without staff columns or staff. */
  shareOfStaff: number | null;
  /** Organizations `shareOfStaff` rests on. */
  shareOfStaffReporting: number;
}

/** Staff structure of one group (region, type or everything) in one year. */
export interface StaffProfile {
  organizations: number;
  /** Residents the per-1,000 figures refer to. */
  population: number | null;
  certified: CertifiedBlock | null;
  pyramid: PyramidClass | null;
  /**
   * Full-time and part-time staff of the `reporting` organizations that reported both (the
   * base of `fulltimeShare`); per-organization means over each column's own reporters.
   */
  staff: {
    fulltime: number;
    parttime: number;
    total: number;
    reporting: number;
    fulltimeShare: number | null;
    fulltimePerOrganization: number | null;
    parttimePerOrganization: number | null;
    /** Share of reporting organizations with at least one full-time staff member. */
    withFulltimeShare: number | null;
  } | null;
  /**
   * College-educated staff and their share of full-time + part-time staff, both over the
   * `reporting` organizations that reported education and both staff columns.
   */
  education: { college: number; reporting: number; collegeShare: number | null } | null;
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
  // organization rows carry the reporting-set measures; yearbook tables only totals
  const rows = g.n.cert_junior_complete !== undefined || g.n.ft_share_den !== undefined;
  const FT_PT = ['staff_fulltime', 'staff_parttime'];
  const CERTS = ['cert_junior', 'cert_mid', 'cert_senior'] as const;
  const hasStaff = has.has('staff_fulltime') && has.has('staff_parttime');
  let certified: CertifiedBlock | null = null;
  const certBase = rows ? n('cert_junior_complete') : Math.min(...CERTS.map(n));
  if (CERTS.every((f) => has.has(f)) && certBase > 0) {
    const [junior, mid, senior] = CERTS.map((f) => sum(rows ? `${f}_complete` : f));
    const total = junior + mid + senior;
    const ofStaff = hasStaff ? reportersRatio(g, CERTS, FT_PT) : null;
    certified = {
      junior,
      mid,
      senior,
      total,
      reporting: { junior: n('cert_junior'), mid: n('cert_mid'), senior: n('cert_senior'), all: certBase },
      shares: total > 0 ? { junior: junior / total, mid: mid / total, senior: senior / total } : null,
      seniorPer100Junior: ratio(senior, junior, 100),
      per1000Residents: population !== null ? ratio(total, population, 1000) : null,
      perOrganization: rows ? total / certBase : CERTS.reduce((a, f) => a + sum(f) / n(f), 0),
      shareOfStaff: ofStaff?.value ?? null,
      shareOfStaffReporting: ofStaff?.reporting ?? 0,
    };
  }
  const ftShare = hasStaff ? reportersRatio(g, ['staff_fulltime'], FT_PT) : null;
  const staffBase = rows ? n('ft_share_den') : Math.min(n('staff_fulltime'), n('staff_parttime'));
  const [fulltime, staffTotal] = rows
    ? [sum('ft_share_num'), sum('ft_share_den')]
    : [sum('staff_fulltime'), sum('staff_fulltime') + sum('staff_parttime')];
  const staff =
    ftShare && n('staff_fulltime') + n('staff_parttime') > 0
      ? {
          fulltime,
          parttime: staffTotal - fulltime,
          total: staffTotal,
          reporting: staffBase,
          fulltimeShare: ftShare.value,
          fulltimePerOrganization: n('staff_fulltime') > 0 ? meanOf(g, 'staff_fulltime') : null,
          parttimePerOrganization: n('staff_parttime') > 0 ? meanOf(g, 'staff_parttime') : null,
          withFulltimeShare: n('has_fulltime_staff') > 0 ? meanOf(g, 'has_fulltime_staff') : null,
        }
      : null;
  const college = hasStaff && has.has('staff_college') ? reportersRatio(g, ['staff_college'], FT_PT) : null;
  const education =
    college && n('staff_college') > 0
      ? {
          college: sum(rows ? 'college_share_num' : 'staff_college'),
          reporting: college.reporting,
          collegeShare: college.value,
        }
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
