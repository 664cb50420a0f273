import { describe, expect, it } from 'vitest';
import { LANGS } from '../../../src/render/charts/labels.js';
import { shareLinesSpec } from '../../../src/render/charts/specs/share-lines.js';
import { typeMixAreaSpec } from '../../../src/render/charts/specs/type-mix-area.js';
import type { TypeYearCount } from '../../../src/render/charts/specs/type-year-grid.js';
import { validateSpec } from '../../../src/render/charts/validate-spec.js';
import { NATIONAL_COUNTS } from './fixtures.js';

const BUILDERS = { typeMixAreaSpec, shareLinesSpec } as const;

/** A long, complete yearly series with all four types and small counts (one region). */
const REGION_SERIES: TypeYearCount[] = [];
for (let year = 2005; year <= 2022; year++) {
  const k = year - 2005;
  REGION_SERIES.push(
    { year, type: 'social_group', count: 300 + 10 * k },
    { year, type: 'private_non_enterprise', count: 150 + 25 * k },
    { year, type: 'foundation', count: 3 + (k >> 2) },
    { year, type: 'other', count: k % 3 },
  );
}

const INPUTS: Record<string, readonly TypeYearCount[]> = {
  national: NATIONAL_COUNTS,
  region: REGION_SERIES,
  oneYear: NATIONAL_COUNTS.filter((r) => r.year === 2022),
};

describe('every spec builder emits a valid Vega-Lite spec', () => {
  for (const [name, build] of Object.entries(BUILDERS)) {
    for (const [input, rows] of Object.entries(INPUTS)) {
      for (const lang of LANGS) {
        it(`${name} × ${input} × ${lang}`, () => {
          const spec = build(rows, { lang, title: 'A finding', subtitle: ['Source: test', 'second line'] });
          const result = validateSpec(spec);
          expect(result.errors).toEqual([]);
          expect(result.valid).toBe(true);
        });
      }
    }
  }
});

describe('validateSpec', () => {
  it('rejects a spec with an unknown mark and says where', () => {
    const result = validateSpec({ data: { values: [] }, mark: 'blob', encoding: {} });
    expect(result.valid).toBe(false);
    expect(result.errors.length).toBeGreaterThan(0);
    expect(result.errors.join('\n')).toMatch(/^\/\S*: /m);
  });

  it('rejects non-objects', () => {
    expect(validateSpec(42).valid).toBe(false);
  });
});
