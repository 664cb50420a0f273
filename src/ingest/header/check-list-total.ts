import { parseNumber } from '../values/parse-number.js';
import type { TableLine } from './table-lines.js';

/** A warning about a total row of an organization list, with its line. */
export interface ListTotalProblem {
  line: number;
  code: 'W_TOTAL_MISMATCH';
  column: string;
  value: string;
  reason: string;
}

/**
 * Check the total rows after an organization list (`合计,120`, `总计：120家`) against the
 * rows of the list: a total that holds exactly one whole number is the number of
 * organizations, and differs from the rows read (accepted + rejected) → `W_TOTAL_MISMATCH`.
 * A total with no number, or several (sums of columns), is only kept in provenance. A panel
 * (rows per organization-year) is not checked: its rows are not organizations.
 *
 * @param lines the table lines after the header
 * @param rows the list's rows read
 * @returns the warnings, in line order
 * @example
 * checkListTotals([{ line: 9, kind: 'total', text: '合计 7' }], 7); // => []
 */
export function checkListTotals(lines: readonly TableLine[], rows: number): ListTotalProblem[] {
  const out: ListTotalProblem[] = [];
  for (const l of lines) {
    if (l.kind !== 'total') continue;
    const [label, ...rest] = l.text.split(/[\s:：]+/);
    const numbers = rest
      .map((t) => parseNumber(t.replace(/[个家名]$/, '')))
      .filter((p) => p.ok && p.value !== null)
      .map((p) => (p as { value: number }).value);
    if (numbers.length !== 1 || !Number.isInteger(numbers[0]) || numbers[0] === rows) continue;
    out.push({
      line: l.line,
      code: 'W_TOTAL_MISMATCH',
      column: label,
      value: l.text,
      reason: `is a total of ${numbers[0]} organizations, but the list above it has ${rows} rows (accepted and rejected); soqa uses the rows, not the total`,
    });
  }
  return out;
}
