import { describe, expect, it } from 'vitest';
import { MeasureError } from '../../../src/measures/measure-error.js';
import { coordinationClass } from '../../../src/measures/coupling/coordination-class.js';

const NAMES: [string, string][] = [
  ['极度失调', 'extreme imbalance'],
  ['严重失调', 'serious imbalance'],
  ['中度失调', 'moderate imbalance'],
  ['轻度失调', 'mild imbalance'],
  ['濒临失调', 'on the verge of imbalance'],
  ['勉强协调', 'barely coordinated'],
  ['初级协调', 'primary coordination'],
  ['中级协调', 'intermediate coordination'],
  ['良好协调', 'good coordination'],
  ['优质协调', 'high-quality coordination'],
];

describe('coordinationClass', () => {
  it('ten classes in steps of 0.1 with their names', () => {
    NAMES.forEach(([zh, en], k) => {
      expect(coordinationClass(k / 10 + 0.05)).toEqual({ index: k, zh, en });
    });
  });

  it('a D exactly on a boundary goes to the upper class', () => {
    // 0.1 -> class 1, ..., 0.9 -> class 9
    for (const [d, k] of [
      [0.1, 1],
      [0.2, 2],
      [0.3, 3],
      [0.4, 4],
      [0.5, 5],
      [0.6, 6],
      [0.7, 7],
      [0.8, 8],
      [0.9, 9],
    ] as const) {
      expect(coordinationClass(d).index).toBe(k);
    }
    expect(coordinationClass(0.09999999).index).toBe(0);
  });

  it('ends: 0 -> class 0, 1 -> class 9', () => {
    expect(coordinationClass(0).index).toBe(0);
    expect(coordinationClass(1)).toEqual({ index: 9, zh: '优质协调', en: 'high-quality coordination' });
  });

  it('rejects NaN and values outside [0, 1]', () => {
    expect(() => coordinationClass(NaN)).toThrow(MeasureError);
    expect(() => coordinationClass(1.01)).toThrow(MeasureError);
    expect(() => coordinationClass(-0.01)).toThrow(MeasureError);
  });
});
