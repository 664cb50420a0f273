import type { Dataset } from '../../dataset/dataset.js';
import type { IngestResult, ProblemRow } from '../ingest-files.js';
import type { HeaderMapping } from '../header/map-headers.js';
import { OrgYearSet } from '../org-year-set.js';
import { WARNINGS_KEPT_PER_CODE, type RowCounts } from '../record-handler.js';
import type { RangeOutput } from './ingest-range.js';
import { mergeColumns } from './merge-columns.js';
import { duplicateReject } from '../duplicate-reject.js';

/** The ranges merged: what the sequential ingest of the whole file gives (all but the per-source information). */
export type MergedRanges = Omit<IngestResult, 'sources'>;

/** Why ranges could not be merged into the sequential result (then the file is read sequentially). */
export type MergeRefusal = 'split-inside-record' | 'warning-not-kept' | 'missing-mismatch';

/**
 * Merge the outputs of a file's byte ranges, in order, into exactly what the sequential
 * ingest of the file gives: rows checked for duplicates in file order (the first
 * occurrence wins; a later one becomes an R_DUPLICATE reject and takes its warnings and
 * missing values with it), rejects in line order, warnings of the kept rows in line order
 * (complete counts, the first {@link WARNINGS_KEPT_PER_CODE} of each code kept), missing
 * counts with their keys in the order the sequential ingest creates them, and the columns
 * ({@link mergeColumns}). Line numbers are counted from the file's start.
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
export function mergeRanges(outs: RangeOutput[], name: string, header: HeaderMapping, present: string[]): MergedRanges | MergeRefusal {
  for (let k = 0; k < outs.length - 1; k++) if (!outs[k].clean) return 'split-inside-record';
  const yearCol = header.present.includes('year');
  const lineOffset: number[] = [];
  let lines = 0;
  for (const o of outs) {
    lineOffset.push(lines);
    lines += o.lines;
  }

  // duplicates, in file order: the first occurrence of an organization-year wins
  const rowOffset: number[] = [];
  let rows = 0;
  for (const o of outs) {
    rowOffset.push(rows);
    rows += o.rows;
  }
  const rangeOf = (g: number): number => {
    let k = outs.length - 1;
    while (rowOffset[k] > g) k--;
    return k;
  };
  const idOf = (k: number, r: number): string => {
    const t = outs[k].text.org_id;
    return t.dict[t.codes[r]];
  };
  const yearOf = (k: number, r: number): number => (yearCol ? outs[k].num.year[r] : NaN);
  if (!outs.every((o) => o.text.org_id && (!yearCol || o.num.year))) return 'missing-mismatch';
  const set = new OrgYearSet();
  let dupId = '';
  let dupYear = NaN;
  const same = (g: number): boolean => {
    const k = rangeOf(g);
    const r = g - rowOffset[k];
    return idOf(k, r) === dupId && (!yearCol || yearOf(k, r) === dupYear);
  };
  const dropped: (Uint8Array | null)[] = [];
  const dupRejects: ProblemRow[][] = [];
  for (let k = 0; k < outs.length; k++) {
    const o = outs[k];
    let drop: Uint8Array | null = null;
    const list: ProblemRow[] = [];
    const ids = o.text.org_id;
    const years = yearCol ? o.num.year : null;
    for (let r = 0; r < o.rows; r++) {
      dupId = ids.dict[ids.codes[r]];
      dupYear = years === null ? NaN : years[r];
      const first = set.findOrAdd(dupId, dupYear, rowOffset[k] + r, same);
      if (first < 0) continue;
      drop ??= new Uint8Array(o.rows);
      drop[r] = 1;
      const fk = rangeOf(first);
      const firstLine = outs[fk].line[first - rowOffset[fk]] + lineOffset[fk];
      list.push({ file: name, line: o.line[r] + lineOffset[k], ...duplicateReject(dupId, dupYear, yearCol, `${name} line ${firstLine}`) });
    }
    dropped.push(drop);
    dupRejects.push(list);
  }

  // rejects in line order: each range's own, and its duplicates
  const rejects: ProblemRow[] = [];
  for (let k = 0; k < outs.length; k++) {
    const own = outs[k].rejects;
    for (const p of own) p.line += lineOffset[k];
    const dups = dupRejects[k];
    let i = 0;
    let j = 0;
    while (i < own.length || j < dups.length) rejects.push(j >= dups.length || (i < own.length && own[i].line < dups[j].line) ? own[i++] : dups[j++]);
  }
  const rejectCounts: Record<string, number> = {};
  for (const p of rejects) rejectCounts[p.code] = (rejectCounts[p.code] ?? 0) + 1;

  // warnings of the kept rows, in order; the first WARNINGS_KEPT_PER_CODE of each code kept
  const warnings: ProblemRow[] = [];
  const warningCounts: Record<string, number> = {};
  for (let k = 0; k < outs.length; k++) {
    const o = outs[k];
    const drop = dropped[k];
    let next = 0;
    for (let i = 0; i < o.warnRow.length; i++) {
      while (next < o.keptAt.length && o.keptAt[next] < i) next++;
      const r = o.warnRow[i];
      if (drop !== null && drop[r] === 1) continue;
      const code = o.warnCodes[o.warnCode[i]];
      const n = (warningCounts[code] = (warningCounts[code] ?? 0) + 1);
      if (n > WARNINGS_KEPT_PER_CODE) continue;
      if (next >= o.keptAt.length || o.keptAt[next] !== i) return 'warning-not-kept';
      warnings.push({ file: name, line: o.line[r] + lineOffset[k], ...o.kept[next] });
    }
  }

  // missing values of the kept rows (checked against the ranges' own counts)
  const missingCounts = missingOf(outs, dropped, header.present);
  if (missingCounts === null) return 'missing-mismatch';
  const dataset = mergeColumns(outs, dropped, lineOffset, present, yearCol ? 'panel' : 'registry');
  for (const f of present) missingCounts[f] ??= 0;
  const read = outs.reduce((a, o) => a + o.read, 0);
  const blank = outs.reduce((a, o) => a + o.blank, 0);
  return { dataset, counts: { read, accepted: dataset.length, rejected: rejects.length, blank }, rejects, warnings, rejectCounts, warningCounts, missingCounts };
}

/**
 * Missing-value counts of the kept rows, keys in the order the sequential ingest creates
 * them (by the first kept row that misses the field, within a row in header order): the
 * ranges' own counts (made as the sequential ingest makes them) less the dropped rows',
 * the first missing row found in the columns (a missing value is NaN, -1 or '' there, and
 * nothing else is). Null when the two disagree (never expected).
 */
