import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MeasureError } from '../../../src/measures/measure-error.js';
import { greyRelationalGrade } from '../../../src/measures/composite/grey-relational-grade.js';

const REF = new URL('../../fixtures/reference/', import.meta.url);
const load = (file: string): unknown => JSON.parse(readFileSync(new URL(file, REF), 'utf8'));
const printed = (x: number): number => (String(x).split('.')[1] ?? '').length;

describe('greyRelationalGrade', () => {
  it('mathmodels grey_corr() example (grey_relational_mathmodels.json)', () => {
    const g = load('grey_relational_mathmodels.json') as {
      source: { repo: string; commit: string; path: string };
      ref: number[];
      cmp_columns: Record<string, number[]>;
      rho: number;
      expected_grades: Record<string, number>;
    };
    const src = `${g.source.repo}@${g.source.commit.slice(0, 7)} ${g.source.path}`;
    const names = Object.keys(g.cmp_columns);
    // each comparison sequence (a column in mathmodels) is one row here
    const r = greyRelationalGrade(
      g.ref,
      names.map((n) => g.cmp_columns[n]),
      { rho: g.rho },
    );
    names.forEach((n, i) => {
      const e = g.expected_grades[n];
      expect(Math.abs(r.grades[i] - e), `${src} ${n}`).toBeLessThanOrEqual(0.5 * 10 ** -printed(e));
    });
  });

  it('hand calculation with rho = 0.5', () => {
    // deltas vs [1, 1]: [0, 0.5], [0.5, 0.5]; dmin 0, dmax 0.5
    // xi = (0 + 0.25)/(delta + 0.25): [1, 1/3], [1/3, 1/3] -> grades 2/3, 1/3
    const r = greyRelationalGrade(
      [1, 1],
      [
        [1, 0.5],
        [0.5, 0.5],
      ],
    );
    expect(r.grades[0]).toBeCloseTo(2 / 3, 15);
    expect(r.grades[1]).toBeCloseTo(1 / 3, 15);
  });

  it('all sequences equal to the reference give 1, never NaN', () => {
    expect(greyRelationalGrade([0.3, 0.4], [[0.3, 0.4]])).toEqual({ grades: [1], coefficients: [[1, 1]] });
  });

  it('rejects mismatched lengths and a bad rho', () => {
    expect(() => greyRelationalGrade([1], [[1, 2]])).toThrow(MeasureError);
    expect(() => greyRelationalGrade([1], [[1]], { rho: 0 })).toThrow(MeasureError);
  });
});
