import type { RuleParams } from '../../../domain/rules/rules.js';
import type { RowFacts } from '../row-facts.js';
import { yearRange, type Finding, type RuleCheck } from './rule-check.js';

/** The quantities that must all be 0 in a dormant year (only those the input has are used). */
export type DormantQuantity = 'activities' | 'revenue' | 'staff_fulltime';

/**
 * Dormant: in at least `minYears` consecutive report years, every quantity the input has
 * among activities, total revenue and full-time staff is reported and 0 (a year with one of
 * them missing is not counted as dormant). Reports the most recent such run.
 *
 * @param p `{ minYears }`
 * @param quantities the quantities the input has
 * @returns the check
 * @example
 * // 2023 and 2024 with activities, revenue and staff all 0, minYears 2 → years [2023, 2024]
 */
export function dormantCheck(p: RuleParams['dormant'], quantities: readonly DormantQuantity[]): RuleCheck {
  const useAct = quantities.includes('activities');
  const useRev = quantities.includes('revenue');
  const useFt = quantities.includes('staff_fulltime');
  let run = 0;
  let start = NaN;
  let bestFrom = NaN;
  let bestTo = NaN;
  return {
    id: 'dormant',
    reset() {
      run = 0;
      start = bestFrom = bestTo = NaN;
    },
    row(f: RowFacts, consecutive: boolean) {
      const dead = (!useAct || f.activities === 0) && (!useRev || f.revenue === 0) && (!useFt || f.ft === 0);
      if (!dead) {
        run = 0;
        return;
      }
      if (run > 0 && consecutive) run++;
      else {
        run = 1;
        start = f.year;
      }
      if (run >= p.minYears) {
        bestFrom = start;
        bestTo = f.year;
      }
    },
    finish(): Finding | null {
      if (Number.isNaN(bestFrom)) return null;
      return {
        years: yearRange(bestFrom, bestTo),
        evidence: { from: bestFrom, to: bestTo, consecutiveYears: bestTo - bestFrom + 1, quantities: [...quantities] },
      };
    },
  };
}
