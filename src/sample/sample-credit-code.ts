import { creditCodeCheckChar } from '../domain/credit-code/credit-code-check-char.js';
import { orgCodeCheckChar } from '../domain/credit-code/org-code-check-char.js';

/** Letters that start the organization-code body, one per block of a million serials. */
const BLOCK_LETTERS = 'JKLMNPQRTUWXY';

/**
 * Build the synthetic unified social credit code of a sample organization: `5` (civil
 * affairs), the type digit, the 6-digit division, a GB 11714 organization code `M` + block
 * letter + 6 digits (the serial scrambled within its block of a million) + its check character,
 * and the GB 32100 check character.
 *
 * @param typeDigit character 2: `1` social group, `2` private non-enterprise, `3` foundation, `9` other
 * @param division 6-digit administrative division code
 * @param serial organization number, 0 ≤ serial < 13,000,000, unique per organization
 * @returns a valid 18-character code
 * @throws {SoqaError} `E_BAD_ARGUMENT` (from the check-character helpers) for a bad division or type digit
 * @example
 * sampleCreditCode('1', '150100', 0); // => '51150100MJ…' (valid, 18 characters)
 */
export function sampleCreditCode(typeDigit: string, division: string, serial: number): string {
  const block = Math.floor(serial / 1_000_000);
  const within = (((serial % 1_000_000) * 7919 + 104_729) % 1_000_000).toString().padStart(6, '0');
  const body = 'M' + BLOCK_LETTERS[block] + within;
  const first17 = '5' + typeDigit + division + body + orgCodeCheckChar(body);
  return first17 + creditCodeCheckChar(first17);
}
