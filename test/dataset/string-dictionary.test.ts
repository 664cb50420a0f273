import { describe, expect, it } from 'vitest';
import { StringDictionary } from '../../src/dataset/string-dictionary.js';

describe('StringDictionary', () => {
  it('numbers strings in order of first use (hand-worked: b a b c a → 0 1 0 2 1)', () => {
    const d = new StringDictionary();
    expect(['b', 'a', 'b', 'c', 'a'].map((s) => d.code(s))).toEqual([0, 1, 0, 2, 1]);
    expect(d.values).toEqual(['b', 'a', 'c']);
    expect(d.size).toBe(3);
  });

  it('stores what `keep` makes of a new string, and finds it again by the original', () => {
    const d = new StringDictionary();
    const kept: string[] = [];
    const keep = (s: string) => (kept.push(s), `${s}`);
    expect(d.code('x', keep)).toBe(0);
    expect(d.code('x', keep)).toBe(0);
    expect(d.code('', keep)).toBe(1);
    expect(kept).toEqual(['x', '']);
    expect(d.values).toEqual(['x', '']);
  });
});
