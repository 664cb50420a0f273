import type { Dataset } from '../../dataset/dataset.js';
import type { IngestResult } from '../ingest-result.js';
import type { ProblemRow } from '../problem-row.js';
import type { HeaderMapping } from '../header/map-headers.js';
import { OrgYearLedger } from '../org-year-ledger.js';
import { WARNINGS_KEPT_PER_CODE } from '../record-handler.js';
import type { RangeOutput } from './ingest-range.js';
import { mergeColumns } from './merge-columns.js';
import { duplicateReject } from '../duplicate-reject.js';
import { RejectStore } from '../reject-store.js';

/** The ranges merged: what the sequential ingest of the whole file gives (all but the per-source information). */
export type MergedRanges = Omit<IngestResult, 'sources'> & {
  /** U+FFFD characters the ranges' decoding made (invalid bytes). */
  replacementChars: number;
};

/** Why ranges could not be merged into the sequential result (then the file is read sequentially). */
export type MergeRefusal = 'split-inside-record' | 'warning-not-kept' | 'missing-mismatch' | 'table-lines';

/**
 * Merge the outputs of a file's byte ranges, in order, into exactly what the sequential
 * ingest of the file gives: rows checked for duplicates in file order (the first
 * occurrence wins; a later one becomes an R_DUPLICATE reject and takes its warnings and
 * missing values with it), rejects in line order, warnings of the kept rows in line order
 * (complete counts, the first {@link WARNINGS_KEPT_PER_CODE} of each code kept), missing
 * counts with their keys in the order the sequential ingest creates them, and the columns
 * ({@link mergeColumns}). Line numbers are counted from the file's start. The bookkeeping is
 * a {@link RangeMerger}'s, which a streamed read uses range by range.
 *
 * Refuses (returns the reason) when a range other than the last did not end between two
 * records — then the next range did not start a record, e.g. a split inside a quoted field
 * that holds a line break — or when the ranges did not keep a warning the merged result keeps.
 *
 * @param outs the ranges' outputs, in file order (their columns are released)
 * @param name the file name for rejects and warnings
 * @param header the file's header mapping
 * @param present the dataset's fields in canonical order
 * @returns the merged result, or why there is none
 * @example
 * const m = mergeRanges(outs, 'panel.csv', header, present);
 * if (typeof m === 'string') readSequentially();
 */
export function mergeRanges(
  outs: RangeOutput[],
  name: string,
  header: HeaderMapping,
  present: string[],
): MergedRanges | MergeRefusal {
  const merger = new RangeMerger(name, header, present);
  merger.reserve(outs.reduce((rows, o) => rows + o.rows, 0));
  const dropped: (Uint8Array | null)[] = [];
  const lineOffset: number[] = [];
  for (let k = 0; k < outs.length; k++) {
    const kept = merger.add(outs[k], k === outs.length - 1);
    if (typeof kept === 'string') return kept;
    dropped.push(kept.drop);
    lineOffset.push(kept.lineOffset);
  }
  return merger.result(mergeColumns(outs, { dropped, lineOffset }, present, merger.shape));
}

/** What {@link RangeMerger.add} found in a range: the rows it drops and the organizations of the rows it keeps. */
export interface RangeKept {
  /** 1 for a row that is not kept (a duplicate), or null when every row is kept. */
  drop: Uint8Array | null;
  /** Organization number of each kept row (numbered in order of first appearance in the file). */
  orgs: Int32Array;
  /** Lines of the file before the range. */
  lineOffset: number;
}

/**
 * The bookkeeping of merging a file's byte ranges in order (see {@link mergeRanges}), one
 * range at a time, so that a range's kept rows can be handed on before the next range is
 * read: duplicates found through an {@link OrgYearLedger} (no rows kept), rejects,
 * warnings and missing counts gathered as the sequential ingest gathers them.
 *
 * @example
 * const m = new RangeMerger('panel.csv', header, present);
 * const kept = m.add(out, true); // then mergeColumns([out], [kept.drop], [kept.lineOffset], …)
 * m.result(dataset);
 */
