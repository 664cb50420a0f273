import type { JumpQuantity, RuleParams } from '../../../domain/rules/rules.js';
import type { RowFacts } from '../row-facts.js';
import type { Finding, RuleCheck } from './rule-check.js';

/** The value of a jump quantity in a row (staff_total: full-time + part-time, both reported). */
function valueOf(q: JumpQuantity, f: RowFacts): number {
  if (q === 'revenue') return f.revenue;
  if (q === 'staff_fulltime') return f.ft;
  return f.ft + f.pt;
}

/**
 * Implausible jump: from one report year to the next (consecutive years), a quantity
 * (total revenue, full-time staff, full-time + part-time staff) at least `factor` times the
 * previous year's, the previous year's being > 0. Reports the most recent jump (the first
 * listed quantity when several jump in the same year) and how many year-quantity jumps
 * there were.
 *
 * @param p `{ factor, quantities }`
 * @returns the check
 * @example
 * // revenue 100,000 (2019) → 1,200,000 (2020), factor 10 → jump ×12 in 2020
 */
export function implausibleJumpCheck(p: RuleParams['implausible_jump']): RuleCheck {
  const qs = p.quantities;
  const prev = new Float64Array(qs.length).fill(NaN);
  let jumps = 0;
  let last: { year: number; quantity: JumpQuantity; previous: number; current: number } | null = null;
  return {
    id: 'implausible_jump',
    reset() {
      prev.fill(NaN);
      jumps = 0;
      last = null;
    },
    row(f: RowFacts, consecutive: boolean) {
      let found: typeof last = null;
      for (let k = 0; k < qs.length; k++) {
        const v = valueOf(qs[k], f);
        if (consecutive && prev[k] > 0 && v >= p.factor * prev[k]) {
          jumps++;
          if (!found) found = { year: f.year, quantity: qs[k], previous: prev[k], current: v };
        }
        prev[k] = v;
      }
      if (found) last = found;
    },
    finish(): Finding | null {
      if (!last) return null;
      return {
        years: [last.year - 1, last.year],
        evidence: {
          year: last.year,
          quantity: last.quantity,
          previous: last.previous,
          current: last.current,
          ratio: last.current / last.previous,
          factor: p.factor,
          jumps,
        },
      };
    },
  };
}
