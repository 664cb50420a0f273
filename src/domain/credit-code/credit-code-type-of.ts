import type { OrgType } from '../../dataset/fields.js';

/** Type of organization by the 2nd character of a civil-affairs (`5…`) credit code (the one list of them). */
export const TYPE_BY_DIGIT: Readonly<Record<string, OrgType>> = {
  '1': 'social_group',
  '2': 'private_non_enterprise',
  '3': 'foundation',
  '9': 'other',
};

/**
 * The organization type a civil-affairs credit code declares. Only codes registered by civil
 * affairs (character 1 = `5`) carry a social-organization type in character 2:
 * `1` social group, `2` private non-enterprise unit, `3` foundation, `9` other.
 * The code is trimmed and upper-cased first; the checksum is NOT verified here
 * (use `checkCreditCode`).
 *
 * @param code a unified social credit code
 * @returns the type code, or `undefined` when the code is not a civil-affairs code or its
 *   character 2 is none of 1, 2, 3, 9
 * @example
 * creditCodeTypeOf('52150600MJ0000018C'); // => 'private_non_enterprise'
 * creditCodeTypeOf('9144030071526726XG'); // => undefined (an enterprise)
 */
export function creditCodeTypeOf(code: string): OrgType | undefined {
  const c = String(code ?? '')
    .trim()
    .toUpperCase();
  if (c.length < 2 || c[0] !== '5') return undefined;
  return TYPE_BY_DIGIT[c[1]];
}
