import type { Cube, CubeCell } from '../../cube/cube.js';
import { cubeFromCells } from '../../cube/cube-from-cells.js';
import { REVENUE_FIELDS } from '../../dataset/fields.js';
import { AGGREGATE_MEASURES } from './aggregate-columns.js';
import type { AggregateEntry } from './convert-aggregate-row.js';

/** Options of {@link buildAggregateCube}. */
export interface AggregateCubeOptions {
  /** Field-of-activity codes that count as core governance fields. */
  governanceFields: ReadonlySet<string>;
  /** True when a table had a field column (governance_field can then be derived). */
  hasFieldColumn: boolean;
}

/**
 * The measures of an aggregated table's cube, in cube order: those with a total column,
 * plus the two derived quantities that follow from the table itself when it has no column
 * for them: `rev_total` (the sum of the revenue-source totals) and `governance_field`
 * (organizations whose field of activity is a core governance field, from the field column).
 *
 * @param given measures with a total column in some input file
 * @param hasFieldColumn whether some input file has a field column
 * @returns measure names in cube order
 * @example
 * aggregateMeasures(['rev_donations', 'staff_fulltime'], false); // => ['staff_fulltime', 'rev_donations', 'rev_total']
 */
export function aggregateMeasures(given: ReadonlySet<string>, hasFieldColumn: boolean): string[] {
  const derivable = (m: string) =>
    (m === 'rev_total' && REVENUE_FIELDS.some((f) => given.has(f))) || (m === 'governance_field' && hasFieldColumn);
  return AGGREGATE_MEASURES.filter((m) => given.has(m.name) || derivable(m.name)).map((m) => m.name);
}

/**
 * Fill the cube with the entries of an aggregated table (one cell per entry; keys are
 * unique, the reader rejected duplicates). A measure the entry's row does not give has sum
 * and reporting count 0. Derived measures without a column: `rev_total` = Σ of the
 * revenue-source totals (reporting count: the largest of theirs, a lower bound of the
 * organizations reporting any source); `governance_field` = the count when the cell's field
 * is a governance field, else 0 (reporting count: the count; 0 for an empty field).
 *
 * @param entries data entries (no ALL dimension), regions already resolved
 * @param given measures with a total column
 * @param options governance fields and whether a field column exists
 * @returns the cube, `source: 'aggregate'`
 * @example
 * buildAggregateCube(entries, new Set(['staff_fulltime']), { governanceFields: new Set(), hasFieldColumn: false }).source; // => 'aggregate'
 */
export function buildAggregateCube(
  entries: readonly AggregateEntry[],
  given: ReadonlySet<string>,
  options: AggregateCubeOptions,
): Cube {
  const measures = aggregateMeasures(given, options.hasFieldColumn);
  const revenue = REVENUE_FIELDS.filter((f) => given.has(f));
  const cells: CubeCell[] = entries.map((e) => {
    const c: CubeCell = {
      region: e.region,
      year: e.year,
      type: e.type,
      field: e.field,
      count: e.count,
      sum: {},
      n: {},
    };
    for (const m of measures) {
      if (given.has(m)) {
        c.sum[m] = e.sum[m] ?? 0;
        c.n[m] = e.n[m] ?? 0;
      } else if (m === 'rev_total') {
        let s = 0;
        let k = 0;
        for (const f of revenue) {
          s += e.sum[f] ?? 0;
          k = Math.max(k, e.n[f] ?? 0);
        }
        c.sum[m] = s;
        c.n[m] = k;
      } else {
        // governance_field
        const known = e.field !== '';
        c.sum[m] = known && options.governanceFields.has(e.field) ? e.count : 0;
        c.n[m] = known ? e.count : 0;
      }
    }
    return c;
  });
  return cubeFromCells('aggregate', measures, cells);
}
