const templates = new WeakMap<string[], Record<string, number>>();

/**
 * A record measure → `values[offset + j]`, with the measures' keys in order. Built by
 * copying a template object, so that every record of a cube shares one hidden class (fast
 * property access) instead of becoming a hash table as 40-odd keys added one by one do.
 *
 * @param measures the measure names (one template per array)
 * @param values flat values, `measures.length` per record
 * @param offset where this record's values start
 * @returns the record
 * @example
 * measureRecord(['a', 'b'], Float64Array.of(1, 2, 3, 4), 2); // => { a: 3, b: 4 }
 */
export function measureRecord(measures: string[], values: ArrayLike<number>, offset: number): Record<string, number> {
  let t = templates.get(measures);
  if (!t) {
    t = JSON.parse(JSON.stringify(Object.fromEntries(measures.map((k) => [k, 0])))) as Record<string, number>;
    templates.set(measures, t);
  }
  const r = { ...t };
  for (let j = 0; j < measures.length; j++) r[measures[j]] = values[offset + j];
  return r;
}