export class RangeMerger {
  /** panel when the file has a year column. */
  readonly shape: Dataset['shape'];
  private readonly yearCol: boolean;
  private readonly ledger: OrgYearLedger;
  private readonly rejects: RejectStore;
  private readonly warnings: ProblemRow[] = [];
  private readonly warningCounts: Record<string, number> = {};
  /** Fields checked for missing values (the header's), their kept missing counts and first kept missing row. */
  private readonly fields: string[];
  private readonly missingN: Float64Array;
  private readonly firstAt: Float64Array;
  private lines = 0;
  private kept = 0;
  private read = 0;
  private blank = 0;
  private replacementChars = 0;

  /**
   * @param name the file name for rejects and warnings
   * @param header the file's header mapping
   * @param present the dataset's fields in canonical order
   * @param rejectsKept rejected rows kept in memory (default 10,000; the rest are spilled to a file)
   */
  constructor(
    private readonly name: string,
    header: HeaderMapping,
    private readonly present: string[],
    rejectsKept?: number,
  ) {
    this.rejects = new RejectStore(rejectsKept);
    this.yearCol = header.present.includes('year');
    this.shape = this.yearCol ? 'panel' : 'registry';
    this.ledger = new OrgYearLedger(this.yearCol);
    this.fields = header.present;
    this.missingN = new Float64Array(this.fields.length);
    this.firstAt = new Float64Array(this.fields.length).fill(-1);
  }

  /**
   * Make room in the duplicate ledger for this many more rows (the ranges' rows, when known ahead).
   *
   * @param rows how many rows may come
   */
  reserve(rows: number): void {
    this.ledger.reserve(rows);
  }

  /**
   * Take the next range's output (its columns are not touched).
   *
   * @param o the range's output
   * @param last whether it is the file's last range
   * @returns the rows it keeps, or why the ranges cannot be merged
   */
  add(o: RangeOutput, last: boolean): RangeKept | MergeRefusal {
    if (!last && !o.clean) return 'split-inside-record';
    // totals or notes after the table (or lines around a header): the sequential reader lists them
    if (o.tableLines > 0) return 'table-lines';
    if (!o.text.org_id || (this.yearCol && !o.num.year)) return 'missing-mismatch';
    const lineOffset = this.lines;
    const name = this.name;
    // duplicates, in file order: the first occurrence of an organization-year wins
    let drop: Uint8Array | null = null;
    const dups: ProblemRow[] = [];
    const ids = o.text.org_id;
    const years = this.yearCol ? o.num.year : null;
    const orgs = new Int32Array(o.rows);
    // each id of the range's dictionary looked up once (an organization's rows repeat it)
    const orgOfCode = new Int32Array(ids.dict.length).fill(-1);
    let k = 0;
    for (let r = 0; r < o.rows; r++) {
      const code = ids.codes[r];
      const id = ids.dict[code];
      let org = orgOfCode[code];
      if (!(org >= 0)) org = orgOfCode[code] = this.ledger.numberOf(id);
      const year = years === null ? NaN : years[r];
      const first = this.ledger.findOrAddOrg(org, year, 0, o.line[r] + lineOffset);
      if (first === null) {
        orgs[k++] = this.ledger.lastOrg;
        continue;
      }
      drop ??= new Uint8Array(o.rows);
      drop[r] = 1;
      dups.push({
        file: name,
        line: o.line[r] + lineOffset,
        ...duplicateReject(id, year, this.yearCol, `${name} line ${first.line}`),
      });
    }
    // rejects in line order: the range's own, and its duplicates
    const own = o.rejects;
    for (const p of own) p.line += lineOffset;
    let i = 0;
    let j = 0;
    while (i < own.length || j < dups.length)
      this.rejects.push(j >= dups.length || (i < own.length && own[i].line < dups[j].line) ? own[i++] : dups[j++]);
    // warnings of the kept rows, in order; the first WARNINGS_KEPT_PER_CODE of each code kept
    let next = 0;
    for (let w = 0; w < o.warnRow.length; w++) {
      while (next < o.keptAt.length && o.keptAt[next] < w) next++;
      const r = o.warnRow[w];
      if (drop !== null && drop[r] === 1) continue;
      const code = o.warnCodes[o.warnCode[w]];
      const n = (this.warningCounts[code] = (this.warningCounts[code] ?? 0) + 1);
      if (n > WARNINGS_KEPT_PER_CODE) continue;
      if (next >= o.keptAt.length || o.keptAt[next] !== w) return 'warning-not-kept';
      this.warnings.push({ file: name, line: o.line[r] + lineOffset, ...o.kept[next] });
    }
    // missing values of the kept rows (checked against the range's own counts)
    for (let q = 0; q < this.fields.length; q++) {
      const f = this.fields[q];
      const ownMissing = o.missing[f] ?? 0;
      if (ownMissing === 0) continue;
      const miss = missingTest(o, f);
      if (miss === null) return 'missing-mismatch';
      let n = ownMissing;
      if (drop !== null) for (let r = 0; r < o.rows; r++) if (drop[r] === 1 && miss(r)) n--;
      this.missingN[q] += n;
      if (this.firstAt[q] < 0) {
        const r = firstMissing(o, f, drop);
        if (r >= 0) this.firstAt[q] = this.kept + r - dropsBefore(drop, r);
      }
    }
    this.lines += o.lines;
    this.kept += k;
    this.read += o.read;
    this.blank += o.blank;
    this.replacementChars += o.replacementChars;
    return { drop, orgs: k === o.rows ? orgs : orgs.slice(0, k), lineOffset };
  }

