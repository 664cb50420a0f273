import { describe, expect, it } from 'vitest';
import { SoqaError } from '../../../src/core/soqa-error.js';
import { TYPE_COLORS } from '../../../src/render/charts/palette.js';
import { shareLinesSpec } from '../../../src/render/charts/specs/share-lines.js';
import { typeMixAreaSpec } from '../../../src/render/charts/specs/type-mix-area.js';
import { NATIONAL_COUNTS } from './fixtures.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- specs are walked as untyped JSON
type AnySpec = Record<string, any>;

const builders = { typeMixAreaSpec, shareLinesSpec };

describe('type × year spec builders', () => {
  it('use the fixed type colours and the chart language', () => {
    const zh = typeMixAreaSpec(NATIONAL_COUNTS, { lang: 'zh', title: 'T' }) as AnySpec;
    expect(zh.encoding.color.scale).toEqual({
      domain: ['社会团体', '民办非企业单位', '基金会'],
      range: [TYPE_COLORS.social_group, TYPE_COLORS.private_non_enterprise, TYPE_COLORS.foundation],
    });
    expect(zh.encoding.y.title).toBe('组织数（万家）');
    const en = shareLinesSpec(NATIONAL_COUNTS, { lang: 'en', title: 'T' }) as AnySpec;
    expect(en.layer[1].encoding.color.scale.domain).toEqual([
      'Social groups',
      'Private non-enterprise units',
      'Foundations',
    ]);
    expect(en.layer[0].encoding.y.axis.format).toBe('%');
  });

  it('give the same spec whatever the row order', () => {
    const reversed = [...NATIONAL_COUNTS].reverse();
    for (const build of Object.values(builders)) {
      expect(JSON.stringify(build(reversed, { lang: 'zh', title: 'T' }))).toBe(
        JSON.stringify(build(NATIONAL_COUNTS, { lang: 'zh', title: 'T' })),
      );
    }
  });

  it('compute shares per year (2012: 225,000 / 499,029 private non-enterprise)', () => {
    const spec = shareLinesSpec(NATIONAL_COUNTS, { lang: 'en', title: 'T' }) as AnySpec;
    const p = spec.layer[1].data.values.find((v: AnySpec) => v.year === 2012 && v.type === 'private_non_enterprise');
    expect(p.share).toBeCloseTo(225_000 / 499_029, 12);
    // the 2012→2021 segment spans missing years: dashed, and the subtitle says so
    const seg = spec.layer[0].data.values.find((v: AnySpec) => v.year === 2012 && v.type === 'foundation');
    expect(seg).toMatchObject({ year2: 2021, gap: true });
    expect(spec.title.subtitle).toContain('Dashed lines join observations years apart; no data in between');
  });

  it('label small counts as they are and large ones in 万 / thousands', () => {
    const small = NATIONAL_COUNTS.map((r) => ({ ...r, count: Math.round(r.count / 1000) }));
    expect((typeMixAreaSpec(small, { lang: 'zh', title: 'T' }) as AnySpec).encoding.y.title).toBe('组织数（家）');
    expect((typeMixAreaSpec(NATIONAL_COUNTS, { lang: 'en', title: 'T' }) as AnySpec).encoding.y.title).toBe(
      'Organizations (thousands)',
    );
  });

  for (const [name, build] of Object.entries(builders)) {
    describe(name, () => {
      const bad: Record<string, { rows: unknown[]; message: RegExp }> = {
        'no rows': { rows: [], message: /no rows/ },
        'unknown type': { rows: [{ year: 2012, type: 'company', count: 1 }], message: /type "company" is not one of/ },
        'negative count': { rows: [{ year: 2012, type: 'foundation', count: -1 }], message: /count "-1"/ },
        'fractional year': { rows: [{ year: 2012.5, type: 'foundation', count: 1 }], message: /integer year/ },
        duplicate: {
          rows: [NATIONAL_COUNTS[0], NATIONAL_COUNTS[0]],
          message: /more than one row for year 2012, type social_group/,
        },
        'incomplete grid': { rows: NATIONAL_COUNTS.slice(1), message: /no row for year 2012, type social_group/ },
      };
      for (const [what, { rows, message }] of Object.entries(bad)) {
        it(`rejects ${what} with a SoqaError`, () => {
          let err: unknown;
          try {
            build(rows as Parameters<typeof build>[0], { lang: 'en', title: 'T' });
          } catch (e) {
            err = e;
          }
          expect(err).toBeInstanceOf(SoqaError);
          expect((err as SoqaError).code).toBe('E_CHART_INPUT');
          expect((err as Error).message).toMatch(message);
        });
      }
    });
  }

  it('shareLinesSpec rejects a year whose total is 0', () => {
    const rows = [{ year: 2012, type: 'foundation', count: 0 }];
    expect(() => shareLinesSpec(rows, { lang: 'en', title: 'T' })).toThrow(/total count of year 2012/);
  });
});
