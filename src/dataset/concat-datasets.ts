import type { CategoryColumn, Dataset, NumColumn } from './dataset.js';
import { StringDictionary } from './string-dictionary.js';

/**
 * One dataset of several, rows in order: what one builder given all their rows makes, value
 * for value. A numeric column is 8-byte when any part's is; category dictionaries are merged
 * in order of first use; a field a part lacks is missing in its rows (NaN, no category, '').
 *
 * @param parts the datasets, in order (at least one; same shape)
 * @param present the fields of the result, in canonical order (default: the first part's)
 * @returns the dataset
 * @example
 * concatDatasets([a, b]).length === a.length + b.length; // => true
 */
export function concatDatasets(parts: readonly Dataset[], present: string[] = parts[0].present): Dataset {
  const total = parts.reduce((s, p) => s + p.length, 0);
  const names = <K extends 'num' | 'cat' | 'text'>(k: K): string[] => [
    ...new Set(parts.flatMap((p) => Object.keys(p[k]))),
  ];
  const num: Record<string, NumColumn> = {};
  for (const name of names('num')) {
    const wide = parts.some((p) => p.num[name] instanceof Float64Array);
    const out = wide ? new Float64Array(total) : new Float32Array(total);
    let at = 0;
    for (const p of parts) {
      const col = p.num[name];
      if (col) out.set(col, at);
      else out.fill(NaN, at, at + p.length);
      at += p.length;
    }
    num[name] = out;
  }
  const cat: Record<string, CategoryColumn> = {};
  for (const name of names('cat')) {
    const dict = new StringDictionary();
    const codes = new Int32Array(total);
    let at = 0;
    for (const p of parts) {
      const col = p.cat[name];
      if (!col) codes.fill(-1, at, at + p.length);
      else {
        const toNew = Int32Array.from(col.dict, () => -1);
        for (let r = 0; r < p.length; r++) {
          const c = col.codes[r];
          codes[at + r] = c < 0 ? -1 : toNew[c] >= 0 ? toNew[c] : (toNew[c] = dict.code(col.dict[c]));
        }
      }
      at += p.length;
    }
    cat[name] = { codes, dict: dict.values };
  }
  const text: Record<string, string[]> = {};
  for (const name of names('text')) {
    const out = new Array<string>(total);
    let at = 0;
    for (const p of parts) {
      const col = p.text[name];
      for (let r = 0; r < p.length; r++) out[at++] = col ? col[r] : '';
    }
    text[name] = out;
  }
  const file = new Uint16Array(total);
  const line = new Uint32Array(total);
  let at = 0;
  for (const p of parts) {
    file.set(p.source.file, at);
    line.set(p.source.line, at);
    at += p.length;
  }
  return { length: total, present, num, cat, text, source: { file, line }, shape: parts[0].shape };
}
