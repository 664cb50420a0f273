import type { DatasetBuilder, RowScratch } from '../dataset/dataset-builder.js';
import type { ConvertContext } from './convert-row.js';
import type { HeaderMapping } from './header/map-headers.js';
import { fastColumns } from './fast/fast-columns.js';
import { fastCells, type MissingCells } from './fast/fast-cells.js';
import { fastChecks } from './fast/fast-checks.js';
import { fastLine } from './fast/fast-line.js';

/**
 * The fast path of row conversion, compiled once per header row: each mapped column gets a
 * converter that writes straight into the dataset builder's column layout (a
 * {@link RowScratch}), without a values object per row or a result object per cell.
 *
 * It only ever accepts a row that {@link convertRow} would accept with no problem and no
 * warning, with the same values: plain cells (ASCII decimals, ISO dates, 0/1 flags, grades
 * 0–5, ids of digits and capitals, names of ASCII and CJK ideographs) are read by the
 * shortcuts here, every other cell by the shared `convertCell` (category and region cells
 * once per distinct text), and the checks across a row's cells are the same list
 * (row-cross-checks.ts). Whenever a cell is not plain and converts to a problem, or a check would reject or
 * warn, `convert` returns false and the caller converts the row with `convertRow`, which
 * produces the exact rejects and warnings. `test/perf/optimized-path-identity.test.ts`
 * compares the two paths.
 */
export interface FastRowPlan {
  /** The last converted row in the builder's layout (valid after `convert` returned true). */
  readonly scratch: RowScratch;
  /** Id of the last converted row. */
  id: string;
  /** Year of the last converted row (NaN without a year column). */
  year: number;
  /**
   * Convert one record; true when it is accepted as is (then `scratch`, `id` and `year`
   * hold it), false when `convertRow` must handle it.
   */
  convert(fields: string[]): boolean;
  /** The same for a record that is the line `text.slice(start, end)` without quotes (see CsvSink). */
  convertLine(text: string, start: number, end: number): boolean;
  /** The same for a line given as UTF-8 bytes, `buf.subarray(start, end)`, without quotes or CR (see ByteCsvReader). */
  convertBytes(buf: Uint8Array, start: number, end: number): boolean;
  /**
   * Count the last converted row's missing fields (call when it is accepted). A field met
   * missing for the first time gets its key in `counts` at once, so keys keep the order in
   * which convertRow's caller would create them; the counts are added by `flushMissing`.
   */
  countMissing(counts: Record<string, number>): void;
  /** Add the counts gathered by `countMissing` to `counts` (once the file has been read). */
  flushMissing(counts: Record<string, number>): void;
}

/**
 * Compile the fast path for one file's header, or null when the header needs what only
 * `convertRow` does (a field derived by the profile with no column of its own) or has a
 * single column (whose lines could not be told from blank lines).
 *
 * @param ctx the file's conversion context (as `convertRow` gets it)
 * @param header the file's header mapping (derived fields included)
 * @param builder the dataset builder, with a column for every present field
 * @param delimiter the file's field delimiter (for `convertLine`; default `,`)
 * @returns the plan, or null
 * @example
 * compileFastRow(ctx, header, builder)?.convert(['51150200MJ10472999', '某协会']); // => true when clean
 */
export function compileFastRow(
  ctx: ConvertContext,
  header: HeaderMapping,
  builder: DatasetBuilder,
  delimiter = ',',
): FastRowPlan | null {
  const cols = fastColumns(ctx, header, builder);
  if (cols === null) return null;
  const { nCols, m, colIndex, rank, names } = cols;
  const missing: MissingCells = { idx: new Int32Array(m), len: 0 };
  const pending = new Float64Array(m);
  const scratch = builder.scratch();
  const cells = fastCells(cols, ctx, scratch, missing);
  const { cell } = cells;
  const readLine = fastLine(cols, cells, scratch.num, delimiter);
  const checks = fastChecks(cols, ctx, scratch);
  /** The row cross-checks; on a clean row the plan takes its id and year. */
  const crossChecksClean = (): boolean => {
    if (!checks.clean()) return false;
    plan.id = checks.id;
    plan.year = checks.year;
    return true;
  };

  const plan: FastRowPlan = {
    scratch,
    id: '',
    year: NaN,
    convert(fields: string[]): boolean {
      if (fields.length !== nCols) return false;
      missing.len = 0;
      for (let j = 0; j < m; j++) {
        const raw = fields[colIndex[j]];
        if (!cell(j, raw, 0, raw.length)) return false;
      }
      return crossChecksClean();
    },
    convertLine(s: string, start: number, end: number): boolean {
      missing.len = 0;
      return readLine(s, start, end) && crossChecksClean();
    },
    convertBytes(buf: Uint8Array, start: number, end: number): boolean {
      missing.len = 0;
      return readLine(buf, start, end) && crossChecksClean();
    },
    countMissing(counts: Record<string, number>): void {
      let fresh = false;
      for (let q = 0; q < missing.len; q++) if (pending[missing.idx[q]]++ === 0) fresh = true;
      if (!fresh) return;
      // fields met missing for the first time get their keys now, in header.present order
      const js = Array.from(missing.idx.subarray(0, missing.len)).sort((x, y) => rank[x] - rank[y]);
      for (const j of js) if (!(names[j] in counts)) counts[names[j]] = 0;
    },
    flushMissing(counts: Record<string, number>): void {
      for (let j = 0; j < m; j++) {
        if (pending[j] > 0) counts[names[j]] = (counts[names[j]] ?? 0) + pending[j];
        pending[j] = 0;
      }
    },
  };
  return plan;
}
