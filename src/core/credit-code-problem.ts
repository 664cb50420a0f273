/**
 * What makes a unified social credit code (GB 32100-2015) invalid, as data: the checks
 * (domain/credit-code/check-credit-code.ts) return it, the messages
 * (core/messages/credit-code.ts) say it in either language.
 *
 * - `length`: the code has `found` characters instead of 18;
 * - `character`: the character at `position` (1–18) is outside the 31-character alphabet;
 * - `org-check`: the organization-code check character (character 17, GB 11714) is `found`, not `expected`;
 * - `check-char`: the code's own check character (character 18) is `found`, not `expected`.
 */
export type CreditCodeProblem =
  | { kind: 'length'; found: number; expected: 18 }
  | { kind: 'character'; position: number; found: string }
  | { kind: 'org-check'; found: string; expected: string }
  | { kind: 'check-char'; found: string; expected: string };

/** What does not make a credit code invalid but a user should see: lower-case letters (read as upper case). */
export type CreditCodeWarning = { kind: 'lowercase' };
