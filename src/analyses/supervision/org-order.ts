import { BLOCK_ROWS, copyRows } from '../../cube/column-blocks.js';
import type { Dataset } from '../../dataset/dataset.js';

/** The dataset's rows grouped by organization, each organization's rows in year order. */
export interface OrgOrder {
  /** Row indices: organization by organization (in order of first appearance), years ascending. */
  rows: Uint32Array;
  /** `rows[starts[k] .. starts[k + 1])` are organization k's rows; length `count + 1`. */
  starts: Uint32Array;
  /** Number of organizations. */
  count: number;
  /** Rows left out because a panel row has no year. */
  noYear: number;
}

/** Marks a row without a year. */
const NO_YEAR = -0x80000000;

/**
 * Group rows by organization and sort each organization's rows by year, in linear time and
 * typed arrays only: a stable counting sort by year, then a stable counting sort by
 * organization number (organizations are numbered in order of first appearance). Memory:
 * four integer arrays of one entry per row plus one id → number map.
 *
 * @param ds the dataset (registry lists: one row per organization, no year)
 * @param known each row's organization number as the caller has it (the organization rows'
 *   part), used when it numbers the organizations 0, 1, … in order of first appearance, as
 *   this function would (then the ids are not looked up again); else ignored
 * @returns the order
 * @example
 * const o = orderByOrgYear(ds);
 * o.rows.subarray(o.starts[0], o.starts[1]); // the first organization's rows, oldest first
 */
export function orderByOrgYear(ds: Dataset, known?: Int32Array): OrgOrder {
  const n = ds.length;
  const yearCol = ds.num.year;
  const given = known && known.length === n ? firstAppearanceCount(known) : -1;
  const { orgOf, count } = given >= 0 ? { orgOf: known!, count: given } : numberByFirstAppearance(ds);

  // pass 1: rows by year (stable); rows without a year are dropped from a panel
  let byYear: Uint32Array;
  let noYear = 0;
  if (yearCol) {
    // the year column is read once, block by block, as whole years (NO_YEAR: missing)
    let lo = Infinity;
    let hi = -Infinity;
    const yearOf = new Int32Array(n);
    const block = new Float64Array(BLOCK_ROWS);
    for (let a = 0; a < n; a += BLOCK_ROWS) {
      const b = Math.min(n, a + BLOCK_ROWS);
      copyRows(yearCol, a, b, block);
      for (let k = 0; k < b - a; k++) {
        const y = block[k];
        if (Number.isNaN(y)) {
          noYear++;
          yearOf[a + k] = NO_YEAR;
        } else {
          if (y < lo) lo = y;
          if (y > hi) hi = y;
          yearOf[a + k] = y;
        }
      }
    }
    // input already grouped by organization with years ascending (the usual export): the
    // two sorts would give the rows as they are
    if (noYear === 0 && inOrder(orgOf, yearOf)) return identity(orgOf, count);
    const span = hi >= lo ? hi - lo + 1 : 0;
    const bucket = new Uint32Array(span + 1);
    for (let i = 0; i < n; i++) if (yearOf[i] !== NO_YEAR) bucket[yearOf[i] - lo + 1]++;
    for (let b = 1; b <= span; b++) bucket[b] += bucket[b - 1];
    byYear = new Uint32Array(n - noYear);
    for (let i = 0; i < n; i++) if (yearOf[i] !== NO_YEAR) byYear[bucket[yearOf[i] - lo]++] = i;
  } else {
    if (inOrder(orgOf, null)) return identity(orgOf, count);
    byYear = new Uint32Array(n);
    for (let i = 0; i < n; i++) byYear[i] = i;
  }

  // pass 2: by organization (stable, so years stay ascending within an organization)
  const starts = new Uint32Array(count + 1);
  for (let k = 0; k < byYear.length; k++) starts[orgOf[byYear[k]] + 1]++;
  for (let o = 1; o <= count; o++) starts[o] += starts[o - 1];
  const next = starts.slice(0, count);
  const rows = new Uint32Array(byYear.length);
  for (let k = 0; k < byYear.length; k++) {
    const i = byYear[k];
    rows[next[orgOf[i]]++] = i;
  }
  return { rows, starts, count, noYear };
}

/** True when each organization's rows are adjacent, organizations in order of first appearance, years non-decreasing within one. */
function inOrder(orgOf: Int32Array, yearOf: Int32Array | null): boolean {
  for (let i = 1; i < orgOf.length; i++) {
    if (orgOf[i] < orgOf[i - 1]) return false;
    if (yearOf && orgOf[i] === orgOf[i - 1] && yearOf[i] < yearOf[i - 1]) return false;
  }
  return true;
}

/** The order of rows that are already in order: every row, as it is. */
function identity(orgOf: Int32Array, count: number): OrgOrder {
  const n = orgOf.length;
  const rows = new Uint32Array(n);
  for (let i = 0; i < n; i++) rows[i] = i;
  const starts = new Uint32Array(count + 1);
  for (let i = 0; i < n; i++) starts[orgOf[i] + 1]++;
  for (let o = 1; o <= count; o++) starts[o] += starts[o - 1];
  return { rows, starts, count, noYear: 0 };
}

/**
 * The organizations of the rows numbered 0, 1, … in order of first appearance of their id.
 *
 * @param ds the dataset
 * @returns each row's organization number and how many organizations there are
 * @example
 * numberByFirstAppearance(datasetOf([{ org_id: 'B' }, { org_id: 'A' }, { org_id: 'B' }])); // => { orgOf: [0, 1, 0], count: 2 }
 */
export function numberByFirstAppearance(ds: Dataset): { orgOf: Int32Array; count: number } {
  const n = ds.length;
  const ids = ds.text.org_id ?? [];
  const orgOf = new Int32Array(n);
  const number = new Map<string, number>();
  let prevId: string | undefined;
  let prevK = -1;
  for (let i = 0; i < n; i++) {
    const id = ids[i] ?? '';
    // an organization's rows are usually adjacent (exports list them together): skip the lookup
    if (id === prevId) {
      orgOf[i] = prevK;
      continue;
    }
    let k = number.get(id);
    if (k === undefined) number.set(id, (k = number.size));
    orgOf[i] = prevK = k;
    prevId = id;
  }
  return { orgOf, count: number.size };
}

/**
 * How many organizations a numbering of rows has when it numbers them 0, 1, … in order of
 * first appearance (each row's number at most one more than the largest before it); −1 when
 * it does not.
 *
 * @param orgOf each row's organization number
 * @returns the number of organizations, or −1
 * @example
 * firstAppearanceCount(Int32Array.of(0, 1, 0, 2)); // => 3
 * firstAppearanceCount(Int32Array.of(1, 0)); // => -1
 */
export function firstAppearanceCount(orgOf: Int32Array): number {
  let next = 0;
  for (let i = 0; i < orgOf.length; i++) {
    const k = orgOf[i];
    if (k === next) next++;
    else if (!(k >= 0 && k < next)) return -1;
  }
  return next;
}
