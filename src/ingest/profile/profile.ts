/** An input profile as stored in `config/profiles/*.json` (see schemas/profile.schema.json). */
export interface Profile {
  id: string;
  /**
   * The profile this one builds on: a built-in name or a path (relative to this file). A
   * profile file without the key extends `default`; `null` extends nothing.
   */
  extends?: string | null;
  description?: { en?: string; zh?: string };
  /** Built-in regions id or a path (relative paths are resolved against the profile file). */
  regions?: string;
  /** `credit-code`: ids of 18 characters are checked as unified social credit codes. */
  idKind?: 'credit-code' | 'plain';
  years?: { min: number; max: number };
  columns: Record<string, string[]>;
  values?: Record<string, Record<string, string[]>>;
  /**
   * Canonical fields computed from other cells when the input has no column for them (or the
   * column's cell is empty): one rule, or a list of alternatives tried in order. See
   * docs/PROFILES.md "Derived fields".
   */
  derive?: Record<string, DeriveRule | DeriveRule[]>;
  /** Free notes (ignored by soqa). */
  $comment?: string;
  /** Absolute path of the file it was read from (set by the loader). */
  source?: string;
}

/**
 * How one canonical field is derived from raw cells. Either `from` (take one cell, then
 * slice / strip / check it) or `rules` (pick a value by the cells of several columns).
 * Column names (`from`, the keys of `when`) are matched like headers; a canonical field
 * name (e.g. `org_id`) means the column mapped to that field.
 */
export interface DeriveRule {
  description?: string;
  /** Column whose cell is the source. */
  from?: string;
  /** Regular expression (case-insensitive) the whole trimmed cell must match, else this rule gives no value. */
  pattern?: string;
  /** Characters [start, end) of the (trimmed) cell, as in String.prototype.slice. */
  slice?: [number, number] | [number];
  /** Suffixes removed from the cell (the longest that matches), e.g. `民政局`. */
  stripSuffixes?: string[];
  /** Date layout of the cell: checked and turned into a date soqa reads. */
  format?: 'yyyymmdd' | 'yyyymm' | 'yyyy';
  /** Values (after slice and strip) that mean "not known": read as missing. */
  unknown?: string[];
  /** Ordered conditions; the first whose every column holds one of the listed values wins. */
  rules?: { when: Record<string, string[]>; value: string; description?: string }[];
  /** Value when no rule matches (default: missing). */
  otherwise?: string;
}
