import type { RuleParams } from '../../../domain/rules/rules.js';
import type { RowFacts } from '../row-facts.js';
import type { Finding, OrgFacts, RuleCheck } from './rule-check.js';

/**
 * Deregistered but still reporting: report years at least `minYearsAfter` after the year of
 * the organization's (latest given) deregistration date.
 *
 * @param p `{ minYearsAfter }`
 * @returns the check
 * @example
 * // deregistered 2019-05-12, reports 2008–2024 → years after [2020 … 2024]
 */
export function deregisteredReportingCheck(p: RuleParams['deregistered_reporting']): RuleCheck {
  const years: number[] = [];
  return {
    id: 'deregistered_reporting',
    reset() {
      if (years.length) years.length = 0;
    },
    row(f: RowFacts) {
      years.push(f.year);
    },
    finish(o: OrgFacts): Finding | null {
      if (Number.isNaN(o.deregisteredYear)) return null;
      const after = years.filter((y) => y >= o.deregisteredYear + p.minYearsAfter);
      if (after.length === 0) return null;
      return {
        years: after,
        evidence: {
          deregistered: o.deregisteredDate,
          deregisteredYear: o.deregisteredYear,
          reportsAfter: after.length,
          firstAfter: after[0],
          lastAfter: after[after.length - 1],
        },
      };
    },
  };
}