function missingOf(outs: RangeOutput[], dropped: (Uint8Array | null)[], fields: string[]): Record<string, number> | null {
  const droppedRows = dropped.map((d) => dropsBefore(d, d === null ? 0 : d.length));
  const firstAt = new Array<number>(fields.length).fill(-1);
  const kept = new Array<number>(fields.length).fill(0);
  for (let q = 0; q < fields.length; q++) {
    const f = fields[q];
    let n = 0;
    for (let k = 0; k < outs.length; k++) {
      const o = outs[k];
      const own = o.missing[f] ?? 0;
      if (own === 0) continue;
      const miss = missingTest(o, f);
      if (miss === null) return null;
      const drop = dropped[k];
      n += own;
      if (drop !== null) for (let r = 0; r < o.rows; r++) if (drop[r] === 1 && miss(r)) n--;
    }
    kept[q] = n;
    let before = 0;
    for (let k = 0; k < outs.length && n > 0; k++) {
      const o = outs[k];
      if ((o.missing[f] ?? 0) > 0) {
        const r = firstMissing(o, f, dropped[k]);
        if (r >= 0) {
          firstAt[q] = before + r - dropsBefore(dropped[k], r);
          break;
        }
      }
      before += o.rows - droppedRows[k];
    }
    if (n < 0 || (n > 0) !== firstAt[q] >= 0) return null;
  }
  const order = fields.map((_, q) => q).filter((q) => kept[q] > 0);
  order.sort((a, b) => firstAt[a] - firstAt[b] || a - b);
  const counts: Record<string, number> = {};
  for (const q of order) counts[fields[q]] = kept[q];
  return counts;
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
