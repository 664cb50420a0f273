/**
 * The text of `JSON.stringify(value, null, 2)` in parts, so that a large document can be
 * written without holding its whole text (and its UTF-8 copy) in memory. The parts joined
 * are exactly `JSON.stringify`'s text: keys in the same order, members whose value is
 * undefined, a function or a symbol left out of objects and null in arrays, non-finite
 * numbers as null, `toJSON` called with the member's key, `{}` and `[]` for empty ones.
 * Objects and arrays down to `depth` levels are written member by member; deeper values
 * are one `JSON.stringify` each (indented to their place).
 *
 * @param value the value to write (not undefined)
 * @param depth levels written member by member (default 4)
 * @returns the parts, in order
 * @throws TypeError as `JSON.stringify` does (a BigInt; a cycle may also overflow the stack)
 * @example
 * [...indentedJsonParts({ a: [1, NaN], b: {} })].join('');
 * // => '{\n  "a": [\n    1,\n    null\n  ],\n  "b": {}\n}'
 */
export function* indentedJsonParts(value: unknown, depth = 4): Generator<string> {
  yield* partsOf(jsonValue(value, ''), '', depth);
}

/** A member's value as `JSON.stringify` writes it: the result of its `toJSON(key)` when it has one. */
function jsonValue(raw: unknown, key: string): unknown {
  const toJSON = raw !== null && typeof raw === 'object' ? (raw as { toJSON?: unknown }).toJSON : undefined;
  return typeof toJSON === 'function' ? (toJSON as (k: string) => unknown).call(raw, key) : raw;
}

/** Whether `JSON.stringify` leaves a member with this value out of an object (null in an array). */
function absent(v: unknown): boolean {
  return v === undefined || typeof v === 'function' || typeof v === 'symbol';
}

/** The parts of one value (its `toJSON` already applied), at indentation `indent`. */
function* partsOf(v: unknown, indent: string, depth: number): Generator<string> {
  if (depth === 0 || v === null || typeof v !== 'object') {
    const text = JSON.stringify(v, null, 2);
    yield indent === '' ? text : text.replaceAll('\n', `\n${indent}`);
    return;
  }
  const inner = `${indent}  `;
  const array = Array.isArray(v);
  const keys = array ? Array.from(v, (_x, i) => String(i)) : Object.keys(v);
  let first = true;
  for (const key of keys) {
    const x = jsonValue((v as Record<string, unknown>)[key], key);
    if (absent(x) && !array) continue;
    yield `${first ? (array ? '[' : '{') : ','}\n${inner}${array ? '' : `${JSON.stringify(key)}: `}`;
    first = false;
    if (absent(x)) yield 'null';
    else yield* partsOf(x, inner, depth - 1);
  }
  yield first ? (array ? '[]' : '{}') : `\n${indent}${array ? ']' : '}'}`;
}
