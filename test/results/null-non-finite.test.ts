import { describe, expect, it } from 'vitest';
import { nullNonFinite } from '../../src/results/null-non-finite.js';

describe('nullNonFinite', () => {
  it('replaces NaN and ±Infinity at any depth with null, as JSON.stringify writes them, and counts them', () => {
    const r = { a: NaN, b: [1, Infinity, { c: -Infinity, d: 'x' }], e: { f: { g: 0 } }, h: null };
    // three non-finite numbers: a, b[1], b[2].c
    expect(nullNonFinite(r)).toBe(3);
    expect(r).toEqual({ a: null, b: [1, null, { c: null, d: 'x' }], e: { f: { g: 0 } }, h: null });
    // the object now serialises as it did before (JSON.stringify already wrote null there)
    expect(JSON.stringify(r)).toBe('{"a":null,"b":[1,null,{"c":null,"d":"x"}],"e":{"f":{"g":0}},"h":null}');
  });

  it('leaves finite values alone and returns 0', () => {
    // 1.7e308 is below Number.MAX_VALUE (≈1.798e308): finite
    const r = { a: 0, b: [-1.5, 1.7e308], c: 'NaN' };
    expect(nullNonFinite(r)).toBe(0);
    expect(r).toEqual({ a: 0, b: [-1.5, 1.7e308], c: 'NaN' });
  });
});
