import type { RuleParams } from '../../../domain/rules/rules.js';
import type { RowFacts } from '../row-facts.js';
import type { Finding, RuleCheck } from './rule-check.js';

/**
 * Certified staff above total staff: in some report year, certified social workers
 * (junior + intermediate + senior, those reported) exceed full-time + part-time staff
 * (part-time missing = 0; full-time missing: the year is not judged) plus `margin` — the
 * row check `W_CERT_EXCEEDS_STAFF` at organization level. Reports every such year and the
 * latest one's numbers.
 *
 * @param p `{ margin }`
 * @returns the check
 * @example
 * // 2022: 5 certified, 3 full-time + 1 part-time → certified 5 > staff 4
 */
export function certAboveStaffCheck(p: RuleParams['cert_above_staff']): RuleCheck {
  const years: number[] = [];
  let cert = NaN;
  let staff = NaN;
  return {
    id: 'cert_above_staff',
    reset() {
      if (years.length) years.length = 0;
      cert = staff = NaN;
    },
    row(f: RowFacts) {
      const s = f.ft + (Number.isNaN(f.pt) ? 0 : f.pt);
      if (f.cert > s + p.margin) {
        years.push(f.year);
        cert = f.cert;
        staff = s;
      }
    },
    finish(): Finding | null {
      if (years.length === 0) return null;
      return {
        years: years.slice(),
        evidence: { year: years[years.length - 1], certified: cert, staff, margin: p.margin, yearsAbove: years.length },
      };
    },
  };
}
