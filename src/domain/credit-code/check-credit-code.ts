import type { CreditCodeProblem, CreditCodeWarning } from '../../core/credit-code-problem.js';
import { CREDIT_CODE_ALPHABET } from './credit-code-alphabet.js';
import { creditCodeCheckChar } from './credit-code-check-char.js';
import { orgCodeCheckChar } from './org-code-check-char.js';

export type { CreditCodeProblem, CreditCodeWarning };

/** Outcome of {@link checkCreditCode}. */
export interface CreditCodeCheck {
  /** True when the code has 18 allowed characters and both check characters agree. */
  valid: boolean;
  /** The code trimmed and upper-cased. */
  normalized: string;
  /** What makes the code invalid (empty when `valid`), in the order the checks run. */
  problems: CreditCodeProblem[];
  /** Things that do not make it invalid but that a user should see (lower-case letters). */
  warnings: CreditCodeWarning[];
  /** True when the input had lower-case letters (accepted; `normalized` is upper case). */
  lowercase: boolean;
  /** Character 1: registration authority (`5` = civil affairs). */
  authority?: string;
  /** Character 2: type under that authority (for civil affairs 1, 2, 3 or 9). */
  typeDigit?: string;
  /** Characters 3–8: administrative division code of the registering authority. */
  division?: string;
}

const ORG_CHAR = /^[0-9A-Z]$/;

/**
 * Check a unified social credit code (统一社会信用代码, GB 32100-2015): length 18, characters
 * from the 31-character alphabet, the organization-code check (GB 11714, character 17) and the
 * code's own check character (character 18). Surrounding white space is ignored; lower-case
 * letters are accepted, upper-cased in `normalized`, and reported as a warning, not a problem.
 *
 * @param code the code as found in the data
 * @returns validity, the normalized code, every problem found, warnings, and the parts
 *   (authority, type digit, division) that could be read
 * @example
 * checkCreditCode('91110108551385082Q').valid; // => true
 * checkCreditCode('91110108551385082A').problems; // => [{ kind: 'check-char', found: 'A', expected: 'Q' }]
 */
export function checkCreditCode(code: string): CreditCodeCheck {
  const trimmed = String(code ?? '').trim();
  const lowercase = /[a-z]/.test(trimmed);
  const normalized = trimmed.toUpperCase();
  const problems: CreditCodeProblem[] = [];
  const warnings: CreditCodeWarning[] = lowercase ? [{ kind: 'lowercase' }] : [];
  const n = normalized.length;

  if (n !== 18) problems.push({ kind: 'length', found: n, expected: 18 });
  let allAllowed = true;
  for (let i = 0; i < n; i++) {
    if (CREDIT_CODE_ALPHABET.indexOf(normalized[i]) < 0) {
      allAllowed = false;
      problems.push({ kind: 'character', position: i + 1, found: normalized[i] });
    }
  }

  if (n === 18) {
    const body = normalized.slice(8, 16);
    let orgOk = true;
    for (let i = 0; i < 8; i++) if (!ORG_CHAR.test(body[i])) orgOk = false;
    if (orgOk) {
      const expected = orgCodeCheckChar(body);
      if (normalized[16] !== expected) {
        problems.push({ kind: 'org-check', found: normalized[16], expected });
      }
    }
    if (allAllowed) {
      const expected = creditCodeCheckChar(normalized.slice(0, 17));
      if (normalized[17] !== expected) {
        problems.push({ kind: 'check-char', found: normalized[17], expected });
      }
    }
  }

  const result: CreditCodeCheck = { valid: problems.length === 0, normalized, problems, warnings, lowercase };
  if (n >= 1) result.authority = normalized[0];
  if (n >= 2) result.typeDigit = normalized[1];
  if (n >= 8) result.division = normalized.slice(2, 8);
  return result;
}
