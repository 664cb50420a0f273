import { normalizeHeader } from '../header/normalize-header.js';
import { normalizeText } from '../../domain/normalize-text.js';
import type { Profile } from './profile.js';

/**
 * A profile on top of the one it extends: the child's header aliases, value aliases and
 * derivations come first and win; the base's are kept for every field, minus any alias the
 * child gives to another field (or value). `regions`, `idKind`, `years`, `description` and
 * `derive` rules of a field are the child's where it sets them, else the base's.
 *
 * @param base the profile extended (already merged with its own base)
 * @param child the profile as read from its file
 * @returns the merged profile (the child's id; `extends` dropped)
 * @example
 * extendProfile(loadProfile('default'), { id: 'x', columns: {}, values: { type: { foundation: ['基金'] } } }).columns.org_id.length > 0; // => true
 */
export function extendProfile(base: Profile, child: Profile): Profile {
  const { extends: _drop, ...own } = child;
  const merged: Profile = {
    ...base,
    ...own,
    columns: mergeAliases(base.columns, child.columns ?? {}, normalizeHeader),
  };
  delete merged.extends;
  delete merged.source;
  if (base.values || child.values) {
    const values: Record<string, Record<string, string[]>> = {};
    for (const f of new Set([...Object.keys(child.values ?? {}), ...Object.keys(base.values ?? {})]))
      values[f] = mergeAliases(base.values?.[f] ?? {}, child.values?.[f] ?? {}, foldValue);
    merged.values = values;
  }
  if (base.derive || child.derive) merged.derive = { ...base.derive, ...child.derive };
  return merged;
}

const foldValue = (s: string): string => normalizeText(s).toLowerCase();

/** key → aliases: the child's lists first, then the base's without the aliases the child claims for another key. */
function mergeAliases(
  base: Record<string, string[]>,
  child: Record<string, string[]>,
  fold: (s: string) => string,
): Record<string, string[]> {
  const claimed = new Map<string, string>();
  for (const [k, list] of Object.entries(child)) for (const a of list) claimed.set(fold(a), k);
  const out: Record<string, string[]> = {};
  for (const k of new Set([...Object.keys(child), ...Object.keys(base)])) {
    const seen = new Set<string>();
    const list: string[] = [];
    const add = (a: string): void => {
      seen.add(fold(a));
      list.push(a);
    };
    for (const a of child[k] ?? []) if (!seen.has(fold(a))) add(a);
    for (const a of base[k] ?? []) {
      const f = fold(a);
      const owner = claimed.get(f);
      if ((owner === undefined || owner === k) && !seen.has(f)) add(a);
    }
    out[k] = list;
  }
  return out;
}
