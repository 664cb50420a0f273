import { creditCodeCheckChar, orgCodeCheckChar } from '../../src/domain/credit-code/index.js';

/**
 * A valid civil-affairs unified social credit code (DOMAIN.md, GB 32100-2015): char 1 `5`
 * (civil affairs), char 2 the type digit (1 social group, 2 private non-enterprise unit,
 * 3 foundation), chars 3–8 the division code, chars 9–16 `MJ` + a 6-digit serial, char 17
 * the GB 11714 check, char 18 the GB 32100 check. The same recipe as
 * test/fixtures/make-fixtures.mjs.
 *
 * @example
 * civilCode('1', '150100', 1); // => '51150100MJ0000018M'
 */
export function civilCode(typeDigit: '1' | '2' | '3' | '9', division: string, serial: number): string {
  const body = `MJ${String(serial).padStart(6, '0')}`;
  const first17 = `5${typeDigit}${division}${body}${orgCodeCheckChar(body)}`;
  return first17 + creditCodeCheckChar(first17);
}

/** The code with its 18th character replaced by the next one of the alphabet (fails the check). */
export function breakCheckChar(code: string): string {
  const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  return code.slice(0, 17) + alphabet[(alphabet.indexOf(code[17]) + 1) % alphabet.length];
}
