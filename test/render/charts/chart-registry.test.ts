import { beforeAll, describe, expect, it } from 'vitest';
import type { TopLevelSpec } from 'vega-lite';
import type { Results } from '../../../src/results/results.js';
import { buildChartSpecs, CHART_NAMES, CHARTS, specTitle } from '../../../src/render/charts/chart-registry.js';
import { renderSvg } from '../../../src/render/charts/render-svg.js';
import { validateSpec } from '../../../src/render/charts/validate-spec.js';
import { zoneShares } from '../../../src/render/charts/chart-data/zone-shares.js';
import { regionDensity } from '../../../src/render/charts/chart-data/region-density.js';
import { typeYearCounts } from '../../../src/render/charts/chart-data/type-year-counts.js';
import { clone, evilResults, sampleResults } from '../report/results-fixture.js';
import { withLisa } from './map-fixtures.js';

let full: Results;
const specs: Record<'zh' | 'en', Map<string, TopLevelSpec>> = { zh: new Map(), en: new Map() };
beforeAll(async () => {
  full = withLisa(await sampleResults());
  specs.zh = buildChartSpecs(full, 'zh');
  specs.en = buildChartSpecs(full, 'en');
});

describe('chart registry over a full results file', () => {
  it('builds every chart in both languages', () => {
    expect([...specs.zh.keys()]).toEqual(CHART_NAMES);
    expect([...specs.en.keys()]).toEqual(CHART_NAMES);
  });

  it('every spec validates against the Vega-Lite JSON schema', () => {
    for (const lang of ['zh', 'en'] as const) {
      for (const [name, spec] of specs[lang]) {
        const { valid, errors } = validateSpec(spec);
        expect(valid, `${name} (${lang}): ${errors.join('; ')}`).toBe(true);
      }
    }
  });

  it('every spec renders to SVG with its title, deterministically', async () => {
    for (const [name, spec] of specs.zh) {
      const svg = await renderSvg(spec);
      expect(svg.startsWith('<svg'), name).toBe(true);
      const firstLine = (spec as { title: { text: string[] } }).title.text;
      const first = Array.isArray(firstLine) ? firstLine[0] : String(firstLine);
      expect(svg, name).toContain(first.replace(/&/g, '&amp;').slice(0, 8));
      expect(await renderSvg(spec), name).toBe(svg);
    }
  });

  it('titles state findings with numbers from the results', () => {
    for (const lang of ['zh', 'en'] as const) {
      for (const [name, spec] of specs[lang]) expect(specTitle(spec), `${name} ${lang}`).toMatch(/\d/);
    }
    const last = zoneShares(full)!.at(-1)!;
    const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
    expect(specTitle(specs.zh.get('zone-shares')!)).toBe(
      `核心区以${pct(last.popShare.core)}的人口集聚了${pct(last.orgShare.core)}的社会组织（${last.year}年）`,
    );
    const gini = (full.analyses.spatial as { series: { giniDensity: number }[] }).series.at(-1)!.giniDensity;
    expect(specTitle(specs.en.get('lorenz')!)).toContain(gini.toFixed(3));
  });

  it('uses the fixed type colours and zone colours', () => {
    const area = JSON.stringify(specs.zh.get('type-mix-area'));
    expect(area).toContain('#0072B2');
    expect(area).toContain('#E69F00');
    const bars = JSON.stringify(specs.zh.get('region-density'));
    expect(bars).toContain('#D55E00');
    expect(bars).toContain('#56B4E9');
  });

  it('no chart reads the supervision or bulletin sections: analyze draws the charts before it computes them', () => {
    expect(full.analyses.supervision).toBeDefined();
    const r = clone(full);
    delete r.analyses.supervision;
    delete r.analyses.bulletin;
    for (const name of CHART_NAMES) {
      expect(CHARTS[name].needs, name).not.toBe('supervision');
      expect(JSON.stringify(CHARTS[name].build(r, 'zh')), name).toBe(JSON.stringify(CHARTS[name].build(full, 'zh')));
    }
  });

  it('gives null for charts whose analysis is absent, and still draws from the counts', () => {
    const r = clone(full);
    r.analyses = {};
    const names = [...buildChartSpecs(r, 'zh').keys()];
    // the maps of density need only the counts and the regions (with boundaries: the sample is Inner Mongolia)
    expect(names).toEqual([
      'region-density',
      'zone-shares',
      'type-mix-area',
      'share-lines',
      'map-density',
      'map-density-change',
    ]);
    for (const name of CHART_NAMES) if (CHARTS[name].needs) expect(CHARTS[name].build(r, 'en'), name).toBeNull();
  });
});

describe('chart data from the counts', () => {
  const r = evilResults();

  it('zone shares: organizations and residents of core and periphery per year', () => {
    const z = zoneShares(r)!;
    expect(z.map((y) => y.year)).toEqual([2023, 2024]);
    expect(z[1].orgShare.core).toBeCloseTo(320 / 625, 12);
    expect(z[1].popShare.core).toBeCloseTo(1 / 3.5, 12);
    expect(z[1].orgShare.core + z[1].orgShare.periphery).toBeCloseTo(1, 12);
  });

  it('zone shares are null without a periphery or without population', () => {
    const noPeriphery = clone(r);
    for (const x of noPeriphery.regions) x.zone = 'core';
    expect(zoneShares(noPeriphery)).toBeNull();
    const noPop = clone(r);
    for (const x of noPop.regions) x.population = 0;
    expect(zoneShares(noPop)).toBeNull();
  });

  it('density: per 10,000 residents, densest first, with the all-region average', () => {
    const d = regionDensity(r, 'en')!;
    expect(d.year).toBe(2024);
    expect(d.regions.map((x) => x.region)).toEqual(['100001', '100002', '100003']);
    expect(d.regions[0].per10k).toBeCloseTo(3.2, 12);
    expect(d.average).toBeCloseTo((625 / 3_500_000) * 10000, 12);
  });

  it('type counts: a complete grid, zeros for missing cells, unknown types dropped', () => {
    const x = clone(r);
    x.counts.byYearType = [
      { year: 2023, type: 'social_group', count: 5 },
      { year: 2024, type: 'foundation', count: 2 },
      { year: 2024, type: 'not_a_type', count: 9 },
    ];
    expect(typeYearCounts(x)).toEqual([
      { year: 2023, type: 'social_group', count: 5 },
      { year: 2023, type: 'foundation', count: 0 },
      { year: 2024, type: 'social_group', count: 0 },
      { year: 2024, type: 'foundation', count: 2 },
    ]);
  });

  it('the charts of a small file validate and show escaped names in SVG', async () => {
    const specsR = buildChartSpecs(r, 'zh');
    expect([...specsR.keys()]).toEqual(['region-density', 'zone-shares', 'type-mix-area', 'share-lines']);
    for (const [name, spec] of specsR) expect(validateSpec(spec).valid, name).toBe(true);
    const svg = await renderSvg(specsR.get('region-density')!);
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&lt;script&gt;');
  });
});
