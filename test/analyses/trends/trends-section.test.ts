import { inputRows } from '../../../src/ingest/rows/memory-org-rows.js';
import { median } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { trendsSection } from '../../../src/analyses/trends/trends-section.js';
import { survivorshipBias } from '../../../src/analyses/trends/survivorship.js';
import { cubeFromDataset } from '../../../src/cube/cube-from-dataset.js';
import { DatasetBuilder } from '../../../src/dataset/dataset-builder.js';
import { normalSf } from '../../../src/measures/trend/normal-sf.js';
import { nonFinitePaths, tinyContext, tinyCube, tinyRegions, type TinyCell } from '../support/tiny-cube.js';

const regions = tinyRegions([{ code: '150100', population: 1000, zone: 'core' }]);
const years = [2020, 2021, 2022, 2023, 2024];
const series: Record<string, number[]> = {
  social_group: [60, 58, 56, 54, 52],
  private_non_enterprise: [40, 46, 52, 58, 64],
  foundation: [1, 3, 1, 4, 1],
};
const cells: TinyCell[] = Object.entries(series).flatMap(([type, v]) =>
  v.map((count, k) => ({ region: '150100', year: years[k], type, count })),
);
const cube = tinyCube(cells);
const totals = years.map((_, k) => Object.values(series).reduce((a, v) => a + v[k], 0)); // 101, 107, 109, 116, 117

describe('trendsSection on a hand-built panel', () => {
  const s = trendsSection(tinyContext(cube, regions));

  it('gives the stock, shares and growth per type', () => {
    expect(s.years).toEqual(years);
    expect(s.types).toEqual(['social_group', 'private_non_enterprise', 'foundation']);
    expect(s.total!.values).toEqual(totals);
    expect(s.byType.social_group.share.values).toEqual(series.social_group.map((c, k) => c / totals[k]));
    // growth 60 → 58: −2/60
    expect(s.byType.social_group.count.growth[1]).toBeCloseTo(-2 / 60, 12);
    // CAGR over 4 years: (52/60)^(1/4) − 1
    expect(s.byType.social_group.count.cagr).toBeCloseTo((52 / 60) ** 0.25 - 1, 12);
    expect(s.window).toEqual({ from: 2020, to: 2024, requested: null });
  });

  it('measures volatility as the CV of year-on-year growth', () => {
    // foundations: growth 2, −2/3, 3, −3/4; mean 0.8958…; sample SD 1.897…; CV = SD/|mean|
    const g = [2, -2 / 3, 3, -3 / 4];
    const m = g.reduce((a, b) => a + b, 0) / 4;
    const sd = Math.sqrt(g.reduce((a, b) => a + (b - m) ** 2, 0) / 3);
    expect(s.byType.foundation.count.volatility!.cv).toBeCloseTo(sd / m, 12);
    expect(s.mostVolatile).toBe('foundation');
    expect(s.byType.foundation.verdict.en).toContain('the most volatile of all types');
  });

  it('tests each share with Mann–Kendall and says "share falling, significant at 5%"', () => {
    // social-group shares fall every year: S = −10, Var S = 5·4·15/18 = 50/3, z = −9/√(50/3)
    const t = s.byType.social_group.share.test!;
    expect(t.s).toBe(-10);
    const z = -9 / Math.sqrt(50 / 3);
    expect(t.z).toBeCloseTo(z, 12);
    const p = 2 * normalSf(-z);
    expect(p).toBeLessThan(0.05);
    // Sen's slope: median of the 10 pairwise slopes of the shares, in percentage points
    const sh = series.social_group.map((c, k) => c / totals[k]);
    const slopes: number[] = [];
    for (let i = 0; i < 5; i++) for (let j = i + 1; j < 5; j++) slopes.push((sh[j] - sh[i]) / (j - i));
    const pp = (100 * median(slopes)).toFixed(2);
    expect(s.byType.social_group.verdict.en).toContain(
      `social groups: share falling, significant at 5% (Mann–Kendall p = ${p.toFixed(3)}; Sen's slope −${pp.slice(1)} percentage points a year`,
    );
    expect(s.byType.social_group.verdict.zh).toContain('社会团体：占比下降，在5%水平上显著');
    expect(s.byType.private_non_enterprise.verdict.en).toContain(
      'private non-enterprise units: share rising, significant at 5%',
    );
    // foundation shares 1/101, 3/107, 1/109, 4/116, 1/117 go up and down: not significant
    expect(s.byType.foundation.share.test!.significant).toBe(false);
    expect(s.byType.foundation.verdict.en).toContain('not significant at 5%');
    expect(nonFinitePaths(s)).toEqual([]);
  });
});

