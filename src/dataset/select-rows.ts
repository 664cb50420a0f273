import type { CategoryColumn, Dataset, NumColumn } from './dataset.js';

/**
 * The rows of a dataset at the given indices, in that order, as a dataset of their own:
 * every column keeps its type and its category dictionary (codes unchanged), and each row
 * keeps its source file and line.
 *
 * @param ds the dataset
 * @param rows row indices (each below `ds.length`)
 * @returns the dataset of those rows
 * @example
 * selectRows(ds, Uint32Array.of(0, 2)).length; // => 2
 */
export function selectRows(ds: Dataset, rows: Uint32Array): Dataset {
  const n = rows.length;
  const pick = <T extends NumColumn | Int32Array | Uint16Array | Uint32Array>(col: T, make: (n: number) => T): T => {
    const out = make(n);
    for (let i = 0; i < n; i++) out[i] = col[rows[i]];
    return out;
  };
  const num: Record<string, NumColumn> = {};
  for (const [name, col] of Object.entries(ds.num))
    num[name] =
      col instanceof Float64Array ? pick(col, (k) => new Float64Array(k)) : pick(col, (k) => new Float32Array(k));
  const cat: Record<string, CategoryColumn> = {};
  for (const [name, col] of Object.entries(ds.cat))
    cat[name] = { codes: pick(col.codes, (k) => new Int32Array(k)), dict: col.dict };
  const text: Record<string, string[]> = {};
  for (const [name, col] of Object.entries(ds.text)) text[name] = Array.from(rows, (r) => col[r]);
  return {
    length: n,
    present: ds.present,
    num,
    cat,
    text,
    source: {
      file: pick(ds.source.file, (k) => new Uint16Array(k)),
      line: pick(ds.source.line, (k) => new Uint32Array(k)),
    },
    shape: ds.shape,
  };
}
