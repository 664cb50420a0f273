import { fitsFloat32, numColumnStartsWide } from '../../dataset/dataset-builder.js';
import type { CategoryColumn, Dataset, NumColumn } from '../../dataset/dataset.js';
import type { RangeOutput } from './ingest-range.js';
import { StringDictionary } from '../../dataset/string-dictionary.js';

/**
 * Join the columns of the ranges' kept rows, in range order, into the dataset the
 * sequential ingest builds from the same rows: numeric columns in 4 bytes unless a kept
 * value needs 8 (or the field is a date), category dictionaries in order of first use
 * over the kept rows, ids and names re-made from each range's dictionary, lines counted
 * from the file's start. Each range's column is dropped once merged (peak memory: one
 * column twice).
 *
 * @param outs the ranges' outputs, in order (their columns are released)
 * @param ranges.dropped per range, 1 for a row that is not kept (a duplicate), or null when every row is kept
 * @param ranges.lineOffset per range, the lines of the file before it
 * @param present the dataset's fields in canonical order
 * @param shape panel or registry
 * @returns the dataset
 * @example
 * const ds = mergeColumns(outs, { dropped: [null, null], lineOffset: [0, 5000] }, ['org_id', 'name'], 'registry');
 */
export function mergeColumns(
  outs: RangeOutput[],
  { dropped, lineOffset }: { dropped: (Uint8Array | null)[]; lineOffset: number[] },
  present: string[],
  shape: Dataset['shape'],
): Dataset {
  const kept = outs.map((o, k) => o.rows - count(dropped[k]));
  const total = kept.reduce((a, b) => a + b, 0);
  const num: Record<string, NumColumn> = {};
  for (const name of Object.keys(outs[0].num)) {
    const parts = outs.map((o) => o.num[name]);
    const wide =
      numColumnStartsWide(name) || parts.some((col, k) => col instanceof Float64Array && !allFit(col, dropped[k]));
    const merged = wide ? new Float64Array(total) : new Float32Array(total);
    let at = 0;
    for (let k = 0; k < outs.length; k++) {
      at = copyKept(parts[k], dropped[k], merged, at);
      delete (outs[k].num as Record<string, unknown>)[name];
    }
    num[name] = merged;
  }
  const cat: Record<string, CategoryColumn> = {};
  for (const name of Object.keys(outs[0].cat)) {
    const codes = new Int32Array(total);
    const dict = new StringDictionary();
    let at = 0;
    for (let k = 0; k < outs.length; k++) {
      const part = outs[k].cat[name];
      const toGlobal = new Int32Array(part.dict.length).fill(-1);
      const drop = dropped[k];
      for (let r = 0; r < part.codes.length; r++) {
        if (drop !== null && drop[r] === 1) continue;
        const c = part.codes[r];
        if (c < 0) codes[at++] = -1;
        else {
          if (toGlobal[c] < 0) toGlobal[c] = dict.code(part.dict[c]);
          codes[at++] = toGlobal[c];
        }
      }
      delete (outs[k].cat as Record<string, unknown>)[name];
    }
    cat[name] = { codes, dict: dict.values };
  }
  const text: Record<string, string[]> = {};
  for (const name of Object.keys(outs[0].text)) {
    const values = new Array<string>(total);
    let at = 0;
    for (let k = 0; k < outs.length; k++) {
      const { codes, dict } = outs[k].text[name];
      const drop = dropped[k];
      for (let r = 0; r < codes.length; r++) if (drop === null || drop[r] === 0) values[at++] = dict[codes[r]];
      delete (outs[k].text as Record<string, unknown>)[name];
    }
    text[name] = values;
  }
  const line = new Uint32Array(total);
  let at = 0;
  for (let k = 0; k < outs.length; k++) {
    const part = outs[k].line;
    const drop = dropped[k];
    const off = lineOffset[k];
    for (let r = 0; r < part.length; r++) if (drop === null || drop[r] === 0) line[at++] = part[r] + off;
  }
  return { length: total, present, num, cat, text, source: { file: new Uint16Array(total), line }, shape };
}

function count(drop: Uint8Array | null): number {
  if (drop === null) return 0;
  let n = 0;
  for (let i = 0; i < drop.length; i++) n += drop[i];
  return n;
}

/** Whether every kept value of an 8-byte column fits 4 bytes exactly (then the sequential build would have kept it in 4). */
function allFit(col: Float64Array, drop: Uint8Array | null): boolean {
  for (let r = 0; r < col.length; r++) if ((drop === null || drop[r] === 0) && !fitsFloat32(col[r])) return false;
  return true;
}

/** Copy the kept rows of `src` into `dst` from `at`; returns the next free index. */
function copyKept(src: NumColumn, drop: Uint8Array | null, dst: NumColumn, at: number): number {
  if (drop === null) {
    dst.set(src, at);
    return at + src.length;
  }
  let runStart = 0;
  for (let r = 0; r <= src.length; r++) {
    if (r === src.length || drop[r] === 1) {
      if (r > runStart) {
        dst.set(src.subarray(runStart, r), at);
        at += r - runStart;
      }
      runStart = r + 1;
    }
  }
  return at;
}
