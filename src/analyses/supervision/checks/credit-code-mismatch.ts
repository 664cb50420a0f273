import { creditCodeTypeOf } from '../../../domain/credit-code/index.js';
import type { RuleParams } from '../../../domain/rules/rules.js';
import type { Finding, OrgFacts, RuleCheck } from './rule-check.js';

/**
 * Credit code disagreeing with type or region: a valid civil-affairs code whose 2nd
 * character declares another type than the type column (`checkType`), or whose division
 * (characters 3–8, county codes rolled up as the region column is) lies in another region of
 * the regions file than the region column (`checkRegion`) — the row checks `W_CODE_TYPE` and
 * `W_CODE_REGION` at organization level, on its latest row.
 *
 * @param p `{ checkType, checkRegion }`
 * @param resolveRegion division → region code of the regions file (null: not in it)
 * @returns the check
 * @example
 * // 51150100MJ… (social group, Hohhot) with type foundation → mismatch type
 */
export function creditCodeMismatchCheck(
  p: RuleParams['credit_code_mismatch'],
  resolveRegion: (division: string) => string | null,
): RuleCheck {
  return {
    id: 'credit_code_mismatch',
    readsRows: false,
    reset() {},
    row() {},
    finish(o: OrgFacts): Finding | null {
      const c = o.creditCode;
      if (!c || !c.valid) return null;
      const codeType = creditCodeTypeOf(c.normalized) ?? null;
      const codeRegion = resolveRegion(c.normalized.slice(2, 8));
      const typeOff = p.checkType && codeType !== null && o.type !== null && codeType !== o.type;
      const regionOff = p.checkRegion && codeRegion !== null && o.region !== null && codeRegion !== o.region;
      if (!typeOff && !regionOff) return null;
      return {
        years: [o.lastYear],
        evidence: {
          code: c.normalized,
          disagrees: typeOff && regionOff ? 'type+region' : typeOff ? 'type' : 'region',
          codeType,
          type: o.type,
          codeRegion,
          region: o.region,
        },
      };
    },
  };
}