  /**
   * The merged result of the ranges added (all of the file's).
   *
   * @param dataset their kept rows' columns
   * @returns the result, or 'missing-mismatch' when the missing counts do not add up (never expected)
   */
  result(dataset: Dataset): MergedRanges | MergeRefusal {
    const missingCounts: Record<string, number> = {};
    const order: number[] = [];
    for (let q = 0; q < this.fields.length; q++) {
      const n = this.missingN[q];
      if (n < 0 || n > 0 !== this.firstAt[q] >= 0) return 'missing-mismatch';
      if (n > 0) order.push(q);
    }
    order.sort((a, b) => this.firstAt[a] - this.firstAt[b] || a - b);
    for (const q of order) missingCounts[this.fields[q]] = this.missingN[q];
    for (const f of this.present) missingCounts[f] ??= 0;
    const spill = this.rejects.spill();
    return {
      dataset,
      counts: { read: this.read, accepted: this.kept, rejected: this.rejects.total, blank: this.blank },
      rejects: this.rejects.kept,
      ...(spill ? { rejectSpill: spill } : {}),
      warnings: this.warnings,
      rejectCounts: this.rejects.counts,
      warningCounts: this.warningCounts,
      missingCounts,
      replacementChars: this.replacementChars,
    };
  }
}

/** Rows before `end` that are dropped. */
function dropsBefore(drop: Uint8Array | null, end: number): number {
  if (drop === null) return 0;
  let n = 0;
  for (let r = 0; r < end; r++) n += drop[r];
  return n;
}

/** Whether a row of a range misses field f (NaN, no category, empty text); null when the range has no column for it. */
function missingTest(o: RangeOutput, f: string): ((r: number) => boolean) | null {
  const num = o.num[f];
  if (num) return (r) => num[r] !== num[r];
  const cat = o.cat[f];
  if (cat) return (r) => cat.codes[r] < 0;
  const text = o.text[f];
  if (text) return (r) => text.dict[text.codes[r]] === '';
  return null;
}

/** The first row of a range that is kept and misses field f, or -1. */
function firstMissing(o: RangeOutput, f: string, drop: Uint8Array | null): number {
  const num = o.num[f];
  const cat = o.cat[f];
  const text = o.text[f];
  const kept = (r: number): boolean => drop === null || drop[r] === 0;
  if (num) {
    for (let r = 0; r < o.rows; r++) if (num[r] !== num[r] && kept(r)) return r;
  } else if (cat) {
    const codes = cat.codes;
    for (let r = 0; r < o.rows; r++) if (codes[r] < 0 && kept(r)) return r;
  } else if (text) {
    const empty = text.dict.indexOf('');
    const codes = text.codes;
    if (empty >= 0) for (let r = 0; r < o.rows; r++) if (codes[r] === empty && kept(r)) return r;
  }
  return -1;
}
