import type { RuleParams } from '../../../domain/rules/rules.js';
import type { RowFacts } from '../row-facts.js';
import type { Finding, OrgFacts, RuleCheck } from './rule-check.js';

/**
 * Missing annual reports: the years without a row from the first year a report was due
 * (the later of the registration year and the panel's first year) to the last report year;
 * with `trailing`, also the years after the last report up to the as-of year while the
 * organization was not deregistered (up to its deregistration year when it has one; none
 * when its status is deregistered without a date). Trips with at least `minMissingYears`.
 *
 * @param p `{ minMissingYears, trailing }`
 * @returns the check
 * @example
 * // registered 2010, reports 2010–2014 and 2016–2024 → missing [2015]
 */
export function missingReportCheck(p: RuleParams['missing_report']): RuleCheck {
  const inner: number[] = [];
  let prev = NaN;
  return {
    id: 'missing_report',
    reset() {
      if (inner.length) inner.length = 0;
      prev = NaN;
    },
    row(f: RowFacts) {
      if (!Number.isNaN(prev)) for (let y = prev + 1; y < f.year; y++) inner.push(y);
      prev = f.year;
    },
    finish(o: OrgFacts): Finding | null {
      if (o.rows === 0) return null;
      const due = Number.isNaN(o.registeredYear) ? o.firstYear : Math.max(o.registeredYear, o.panelFirstYear);
      const leading: number[] = [];
      for (let y = due; y < o.firstYear; y++) leading.push(y);
      const trailing: number[] = [];
      if (p.trailing && !(o.statusDeregistered && Number.isNaN(o.deregisteredYear))) {
        const until = Number.isNaN(o.deregisteredYear) ? o.asOf : Math.min(o.asOf, o.deregisteredYear);
        for (let y = o.lastYear + 1; y <= until; y++) trailing.push(y);
      }
      const missing = [...leading, ...inner, ...trailing];
      if (missing.length < p.minMissingYears) return null;
      return {
        years: missing,
        evidence: {
          missingYears: missing,
          dueFrom: due,
          firstReport: o.firstYear,
          lastReport: o.lastYear,
          afterLastReport: trailing.length,
        },
      };
    },
  };
}
