import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { indentedJsonParts } from '../../src/results/indented-json-parts.js';

// The expected text is always JSON.stringify(value, null, 2), the ECMAScript reference
// (ECMA-262 §25.5.2, SerializeJSONProperty): the parts must join to exactly that text.
const joined = (v: unknown, depth?: number): string => [...indentedJsonParts(v, depth)].join('');

describe('indentedJsonParts', () => {
  it('joins to JSON.stringify(v, null, 2) for the JSDoc example', () => {
    expect(joined({ a: [1, NaN], b: {} })).toBe('{\n  "a": [\n    1,\n    null\n  ],\n  "b": {}\n}');
  });

  it('writes what JSON.stringify writes for absent members, non-finite numbers, empty containers and toJSON', () => {
    const date = new Date(Date.UTC(2024, 0, 2));
    const keyed = { toJSON: (key: string) => `key=${key}` };
    const v = {
      u: undefined,
      f: () => 1,
      s: Symbol('x'),
      arr: [undefined, () => 1, Symbol('y'), Infinity, -Infinity, -0, 'a\nb'],
      empty: { onlyUndefined: undefined },
      none: [],
      nested: { date, keyed, deep: [[[[{ x: 1 }]]]] },
      '"quoted\nkey"': '\u2028',
    };
    for (const depth of [0, 1, 2, 3, 4, 8]) expect(joined(v, depth)).toBe(JSON.stringify(v, null, 2));
    // toJSON receives the member's key, as JSON.stringify passes it
    expect(joined({ k: keyed }, 4)).toContain('"key=k"');
  });

  it('joins to JSON.stringify(v, null, 2) for arbitrary JSON values at any depth (property test)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.integer({ min: 0, max: 6 }), (v, depth) => {
        expect(joined(v, depth)).toBe(JSON.stringify(v, null, 2));
      }),
      { numRuns: 300, seed: 20261207 },
    );
  });

  it('writes a large array member by member, not as one part', () => {
    const big = { rows: Array.from({ length: 1000 }, (_x, i) => ({ i, name: `row ${i}` })) };
    const parts = [...indentedJsonParts(big, 2)];
    expect(parts.length).toBeGreaterThan(1000);
    expect(Math.max(...parts.map((p) => p.length))).toBeLessThan(100);
    expect(parts.join('')).toBe(JSON.stringify(big, null, 2));
  });
});
