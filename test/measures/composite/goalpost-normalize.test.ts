import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MeasureError } from '../../../src/measures/measure-error.js';
import { goalpostNormalize } from '../../../src/measures/composite/goalpost-normalize.js';

const REF = new URL('../../fixtures/reference/', import.meta.url);
const load = (file: string): unknown => JSON.parse(readFileSync(new URL(file, REF), 'utf8'));

interface GoalpostCase {
  x: number;
  gposts: [number, number, number];
  direction: 1 | -1;
  expected: number;
}
const coinr = load('coinr_small_cases.json') as {
  source: { repo: string; commit: string };
  n_goalposts: { path: string; cases: GoalpostCase[] };
};
const SRC = `${coinr.source.repo}@${coinr.source.commit.slice(0, 7)} ${coinr.n_goalposts.path} (n_goalposts)`;

describe('goalpostNormalize', () => {
  coinr.n_goalposts.cases.forEach((c, k) => {
    it(`COINr n_goalposts case ${k + 1}: x = ${c.x}, direction ${c.direction}`, () => {
      const [lower, upper, scale] = c.gposts;
      const [y] = goalpostNormalize([c.x], { lower, upper, scale, direction: c.direction });
      expect(y, SRC).toBeCloseTo(c.expected, 12);
    });
  });

  it('truncate false keeps values beyond the goalposts (hand calculation)', () => {
    // (11 - 0)/(10 - 0) = 1.1; (-1 - 0)/10 = -0.1; times 100
    const r = goalpostNormalize([11, -1], { lower: 0, upper: 10, truncate: false, scale: 100 });
    expect(r[0]).toBeCloseTo(110, 12);
    expect(r[1]).toBeCloseTo(-10, 12);
  });

  it('missing values stay NaN; bad goalposts throw', () => {
    expect(goalpostNormalize([NaN], { lower: 0, upper: 1 })[0]).toBeNaN();
    expect(() => goalpostNormalize([1], { lower: 1, upper: 1 })).toThrow(MeasureError);
  });
});
