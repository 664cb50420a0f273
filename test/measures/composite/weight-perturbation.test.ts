import { describe, expect, it } from 'vitest';
import { MeasureError } from '../../../src/measures/measure-error.js';
import { weightPerturbation } from '../../../src/measures/composite/weight-perturbation.js';
import { seededRandom } from '../../../src/measures/random/seeded-random.js';

const sequence = (values: number[]): (() => number) => {
  let k = 0;
  return () => values[k++ % values.length];
};

describe('weightPerturbation', () => {
  it('multiplies by U(1 - s, 1 + s) and renormalises (hand calculation with a fixed generator)', () => {
    // s = 0.5: u = 0 -> factor 0.5; u = 0.75 -> factor 0.5 + 0.75 = 1.25
    // raw = 0.5*0.5, 0.5*1.25 = 0.25, 0.625; sum 0.875 -> 2/7, 5/7
    const w = weightPerturbation([0.5, 0.5], { rand: sequence([0, 0.75]), spread: 0.5 });
    expect(w[0]).toBeCloseTo(2 / 7, 15);
    expect(w[1]).toBeCloseTo(5 / 7, 15);
  });

  it('keeps the total, keeps zero weights zero, spread 0 is the identity', () => {
    const w = weightPerturbation([0.2, 0, 0.8], { rand: seededRandom(7) });
    expect(w.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 15);
    expect(w[1]).toBe(0);
    const same = weightPerturbation([0.2, 0.3, 0.5], { rand: seededRandom(7), spread: 0 });
    same.forEach((x, j) => expect(x).toBeCloseTo([0.2, 0.3, 0.5][j], 15));
  });

  it('is reproducible with the same seed and stays within the spread', () => {
    const a = weightPerturbation([0.25, 0.25, 0.5], { rand: seededRandom(42), spread: 0.2 });
    const b = weightPerturbation([0.25, 0.25, 0.5], { rand: seededRandom(42), spread: 0.2 });
    expect(a).toEqual(b);
    // the ratio of two perturbed weights lies within (0.8/1.2, 1.2/0.8) of the original ratio
    expect(a[0] / a[2] / 0.5).toBeGreaterThanOrEqual(0.8 / 1.2);
    expect(a[0] / a[2] / 0.5).toBeLessThanOrEqual(1.2 / 0.8);
  });

  it('rejects a missing generator and a bad spread', () => {
    expect(() => weightPerturbation([1], {} as { rand: () => number })).toThrow(MeasureError);
    expect(() => weightPerturbation([1], { rand: Math.random, spread: 1 })).toThrow(MeasureError);
  });
});
