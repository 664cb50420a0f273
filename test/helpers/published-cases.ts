import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { readCsvColumn } from './read-csv-column.js';
import { readGal } from './read-gal.js';
import { referencePath } from './reference-path.js';
import { rookLattice } from './rook-lattice.js';

/** One case of test/fixtures/reference/published_inequality_trend_cases.json (fields as in the file). */
export interface PublishedCase {
  id: string;
  stat: string;
  expected: number | number[];
  tol: number;
  rel?: number;
  source: string;
  values?: number[];
  data?: string;
  column?: string;
  skip?: number;
  groups?: string;
  groups_values?: (string | number)[];
  gal?: string;
  lattice?: [number, number];
  style?: string;
  weights?: number[];
  ref?: number[];
  args?: number[];
  eps?: number;
}

/** Which test folder runs which statistic. */
const FAMILY: Record<string, 'inequality' | 'spatial' | 'trend'> = {
  gini: 'inequality',
  gini_corr: 'inequality',
  gini_weighted: 'inequality',
  gini_conc: 'inequality',
  lorenz_L: 'inequality',
  hoover: 'inequality',
  atkinson: 'inequality',
  hhi: 'inequality',
  hhi_norm: 'inequality',
  hhi_eq: 'inequality',
  rosenbluth: 'inequality',
  theil_t: 'inequality',
  theil_l: 'inequality',
  theil_between: 'inequality',
  theil_within: 'inequality',
  locq: 'inequality',
  moran_I: 'spatial',
  moran_EI: 'spatial',
  moran_VI_rand: 'spatial',
  moran_VI_norm: 'spatial',
  moran_p_norm_one: 'spatial',
  moran_p_norm_two: 'spatial',
  spatial_gini_wg: 'spatial',
  spatial_gini_wcg: 'spatial',
  mk_S: 'trend',
  mk_var_s: 'trend',
  mk_Z: 'trend',
  mk_p: 'trend',
  mk_tau: 'trend',
  sen_slope: 'trend',
  sen_intercept: 'trend',
};

/**
 * All published cases (read from test/fixtures/reference at test time).
 *
 * @returns the 75 cases in file order
 */
export function allPublishedCases(): PublishedCase[] {
  return JSON.parse(readFileSync(referencePath('published_inequality_trend_cases.json'), 'utf8')) as PublishedCase[];
}

/**
 * The published cases one test folder runs; a statistic without a family is a test failure
 * (see `familyOf`), so that no case is silently left out.
 *
 * @param family test folder
 * @returns its cases, in file order
 */
export function publishedCases(family: 'inequality' | 'spatial' | 'trend'): PublishedCase[] {
  return allPublishedCases().filter((c) => FAMILY[c.stat] === family);
}

/**
 * Family of a statistic, or undefined when no test folder handles it.
 *
 * @param stat the case's `stat`
 * @returns the family
 */
export function familyOf(stat: string): string | undefined {
  return FAMILY[stat];
}

/**
 * The case's input values: `values` inline, or its `column` of its `data` file.
 *
 * @param c the case
 * @returns the numbers (blank cells as NaN)
 */
export function caseValues(c: PublishedCase): number[] {
  if (c.values) return c.values;
  if (!c.data || !c.column) throw new Error(`${c.id}: neither values nor data/column`);
  return readCsvColumn(referencePath(c.data), c.column, c.skip ?? 0);
}

/**
 * The case's group labels: `groups_values` inline, or its `groups` column of its data file.
 *
 * @param c the case
 * @returns one label per value
 */
export function caseGroups(c: PublishedCase): (string | number)[] {
  if (c.groups_values) return c.groups_values;
  if (!c.data || !c.groups) throw new Error(`${c.id}: no groups`);
  return readCsvColumn(referencePath(c.data), c.groups, c.skip ?? 0);
}

/**
 * The case's neighbour lists: from its GAL file or its rook lattice.
 *
 * @param c the case
 * @returns neighbour positions per unit
 */
export function caseNeighbours(c: PublishedCase): number[][] {
  if (c.gal) return readGal(referencePath(c.gal)).neighbours;
  if (c.lattice) return rookLattice(c.lattice[0], c.lattice[1]);
  throw new Error(`${c.id}: neither gal nor lattice`);
}

/**
 * Assert `actual` matches the case: |actual − expected| ≤ max(tol, rel·|expected|) for each
 * number (tol 0 means exact equality).
 *
 * @param c the case (expected, tol, rel)
 * @param actual computed number or numbers
 */
export function expectCase(c: PublishedCase, actual: number | number[]): void {
  const expected = Array.isArray(c.expected) ? c.expected : [c.expected];
  const got = Array.isArray(actual) ? actual : [actual];
  expect(got).toHaveLength(expected.length);
  expected.forEach((e, i) => {
    const allowed = Math.max(c.tol, (c.rel ?? 0) * Math.abs(e));
    if (allowed === 0) {
      expect(got[i], `${c.id}[${i}]`).toBe(e);
    } else {
      expect(Math.abs(got[i] - e), `${c.id}[${i}]: got ${got[i]}, expected ${e} ± ${allowed}`).toBeLessThanOrEqual(
        allowed,
      );
    }
  });
}
