import { SoqaError } from '../../core/soqa-error.js';
import { invalidArgument } from '../../core/messages/index.js';

const WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/**
 * The check character (9th) of an organization code (GB 11714), which forms characters 9–17
 * of a unified social credit code. Digits count as 0–9 and letters as A = 10 … Z = 35; with
 * weights 3,7,9,10,5,8,4,2 the check value is 11 − (Σ mod 11), where 10 → `X` and 11 → `0`.
 *
 * @param first8 the first 8 characters of the organization code (digits or upper-case letters)
 * @returns the 9th character: a digit or `X`
 * @throws {SoqaError} `E_BAD_ARGUMENT` when `first8` is not 8 digits/upper-case letters
 * @example
 * orgCodeCheckChar('71526726'); // => 'X'
 */
export function orgCodeCheckChar(first8: string): string {
  if (typeof first8 !== 'string' || !/^[0-9A-Z]{8}$/.test(first8)) {
    throw new SoqaError(
      'E_BAD_ARGUMENT',
      invalidArgument('orgCodeCheckChar', first8, '8 digits or upper-case letters'),
    );
  }
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const ch = first8.charCodeAt(i);
    const v = ch <= 57 ? ch - 48 : ch - 55;
    sum += v * WEIGHTS[i];
  }
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}
