import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MeasureError } from '../../../src/measures/measure-error.js';
import { distanceToTarget } from '../../../src/measures/composite/distance-to-target.js';

const REF = new URL('../../fixtures/reference/', import.meta.url);
const load = (file: string): unknown => JSON.parse(readFileSync(new URL(file, REF), 'utf8'));

interface Dist2TargCase {
  x: number[];
  targ: number;
  direction: 1 | -1;
  cap_max: boolean;
  expected: number[];
}
const coinr = load('coinr_small_cases.json') as {
  source: { repo: string; commit: string };
  n_dist2targ: { path: string; cases: Dist2TargCase[] };
};
const SRC = `${coinr.source.repo}@${coinr.source.commit.slice(0, 7)} ${coinr.n_dist2targ.path} (n_dist2targ)`;

describe('distanceToTarget', () => {
  coinr.n_dist2targ.cases.forEach((c, k) => {
    it(`COINr n_dist2targ case ${k + 1}: target ${c.targ}, direction ${c.direction}, cap_max ${c.cap_max}`, () => {
      const y = distanceToTarget(c.x, { target: c.targ, direction: c.direction, capMax: c.cap_max });
      y.forEach((v, i) => expect(v, SRC).toBeCloseTo(c.expected[i], 12));
    });
  });

  it('missing values stay NaN and are ignored for the minimum (hand calculation)', () => {
    // min of available = 2; target 4 -> (2-2)/2 = 0, (3-2)/2 = 0.5
    const r = distanceToTarget([2, NaN, 3], { target: 4 });
    expect(r[0]).toBe(0);
    expect(r[1]).toBeNaN();
    expect(r[2]).toBe(0.5);
  });

  it('target not beyond the worst value throws instead of dividing by zero', () => {
    expect(() => distanceToTarget([1, 2], { target: 1 })).toThrow(MeasureError);
    expect(() => distanceToTarget([1, 2], { target: 2, direction: -1 })).toThrow(MeasureError);
  });
});
