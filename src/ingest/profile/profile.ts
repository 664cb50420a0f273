/** An input profile as stored in `config/profiles/*.json` (see schemas/profile.schema.json). */
export interface Profile {
  id: string;
  description?: { en?: string; zh?: string };
  /** Built-in regions id or a path (relative paths are resolved against the profile file). */
  regions?: string;
  /** `credit-code`: ids of 18 characters are checked as unified social credit codes. */
  idKind?: 'credit-code' | 'plain';
  years?: { min: number; max: number };
  columns: Record<string, string[]>;
  values?: Record<string, Record<string, string[]>>;
  /** Absolute path of the file it was read from (set by the loader). */
  source?: string;
}
