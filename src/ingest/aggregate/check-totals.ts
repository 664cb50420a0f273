import type { CellProblem } from '../convert-row.js';
import { ALL, type AggregateEntry } from './convert-aggregate-row.js';

/** A total row (some dimension {@link ALL}) with where it was read. */
export interface TotalRow {
  entry: AggregateEntry;
  file: string;
  line: number;
}

/** A warning about a total row, with its file and line. */
export type TotalProblem = CellProblem & { file: string; line: number };

const DIMS = ['region', 'year', 'type', 'field'] as const;

/** Relative difference below which two non-integer totals are equal (binary floating-point summation). */
const FLOAT_TOLERANCE = 1e-9;

/**
 * The rounding unit a published figure seems to have: 10^k for k trailing zeros of a whole
 * number (499,000 → 1,000), 1 otherwise.
 *
 * @example
 * roundingUnit(891300); // => 100
 */
export function roundingUnit(x: number): number {
  if (!Number.isInteger(x) || x === 0) return 1;
  let u = 1;
  while (u < 1e12 && (x / (u * 10)) % 1 === 0) u *= 10;
  return u;
}

const fmt = (x: number): string => x.toLocaleString('en-US', { maximumFractionDigits: 6 });

/**
 * Check total rows (a whole-area row, a type total such as `合计`, a field total, or the
 * `count_total` column of a wide row) against the sum of the data rows below them. The data
 * rows are what soqa uses; a total never replaces them. Counts must agree exactly, other
 * totals to a relative 1e-9 (floating-point summation). Any difference is a warning
 * `W_TOTAL_MISMATCH` whose reason gives both figures and the difference, and says when the
 * difference is within the rounding of a total published rounded (499,000 against 499,029:
 * published to the nearest 1,000). A total with no data rows under it is `W_TOTAL_UNUSED`.
 *
 * @param data the data entries (no ALL dimension)
 * @param totals the total rows
 * @returns the warnings, in the order of the total rows
 * @example
 * checkTotals(data, totals)[0].code; // => 'W_TOTAL_MISMATCH'
 */
export function checkTotals(data: readonly AggregateEntry[], totals: readonly TotalRow[]): TotalProblem[] {
  const sums = new Map<string, Map<string, { count: number; sum: Record<string, number>; rows: number }>>();
  const groupsFor = (pattern: boolean[]) => {
    const id = pattern.map((w) => (w ? '1' : '0')).join('');
    let g = sums.get(id);
    if (g) return g;
    g = new Map();
    for (const e of data) {
      const k = DIMS.map((d, i) => (pattern[i] ? ALL : String(e[d]))).join('\u0001');
      let s = g.get(k);
      if (!s) g.set(k, (s = { count: 0, sum: {}, rows: 0 }));
      s.count += e.count;
      s.rows++;
      for (const [m, v] of Object.entries(e.sum)) s.sum[m] = (s.sum[m] ?? 0) + v;
    }
    sums.set(id, g);
    return g;
  };
  const out: TotalProblem[] = [];
  for (const t of totals) {
    const pattern = DIMS.map((d) => t.entry[d] === ALL);
    const key = DIMS.map((d) => String(t.entry[d])).join('\u0001');
    const scope = DIMS.filter((d) => t.entry[d] === ALL).join(', ');
    const below = groupsFor(pattern).get(key);
    if (!below) {
      out.push({
        file: t.file,
        line: t.line,
        code: 'W_TOTAL_UNUSED',
        column: 'count',
        value: String(t.entry.count),
        reason: `is a total over ${scope} with no rows under it to check it against; soqa uses the rows by region and type, never totals, so this row adds nothing`,
      });
      continue;
    }
    const compare = (column: string, published: number, sum: number) => {
      const d = sum - published;
      const exact = Number.isInteger(published) && Number.isInteger(sum);
      if (exact ? d === 0 : Math.abs(d) <= FLOAT_TOLERANCE * Math.max(Math.abs(published), Math.abs(sum))) return;
      const unit = roundingUnit(published);
      const rounded =
        unit > 1 && Math.abs(d) <= unit / 2
          ? `; within the rounding of a figure published to the nearest ${fmt(unit)}`
          : '';
      const rel = published !== 0 ? ` (${((100 * d) / published).toFixed(3)}%)` : '';
      out.push({
        file: t.file,
        line: t.line,
        code: 'W_TOTAL_MISMATCH',
        column,
        value: String(published),
        reason: `is a total over ${scope} of ${fmt(published)}, but the ${below.rows} rows under it add up to ${fmt(sum)}: difference ${d > 0 ? '+' : ''}${fmt(d)}${rel}${rounded}. soqa uses the rows, not the total`,
      });
    };
    compare('count', t.entry.count, below.count);
    for (const [m, v] of Object.entries(t.entry.sum)) compare(m, v, below.sum[m] ?? 0);
  }
  return out;
}
