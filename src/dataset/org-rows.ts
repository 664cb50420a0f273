import type { Dataset } from './dataset.js';

/** What the organization finder (`ingest/rows/org-finder.ts`) found: the organization's id and number, or suggestions. */
export interface FoundOrganization {
  /** The id, or null when the query matched no organization (or several by name). */
  id: string | null;
  /** Its organization number as the rows were numbered (−1 when not found or not numbered). */
  org: number;
  /** Up to five ids to try: those sharing the name, else those with the longest common prefix (≥ 4 characters). */
  suggestions: string[];
}

/** Every row of some organizations, in input order, with their organization numbers and row numbers among all rows. */
export interface OrgPart {
  ds: Dataset;
  /** Each row's organization number (numbered in order of first appearance among all rows). */
  orgs: Int32Array;
  /** Each row's number among all rows (input order). */
  rows: Uint32Array;
}

/**
 * The accepted organization rows of an input, read part by part: each part holds every row
 * of some organizations, organizations are numbered in order of first appearance among all
 * rows and rows by their place in input order, so that what is computed organization by
 * organization is the same whatever the parts. Two implementations: {@link MemoryOrgRows}
 * (the rows in memory, one part) and `SpilledOrgRows` (a large input spilled to temporary
 * files by organization, one part per bucket). Supervision, portraits, bulletins and the
 * organization finder read rows only through this interface.
 *
 * @example
 * for (const part of rows.parts()) checkOrganizations(part.ds, …);
 * rows.find('51150200MJ1047299X'); // => { id: '51150200MJ1047299X', org: 17, suggestions: [] }
 */
export interface OrgRows {
  /** `panel` when rows carry a report year, `registry` for one row per organization. */
  readonly shape: Dataset['shape'];
  /** Canonical fields the input supplied, in canonical order. */
  readonly fields: readonly string[];
  /** Organizations numbered 0 … organizations − 1. */
  readonly organizations: number;
  /** Smallest and largest report year of the rows (`[Infinity, -Infinity]` without years; a registry list has none). */
  readonly years: readonly [number, number];
  /**
   * A fresh iteration over the parts (each organization in exactly one part).
   *
   * @returns the parts
   */
  parts(): Iterable<OrgPart>;
  /**
   * The part holding every row of organization `org`.
   *
   * @param org an organization number
   * @returns the part
   * @throws SoqaError E_INTERNAL for a number without rows
   */
  partOf(org: number): OrgPart;
  /**
   * Find one organization by id or exact name (the organization finder: the same answer whatever the parts).
   *
   * @param query an id or exact name
   * @param idQuery the query as ingest reads an id cell (default: the trimmed query)
   * @returns the id and organization number, or suggestions
   */
  find(query: string, idQuery?: string): FoundOrganization;
  /** Release what the rows hold (temporary files); safe to call twice. */
  close(): void;
}

/**
 * What there is of an input's organization rows: `aggregate` (a yearbook table: no
 * organization rows), `summed` (the rows were summed into the cube and dropped: commands
 * that need only the cube) or `rows` (readable part by part, {@link OrgRows}). Code that reads
 * rows takes them from the `rows` case only, so it cannot silently read rows that are absent.
 */
export type InputRows =
  | { kind: 'aggregate' }
  | { kind: 'summed'; shape: Dataset['shape']; fields: readonly string[] }
  | { kind: 'rows'; shape: Dataset['shape']; fields: readonly string[]; rows: OrgRows };

/**
 * The input rows of an organization-row source.
 *
 * @param rows the rows
 * @returns `{ kind: 'rows', shape, fields, rows }`
 * @example
 * rowsInput(spilled).kind; // => 'rows'
 */
export function rowsInput(rows: OrgRows): InputRows {
  return { kind: 'rows', shape: rows.shape, fields: rows.fields, rows };
}

/**
 * The smallest and largest number of a year column, NaN ignored (`[Infinity, -Infinity]` when it has none).
 *
 * @param col the year column (undefined: no years)
 * @returns the extremes
 * @example
 * yearRange(Float32Array.of(2012, NaN, 2008)); // => [2008, 2012]
 */
export function yearRange(col: ArrayLike<number> | undefined): [number, number] {
  let min = Infinity;
  let max = -Infinity;
  if (col)
    for (let i = 0; i < col.length; i++) {
      const y = col[i];
      if (y < min) min = y;
      if (y > max) max = y;
    }
  return [min, max];
}
