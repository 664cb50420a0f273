import { FIELD_BY_NAME, FIELDS, REQUIRED_FIELDS } from '../../dataset/fields.js';
import type { Profile } from '../profile/profile.js';
import { normalizeHeader } from './normalize-header.js';
import { columnUnits, type ColumnUnits } from './column-units.js';
import type { Unit } from './header-unit.js';

/** How the input's header row maps onto canonical fields. */
export interface HeaderMapping {
  /** For each input column index: the canonical field it feeds, or null (ignored). */
  fieldOf: (string | null)[];
  /** Canonical fields present, in canonical order. */
  present: string[];
  /** Required fields with no column. */
  missingRequired: string[];
  /** Canonical fields that two or more columns map to (the first one is used). */
  duplicates: { field: string; headers: string[] }[];
  /** Input headers that map to nothing. */
  ignored: string[];
  /** 1-based positions of blank headers. */
  blank: number[];
  /** Units of the mapped columns (headers `（万元）`, the table's unit line): factors to the field's unit, conflicts. */
  units: ColumnUnits;
}

/**
 * Map a header row onto canonical field names through the profile's aliases. The
 * canonical name always matches itself; matching ignores case, width, spaces, underscores
 * and a trailing unit in parentheses.
 *
 * @param headers the header cells
 * @param profile the input profile
 * @param lineUnit the unit the table's unit line states (`单位：万元`), if any
 * @returns the mapping with missing, duplicate, ignored and blank columns listed, and the columns' units
 * @example
 * mapHeaders(['统一社会信用代码', 'name'], loadProfile()).fieldOf; // => ['org_id', 'name']
 */
export function mapHeaders(headers: string[], profile: Profile, lineUnit: Unit | null = null): HeaderMapping {
  const aliasToField = new Map<string, string>();
  for (const f of FIELDS) aliasToField.set(normalizeHeader(f.name), f.name);
  for (const [field, aliases] of Object.entries(profile.columns)) {
    // aggregated-table columns (count, count_total, derived measures) are not organization fields
    if (!FIELD_BY_NAME.has(field)) continue;
    for (const a of aliases) {
      const key = normalizeHeader(a);
      if (!aliasToField.has(key)) aliasToField.set(key, field);
    }
  }
  const fieldOf: (string | null)[] = [];
  const firstHeader = new Map<string, string>();
  const dup = new Map<string, string[]>();
  const ignored: string[] = [];
  const blank: number[] = [];
  headers.forEach((h, i) => {
    const key = normalizeHeader(h);
    if (!key) {
      blank.push(i + 1);
      fieldOf.push(null);
      return;
    }
    const field = aliasToField.get(key) ?? null;
    if (field && firstHeader.has(field)) {
      const list = dup.get(field) ?? [firstHeader.get(field)!];
      list.push(h);
      dup.set(field, list);
      fieldOf.push(null);
      return;
    }
    if (field) firstHeader.set(field, h);
    else ignored.push(h);
    fieldOf.push(field);
  });
  const present = FIELDS.map((f) => f.name).filter((n) => firstHeader.has(n));
  return {
    fieldOf,
    present,
    missingRequired: REQUIRED_FIELDS.filter((f) => !firstHeader.has(f)),
    duplicates: [...dup].map(([field, hs]) => ({ field, headers: hs })),
    ignored,
    blank,
    units: columnUnits(headers, (c) => fieldOf[c], lineUnit),
  };
}
