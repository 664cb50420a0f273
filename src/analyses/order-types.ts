import { ORG_TYPES } from '../dataset/fields.js';

/**
 * Organization type codes in soqa's canonical order (social groups, private non-enterprise
 * units, foundations, other), unknown codes after them alphabetically.
 *
 * @example
 * orderTypes(['foundation', 'social_group']); // => ['social_group', 'foundation']
 */
export function orderTypes(types: readonly string[]): string[] {
  const rank = (t: string): number => {
    const i = (ORG_TYPES as readonly string[]).indexOf(t);
    return i < 0 ? ORG_TYPES.length : i;
  };
  return [...new Set(types)].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
}
