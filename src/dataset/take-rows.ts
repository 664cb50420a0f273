import type { CategoryColumn, Dataset, NumColumn } from './dataset.js';
import { StringDictionary } from './string-dictionary.js';

/**
 * A dataset of some rows of another, in the order given: numeric columns keep their element
 * type, category dictionaries are re-made in order of first use over the rows taken (so a
 * small part carries a small dictionary), ids and names are shared strings.
 *
 * @param ds the dataset
 * @param rows the row indices to take
 * @returns the new dataset (same fields and shape)
 * @example
 * takeRows(ds, Uint32Array.of(4, 0)).text.org_id; // => [ds.text.org_id[4], ds.text.org_id[0]]
 */
export function takeRows(ds: Dataset, rows: ArrayLike<number>): Dataset {
  const n = rows.length;
  const num: Record<string, NumColumn> = {};
  for (const [name, col] of Object.entries(ds.num)) {
    const out = col instanceof Float64Array ? new Float64Array(n) : new Float32Array(n);
    for (let k = 0; k < n; k++) out[k] = col[rows[k]];
    num[name] = out;
  }
  const cat: Record<string, CategoryColumn> = {};
  for (const [name, col] of Object.entries(ds.cat)) {
    const dict = new StringDictionary();
    const toNew = new Int32Array(col.dict.length).fill(-1);
    const codes = new Int32Array(n);
    for (let k = 0; k < n; k++) {
      const c = col.codes[rows[k]];
      if (c < 0) codes[k] = -1;
      else codes[k] = toNew[c] >= 0 ? toNew[c] : (toNew[c] = dict.code(col.dict[c]));
    }
    cat[name] = { codes, dict: dict.values };
  }
  const text: Record<string, string[]> = {};
  for (const [name, col] of Object.entries(ds.text)) text[name] = Array.from(rows, (i) => col[i]);
  const file = new Uint16Array(n);
  const line = new Uint32Array(n);
  for (let k = 0; k < n; k++) {
    file[k] = ds.source.file[rows[k]];
    line[k] = ds.source.line[rows[k]];
  }
  return { length: n, present: ds.present, num, cat, text, source: { file, line }, shape: ds.shape };
}
