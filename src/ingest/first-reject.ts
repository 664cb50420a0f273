import type { CellProblem } from './convert-context.js';

/**
 * The one reject written for a row with several problems: the first, its reason ending with
 * how many more there were and where (rejects.csv has one line per rejected row).
 *
 * @param rejects the row's problems, at least one, in the order found
 * @returns the first problem, with `(and N more: columns or codes)` added to its reason when N > 0
 * @throws nothing
 * @example
 * firstReject([
 *   { code: 'R_BAD_NUMBER', column: 'staff_fulltime', value: 'x', reason: 'is not a number' },
 *   { code: 'R_BAD_DATE', column: 'registered', value: '2024-13-01', reason: 'is not a date' },
 * ]).reason; // => 'is not a number (and 1 more: registered)'
 */
export function firstReject(rejects: readonly CellProblem[]): CellProblem {
  const [first, ...rest] = rejects;
  if (rest.length === 0) return first;
  const where = rest.map((p) => p.column || p.code).join(', ');
  return { ...first, reason: `${first.reason} (and ${rest.length} more: ${where})` };
}
