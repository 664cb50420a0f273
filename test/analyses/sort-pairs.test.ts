import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sortPairs } from '../../src/analyses/sort-pairs.js';

describe('sortPairs', () => {
  it('sorts keys ascending and carries each item with its key (random lengths, many ties)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.integer({ min: -3, max: 3 }), fc.double({ noNaN: true })), { maxLength: 300 }),
        (xs) => {
          const keys = Float64Array.from(xs);
          const items = Uint32Array.from(xs, (_, k) => k);
          sortPairs(keys, items);
          for (let k = 1; k < keys.length; k++) expect(keys[k - 1] <= keys[k]).toBe(true);
          for (let k = 0; k < keys.length; k++)
            expect(Object.is(keys[k], xs[items[k]]) || keys[k] === xs[items[k]]).toBe(true);
          expect([...items].sort((a, b) => a - b)).toEqual(xs.map((_, k) => k));
        },
      ),
    );
  });

  it('sorts a range only, and survives adversarial inputs (sorted, reversed, constant, organ pipe)', () => {
    const n = 5000;
    const shapes = [
      (k: number) => k,
      (k: number) => n - k,
      () => 1,
      (k: number) => Math.min(k, n - k),
      (k: number) => k % 2,
    ];
    for (const f of shapes) {
      const keys = Float64Array.from({ length: n }, (_, k) => f(k));
      const items = Int32Array.from({ length: n }, (_, k) => k);
      sortPairs(keys, items, 100, n - 100);
      const want = Float64Array.from({ length: n }, (_, k) => f(k));
      want.subarray(100, n - 100).sort();
      expect(keys).toEqual(want);
      for (let k = 0; k < n; k++) expect(keys[k]).toBe(f(items[k]));
    }
  });
});