describe('trendsSection options and notes', () => {
  it('clips a window that reaches beyond the data', () => {
    const s = trendsSection(tinyContext(cube, regions, { extra: { trends: { window: [2022, 2030] } } }));
    expect(s.window).toEqual({ from: 2022, to: 2024, requested: [2022, 2030] });
    expect(s.years).toEqual([2022, 2023, 2024]);
    // CAGR over the window: (52/56)^(1/2) − 1
    expect(s.byType.social_group.count.cagr).toBeCloseTo((52 / 56) ** 0.5 - 1, 12);
    expect(s.notes.map((n) => n.code)).toContain('N_WINDOW_CLIPPED');
  });

  it('notes a window without data', () => {
    const s = trendsSection(tinyContext(cube, regions, { extra: { trends: { window: [2030, 2035] } } }));
    expect(s.years).toEqual([]);
    expect(s.notes.map((n) => n.code)).toEqual(['N_WINDOW_EMPTY']);
  });

  it('keeps missing years as null and says so', () => {
    const gap = tinyCube(cells.filter((c) => c.year !== 2022));
    const s = trendsSection(tinyContext(gap, regions));
    expect(s.missingYears).toEqual([2022]);
    expect(s.byType.social_group.count.values).toEqual([60, 58, null, 54, 52]);
    // growth into 2022 and 2023 is null (no 2022 data); 2021: 58/60 − 1; 2024: 52/54 − 1
    const g = s.byType.social_group.count.growth;
    expect([g[0], g[2], g[3]]).toEqual([null, null, null]);
    expect(g[1]).toBeCloseTo(-2 / 60, 12);
    expect(g[4]).toBeCloseTo(-2 / 54, 12);
    expect(s.notes.find((n) => n.code === 'N_MISSING_YEARS')!.en).toContain('no data for 2022');
    expect(nonFinitePaths(s)).toEqual([]);
  });

  it('notes a single year: no trend test', () => {
    const one = tinyCube(cells.filter((c) => c.year === 2024));
    const s = trendsSection(tinyContext(one, regions));
    expect(s.byType.social_group.count.test).toBeNull();
    expect(s.byType.social_group.verdict.en).toBe('social groups: not enough years for a verdict.');
    expect(s.notes.map((n) => n.code)).toEqual(expect.arrayContaining(['N_SERIES_SHORT', 'N_VOLATILITY_UNDEFINED']));
  });

  it('notes a type that starts from 0 (CAGR undefined)', () => {
    const late = tinyCube([
      ...cells,
      { region: '150100', year: 2022, type: 'other', count: 2 },
      { region: '150100', year: 2024, type: 'other', count: 3 },
    ]);
    const s = trendsSection(tinyContext(late, regions));
    expect(s.byType.other.count.values).toEqual([0, 0, 2, 0, 3]);
    expect(s.byType.other.count.cagr).toBeNull();
    expect(s.notes.map((n) => n.code)).toContain('N_CAGR_FROM_ZERO');
  });
});

describe('survivorship caveat', () => {
  const registry = (extraFields: string[], rows: Record<string, string | number>[]) => {
    const b = new DatasetBuilder(['org_id', 'name', 'type', 'region', 'registered', ...extraFields]);
    rows.forEach((r, i) => b.add(r, 0, i + 2));
    return b.finish(extraFields.includes('year') ? 'panel' : 'registry');
  };
  const rows = [
    { org_id: '1', name: 'a', type: 'social_group', region: '150100', registered: 20180301 },
    { org_id: '2', name: 'b', type: 'private_non_enterprise', region: '150100', registered: 20200615 },
  ];

  const rowsOf = (...args: Parameters<typeof registry>) => inputRows(registry(...args));

  it('is added for a registry list without deregistration data', () => {
    const ds = registry([], rows);
    expect(survivorshipBias(inputRows(ds))).toBe(true);
    const s = trendsSection(
      tinyContext(cubeFromDataset(ds, { governanceFields: new Set() }), regions, { dataset: ds }),
    );
    // the cube turns the registry into a stock 2018–2020: 1, 1, 2
    expect(s.total!.values).toEqual([1, 1, 2]);
    const n = s.notes.find((x) => x.code === 'N_SURVIVORSHIP')!;
    expect(n.en).toContain('survivorship bias');
    expect(n.zh).toContain('幸存者偏差');
  });

  it('is not added when the list has a status or deregistration column, or for panels', () => {
    expect(
      survivorshipBias(
        rowsOf(
          ['status'],
          rows.map((r) => ({ ...r, status: 'active' })),
        ),
      ),
    ).toBe(false);
    expect(survivorshipBias(rowsOf(['deregistered'], rows))).toBe(false);
    expect(
      survivorshipBias(
        rowsOf(
          ['year'],
          rows.map((r) => ({ ...r, year: 2024 })),
        ),
      ),
    ).toBe(false);
    expect(survivorshipBias(inputRows(null))).toBe(false);
  });
});
