/**
 * Certified social workers by level and region, from the staff section of results.json.
 */
import type { Lang } from '../labels.js';
import type { Results } from '../../../results/results.js';
import type { StaffProfile } from '../../../results/section-types.js';

/** Certificate levels, junior to senior. */
export const CERT_LEVELS = ['junior', 'mid', 'senior'] as const;
/** One certificate level. */
export type CertLevel = (typeof CERT_LEVELS)[number];

/** One region's (or all regions') certified social workers. */
export interface StaffLevelRow {
  /** Region code, or '' for all regions together. */
  region: string;
  name: string;
  counts: Record<CertLevel, number>;
  total: number;
  shares: Record<CertLevel, number>;
}

/**
 * Certified social workers by level for all regions together and for each region, in the
 * last year of the staff section that has certificate data.
 *
 * @param results results.json
 * @param lang language of the region names
 * @param allLabel name of the all-regions row
 * @returns the year and rows (all regions first, then regions with certified staff in
 *   regions-file order), or null when the section is absent, skipped or has no certificates
 * @example
 * staffLevels(results, 'zh', '全区')?.rows[0].shares.senior; // => 0.019
 */
export function staffLevels(
  results: Results,
  lang: Lang,
  allLabel: string,
): { year: number; rows: StaffLevelRow[] } | null {
  const s = results.analyses.staff;
  if (!s || s.skipped) return null;
  const years = s.byYear;
  const row = (region: string, name: string, p: StaffProfile): StaffLevelRow | null => {
    const c = p.certified;
    if (!c) return null;
    const counts = { junior: c.junior, mid: c.mid, senior: c.senior };
    const total = counts.junior + counts.mid + counts.senior;
    if (!(total > 0)) return null;
    return {
      region,
      name,
      counts,
      total,
      shares: { junior: counts.junior / total, mid: counts.mid / total, senior: counts.senior / total },
    };
  };
  for (let i = years.length - 1; i >= 0; i--) {
    const y = years[i];
    const all = row('', allLabel, y.all);
    if (!all) continue;
    const regions = y.byRegion
      .map((r) => row(r.region, lang === 'zh' ? r.zh : r.en, r))
      .filter((r): r is StaffLevelRow => r !== null);
    return { year: y.year, rows: [all, ...regions] };
  }
  return null;
}
