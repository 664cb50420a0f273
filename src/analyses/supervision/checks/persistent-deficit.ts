import type { RuleParams } from '../../../domain/rules/rules.js';
import type { RowFacts } from '../row-facts.js';
import { yearRange, type Finding, type RuleCheck } from './rule-check.js';

/**
 * Persistent deficit: expenses > `ratio` × total revenue in at least `minYears` consecutive
 * report years (both reported). Reports the most recent such run with its revenue and
 * expenses year by year.
 *
 * @param p `{ minYears, ratio }`
 * @returns the check
 * @example
 * // expenses above revenue in 2019, 2020, 2021, minYears 3 → years [2019, 2020, 2021]
 */
export function persistentDeficitCheck(p: RuleParams['persistent_deficit']): RuleCheck {
  const rev: number[] = [];
  const exp: number[] = [];
  let start = NaN;
  let best: { from: number; revenue: number[]; expenses: number[] } | null = null;
  return {
    id: 'persistent_deficit',
    reset() {
      if (rev.length) rev.length = exp.length = 0;
      start = NaN;
      best = null;
    },
    row(f: RowFacts, consecutive: boolean) {
      const deficit = f.expenses > p.ratio * f.revenue; // false when either is NaN
      if (!deficit) {
        if (rev.length) rev.length = exp.length = 0;
        return;
      }
      if (rev.length === 0 || !consecutive) {
        if (rev.length) rev.length = exp.length = 0;
        start = f.year;
      }
      rev.push(f.revenue);
      exp.push(f.expenses);
      if (rev.length >= p.minYears) best = { from: start, revenue: rev.slice(), expenses: exp.slice() };
    },
    finish(): Finding | null {
      if (!best) return null;
      const to = best.from + best.revenue.length - 1;
      return {
        years: yearRange(best.from, to),
        evidence: {
          from: best.from,
          to,
          consecutiveYears: best.revenue.length,
          revenue: best.revenue,
          expenses: best.expenses,
        },
      };
    },
  };
}
