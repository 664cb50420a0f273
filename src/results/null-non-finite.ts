/**
 * Replace every number that is not finite (NaN, Infinity, -Infinity) in a JSON-like value
 * with null, in place, as `JSON.stringify` writes them: the results a run holds then say
 * what its results.json says.
 *
 * @param value plain objects, arrays and primitives (what results.json is made of)
 * @returns how many numbers were replaced
 * @throws nothing
 * @example
 * const r = { a: NaN, b: [1, Infinity], c: { d: 2 } };
 * nullNonFinite(r); // => 2
 * r; // => { a: null, b: [1, null], c: { d: 2 } }
 */
export function nullNonFinite(value: unknown): number {
  let replaced = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const x = stack.pop();
    if (Array.isArray(x)) {
      for (let i = 0; i < x.length; i++) {
        const v: unknown = x[i];
        if (typeof v === 'number' && !Number.isFinite(v)) {
          x[i] = null;
          replaced++;
        } else if (v !== null && typeof v === 'object') stack.push(v);
      }
    } else if (x !== null && typeof x === 'object') {
      const o = x as Record<string, unknown>;
      for (const k of Object.keys(o)) {
        const v = o[k];
        if (typeof v === 'number' && !Number.isFinite(v)) {
          o[k] = null;
          replaced++;
        } else if (v !== null && typeof v === 'object') stack.push(v);
      }
    }
  }
  return replaced;
}
