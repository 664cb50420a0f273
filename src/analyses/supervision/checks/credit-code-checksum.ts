import { creditCodeProblem } from '../../../core/messages/credit-code.js';
import type { Finding, OrgFacts, RuleCheck } from './rule-check.js';

/** True for an id that looks like a credit code: 18 letters or digits (as the row check reads them). */
export const looksLikeCreditCode = (id: string): boolean => id.length === 18 && /^[0-9A-Za-z]{18}$/.test(id);

/**
 * Credit code failing its checksum: an 18-character id whose GB 32100-2015 check character
 * or GB 11714 organization-code check fails (ids of another shape, e.g. US EINs, are not
 * judged).
 *
 * @returns the check
 * @example
 * // 51150300MJ1508294P with the check character replaced → problems ['check character is …']
 */
export function creditCodeChecksumCheck(): RuleCheck {
  return {
    id: 'credit_code_checksum',
    readsRows: false,
    reset() {},
    row() {},
    finish(o: OrgFacts): Finding | null {
      const c = o.creditCode;
      if (!c || c.valid) return null;
      // results.json keeps the problems in English; the evidence text says them again from the code
      const problems = c.problems.map((p) => creditCodeProblem(p, 'en'));
      return { years: [o.lastYear], evidence: { code: c.normalized, problems } };
    },
  };
}
