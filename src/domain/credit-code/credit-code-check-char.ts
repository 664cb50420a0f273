import { SoqaError } from '../../core/soqa-error.js';
import { invalidArgument } from '../../core/messages/index.js';
import { CREDIT_CODE_ALPHABET } from './credit-code-alphabet.js';

const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/**
 * The check character (18th) of a unified social credit code (GB 32100-2015): each of the
 * first 17 characters has the value of its index in {@link CREDIT_CODE_ALPHABET}; with weights
 * 1,3,9,27,19,26,16,17,20,29,25,13,8,24,10,30,28 the check value is 31 − (Σ mod 31), and 31 → 0.
 *
 * @param first17 the first 17 characters, upper case, from the 31-character alphabet
 * @returns the 18th character
 * @throws {SoqaError} `E_BAD_ARGUMENT` when `first17` is not 17 allowed characters
 * @example
 * creditCodeCheckChar('9144030071526726X'); // => 'G'
 */
export function creditCodeCheckChar(first17: string): string {
  if (typeof first17 !== 'string' || first17.length !== 17) {
    throw new SoqaError(
      'E_BAD_ARGUMENT',
      invalidArgument('creditCodeCheckChar', first17, '17 characters of a credit code'),
    );
  }
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = CREDIT_CODE_ALPHABET.indexOf(first17[i]);
    if (v < 0) {
      throw new SoqaError(
        'E_BAD_ARGUMENT',
        invalidArgument(
          'creditCodeCheckChar',
          first17,
          `only the characters ${CREDIT_CODE_ALPHABET} (character ${JSON.stringify(first17[i])} at position ${i + 1} is not allowed)`,
        ),
      );
    }
    sum += v * WEIGHTS[i];
  }
  const c = 31 - (sum % 31);
  return CREDIT_CODE_ALPHABET[c === 31 ? 0 : c];
}
