import { DatasetBuilder } from '../../dataset/dataset-builder.js';
import { StringDictionary } from '../../dataset/string-dictionary.js';
import type { CellProblem, ConvertedRow } from '../convert-row.js';
import type { FastRowPlan } from '../fast-row.js';
import type { HeaderMapping } from '../header/map-headers.js';
import type { ProblemRow } from '../problem-row.js';
import { WARNINGS_KEPT_PER_CODE, type RecordTarget } from '../record-handler.js';

/**
 * The {@link RecordTarget} of one range of a parallel ingest: keeps every converted row
 * (duplicates included: the merge finds them), the rejects, the warnings (each warning's
 * row and code, and the first {@link WARNINGS_KEPT_PER_CODE} of each code in full), the
 * missing-cell counts and the rows with a qualified type label. Everything it collects is
 * its own; the range reader reads it when the range is done.
 *
 * @example
 * const target = new RangeCollector('a.csv', onProgress);
 * // … a RecordHandler reads the range into `target` …
 * target.rejects.length; // => 0 for a clean range
 */
export class RangeCollector implements RecordTarget {
  /** The builder of the range's rows (null until the header is known). */
  builder: DatasetBuilder | null = null;
  readonly rejects: ProblemRow[] = [];
  /** Rows with each present field missing. */
  readonly missing: Record<string, number> = {};
  /** Row of each warning, in order. */
  readonly warnRow: number[] = [];
  /** Code of each warning, as an index into `warnCodes`. */
  readonly warnCode: number[] = [];
  readonly warnCodes = new StringDictionary();
  /** The first warnings of each code, in order. */
  readonly kept: CellProblem[] = [];
  /** Index (into warnRow) of each kept warning. */
  readonly keptAt: number[] = [];
  /** Rows whose type label carries an informative qualifier (the sequential reader counts them: the file is read so). */
  qualified = 0;
  /** Warnings seen per code (index of `warnCodes`). */
  private readonly perCode: number[] = [];
  private present: readonly string[] = [];

  /**
   * @param name the file name the rejects report
   * @param progress called with the records read so far, now and then (default: not called)
   */
  constructor(
    private readonly name: string,
    readonly progress?: (read: number) => void,
  ) {}

  onHeader(header: HeaderMapping): DatasetBuilder {
    this.present = header.present;
    this.builder = new DatasetBuilder(header.present);
    return this.builder;
  }

  reject(line: number, p: CellProblem): void {
    this.rejects.push({ file: this.name, line, ...p });
  }

  acceptFast(p: FastRowPlan, line: number): void {
    p.countMissing(this.missing);
    this.builder!.appendScratch(p.scratch, 0, line);
  }

  acceptConverted(r: ConvertedRow, line: number): void {
    if (r.qualifier) this.qualified++;
    const row = this.builder!.length;
    for (const w of r.warnings) this.warning(w, row);
    for (const f of this.present)
      if (r.values[f] === null || r.values[f] === undefined) this.missing[f] = (this.missing[f] ?? 0) + 1;
    this.builder!.add(r.values, 0, line);
  }

  private warning(w: CellProblem, row: number): void {
    const c = this.warnCodes.code(w.code);
    if (c === this.perCode.length) this.perCode.push(0);
    if (++this.perCode[c] <= WARNINGS_KEPT_PER_CODE) {
      this.keptAt.push(this.warnRow.length);
      this.kept.push(w);
    }
    this.warnRow.push(row);
    this.warnCode.push(c);
  }
}
