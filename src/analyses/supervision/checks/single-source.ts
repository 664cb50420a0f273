import type { RuleParams } from '../../../domain/rules/rules.js';
import type { RowFacts } from '../row-facts.js';
import type { Finding, RuleCheck } from './rule-check.js';

/**
 * Single-source dependence: in the latest report year, the source (default government
 * purchase of services) is more than `maxShare` of total revenue (revenue > 0).
 *
 * @param p `{ source, maxShare }`
 * @returns the check
 * @example
 * // 2024: government purchase 95,000 of revenue 100,000 → share 0.95 > 0.9
 */
export function singleSourceCheck(p: RuleParams['single_source']): RuleCheck {
  let year = NaN;
  let amount = NaN;
  let revenue = NaN;
  return {
    id: 'single_source',
    reset() {
      year = amount = revenue = NaN;
    },
    row(f: RowFacts) {
      year = f.year;
      amount = f.source;
      revenue = f.revenue;
    },
    finish(): Finding | null {
      if (!(revenue > 0) || !(amount / revenue > p.maxShare)) return null;
      return {
        years: [year],
        evidence: { year, source: p.source, amount, revenue, share: amount / revenue, maxShare: p.maxShare },
      };
    },
  };
}
