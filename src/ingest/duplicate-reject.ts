import type { CellProblem } from './convert-row.js';

/**
 * The reject of a row whose organization (and report year, in a panel) an accepted row
 * already has: the first occurrence wins. One definition for the sequential reader and the
 * parallel merge, so that both write the same rejects.csv line.
 *
 * @param id the organization id
 * @param year the report year (ignored without a year column)
 * @param yearCol whether the input has a year column (an annual-report panel)
 * @param first where the first occurrence is, as `file line n`
 * @returns the problem (code R_DUPLICATE)
 * @example
 * duplicateReject('51150200MJ10472999', 2024, true, 'a.csv line 3').reason; // => 'duplicates a.csv line 3'
 */
export function duplicateReject(id: string, year: unknown, yearCol: boolean, first: string): CellProblem {
  return {
    code: 'R_DUPLICATE',
    column: yearCol ? 'org_id, year' : 'org_id',
    value: yearCol ? `${id} ${year}` : id,
    reason: `duplicates ${first}`,
  };
}
