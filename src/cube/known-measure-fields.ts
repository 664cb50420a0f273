import { FIELDS, NUMERIC_KINDS } from '../dataset/fields.js';
import { DERIVED_FIELDS } from './derived-fields.js';

/**
 * Fields a compute spec may name: numeric canonical fields (not the year) and derived fields.
 * `count` (the organization count) is accepted where the kind allows it.
 *
 * @returns the field names, canonical fields first (in docs/DATA.md order), then derived ones
 * @example
 * knownMeasureFields().includes('rev_total'); // => true
 */
export function knownMeasureFields(): string[] {
  const canonical = FIELDS.filter((f) => NUMERIC_KINDS.has(f.kind) && f.name !== 'year').map((f) => f.name);
  return [...canonical, ...DERIVED_FIELDS.filter((d) => !d.rowOnly).map((d) => d.name)];
}
