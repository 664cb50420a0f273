/**
 * Unified social credit code (GB 32100-2015) helpers: validation, check characters and the
 * social-organization type a civil-affairs code declares.
 */
export { CREDIT_CODE_ALPHABET } from './credit-code-alphabet.js';
export { checkCreditCode } from './check-credit-code.js';
export type { CreditCodeCheck, CreditCodeProblem, CreditCodeWarning } from './check-credit-code.js';
export { creditCodeCheckChar } from './credit-code-check-char.js';
export { orgCodeCheckChar } from './org-code-check-char.js';
export { creditCodeTypeOf } from './credit-code-type-of.js';
