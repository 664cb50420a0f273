import { inputRows } from '../../../src/ingest/rows/memory-org-rows.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadChinaGazetteer } from '../../../src/ingest/regions/load-china-gazetteer.js';
import { median } from 'simple-statistics';
import { createLogger } from '../../../src/core/logger.js';
import { rollup } from '../../../src/cube/cube.js';
import { runAnalyses, ANALYSES } from '../../../src/analyses/run-analyses.js';
import { runIndicators, type IndicatorsSection } from '../../../src/analyses/indicators/run-indicators.js';
import type { AnalysisContext } from '../../../src/analyses/analysis-context.js';
import { loadFramework } from '../../../src/ingest/framework/load-framework.js';
import { sampleCube, type SampleCube } from './sample-cube.js';
import { analysisConfig } from '../../../src/cli/pipeline/analysis-config.js';

// End-to-end on the synthetic Inner Mongolia panel (src/sample, calibrated to seed 000).
// The assertions are properties the seeds state or the methods guarantee, not numbers copied
// from the output.
const CORE = ['150100', '150200', '150600']; // 呼包鄂, seed 000 / DOMAIN.md zone "core"

let sample: SampleCube;
let ctx: AnalysisContext;
let section: IndicatorsSection;
let latest: number;

beforeAll(async () => {
  sample = await sampleCube(3000, [2016, 2024]);
  ctx = {
    ...sample,
    rows: inputRows(sample.dataset),
    gazetteer: loadChinaGazetteer,
    options: { seed: 1, config: analysisConfig({ framework: loadFramework() }), extra: {} },
    log: createLogger(),
  };
  section = runIndicators(ctx);
  latest = Math.max(...sample.cube.years);
});

describe('indicators on the synthetic sample', () => {
  it('seed 000: the core regions (呼包鄂) score above the periphery median on the composition layer in the latest year', () => {
    const rows = section.scores.filter((s) => s.year === latest && s.region !== 'total');
    const periphery = rows.filter((s) => !CORE.includes(s.region)).map((s) => s.composition!);
    expect(periphery.length).toBe(9); // 12 league-level units − 3 core (DOMAIN.md regions table)
    const m = median(periphery);
    for (const code of CORE) expect(rows.find((s) => s.region === code)!.composition, code).toBeGreaterThan(m);
  });

  it('seed 000 "中心集聚": the core regions have more organizations per 10,000 residents than the periphery median', () => {
    const v = section.values.filter((x) => x.year === latest && x.indicator === 'orgs_per_10k' && x.region !== 'total');
    const m = median(v.filter((x) => !CORE.includes(x.region)).map((x) => x.raw!));
    for (const code of CORE) expect(v.find((x) => x.region === code)!.raw).toBeGreaterThan(m);
  });

  it('uses every default indicator (the sample has all columns) with weights summing to 1 over the three layers', () => {
    expect(section.skipped).toEqual([]);
    expect(section.framework.used).toBe(loadFramework().indicators.length);
    expect(section.indicators.reduce((s, i) => s + i.weight, 0)).toBeCloseTo(1, 12);
    expect(section.layers.reduce((s, l) => s + l.weight, 0)).toBeCloseTo(1, 12);
    expect(section.method).toMatchObject({
      normalization: 'global',
      weighting: 'entropy',
      entropyShift: 0,
      topsis: { normalization: 'vector', distance: 'euclidean' },
    });
  });

  it('the province total of organizations per 10,000 residents is Σ count × 10,000 / Σ population', () => {
    const count = rollup(sample.cube, ['year']).find((g) => g.key.year === latest)!.count;
    const pop = sample.regions.regions
      .filter((r) => sample.cube.regions.includes(r.code))
      .reduce((s, r) => s + r.population, 0);
    const total = section.values.find(
      (x) => x.year === latest && x.region === 'total' && x.indicator === 'orgs_per_10k',
    )!;
    expect(total.raw).toBeCloseTo((count * 10000) / pop, 10);
  });

  it('every region has a composite and a rank each year; ranks 1..12 per year; the total has no rank', () => {
    for (const y of sample.cube.years) {
      const rows = section.scores.filter((s) => s.year === y && s.region !== 'total');
      expect(rows.every((s) => Number.isFinite(s.composite) && Number.isFinite(s.topsis))).toBe(true);
      expect(rows.reduce((s, r) => s + r.rank!, 0)).toBe((12 * 13) / 2);
    }
    expect(section.scores.filter((s) => s.region === 'total').every((s) => s.rank === null)).toBe(true);
  });

  it('count growth is missing in the first year only', () => {
    const g = section.values.filter((x) => x.indicator === 'count_growth' && x.region !== 'total');
    expect(g.filter((x) => x.raw === null).map((x) => x.year)).toEqual(Array(12).fill(sample.cube.years[0]));
  });

  it('the negative indicator (government-purchase dependence) normalises the other way round', () => {
    const g = section.values
      .filter((x) => x.indicator === 'gov_dependence' && x.raw !== null)
      .sort((a, b) => a.raw! - b.raw!);
    for (let k = 1; k < g.length; k++) expect(g[k].normalized!).toBeLessThanOrEqual(g[k - 1].normalized!);
  });

  it('each unit has up to three obstacles, in decreasing degree, whose layer sums are at most 1', () => {
    const key = (x: { region: string; year: number }) => `${x.region}|${x.year}`;
    const by = new Map<string, number[]>();
    for (const o of section.obstacles) by.set(key(o), [...(by.get(key(o)) ?? []), o.degree]);
    for (const d of by.values()) {
      expect(d.length).toBeLessThanOrEqual(3);
      for (let k = 1; k < d.length; k++) expect(d[k]).toBeLessThanOrEqual(d[k - 1]);
    }
    for (const l of section.layerObstacles) expect(l.composition! + l.function! + l.output!).toBeCloseTo(1, 9);
  });

  it('Monte Carlo intervals hold the median rank, for every region-year', () => {
    expect(section.uncertainty).toHaveLength(12 * sample.cube.years.length);
    for (const u of section.uncertainty) {
      expect(u.p05!).toBeLessThanOrEqual(u.medianRank!);
      expect(u.medianRank!).toBeLessThanOrEqual(u.p95!);
      expect(u.p05!).toBeGreaterThanOrEqual(1);
      expect(u.p95!).toBeLessThanOrEqual(12);
    }
  });

  it('diagnostics cover every indicator; correlation flags pair indicators of one layer with |r| > 0.9', () => {
    expect(section.diagnostics.map((d) => d.indicator)).toEqual(section.indicators.map((i) => i.id));
    const layer = new Map(section.indicators.map((i) => [i.id, i.layer]));
    for (const c of section.correlations) {
      expect(layer.get(c.a)).toBe(c.layer);
      expect(layer.get(c.b)).toBe(c.layer);
      expect(Math.abs(c.r)).toBeGreaterThan(0.9);
    }
  });

  it('correlation flags give the raw Pearson r of the region-year values (textbook formula, written out here) and the direction-adjusted r apart', () => {
    const dir = new Map(section.indicators.map((i) => [i.id, i.direction]));
    const rawOf = (id: string) =>
      new Map(
        section.values
          .filter((v) => v.indicator === id && v.region !== 'total' && v.raw !== null)
          .map((v) => [`${v.region}|${v.year}`, v.raw!]),
      );
    expect(section.correlations.length).toBeGreaterThan(0);
    for (const c of section.correlations) {
      const a = rawOf(c.a);
      const b = rawOf(c.b);
      const keys = [...a.keys()].filter((k) => b.has(k));
      const xs = keys.map((k) => a.get(k)!);
      const ys = keys.map((k) => b.get(k)!);
      const mx = xs.reduce((s, x) => s + x, 0) / xs.length;
      const my = ys.reduce((s, y) => s + y, 0) / ys.length;
      let sxy = 0;
      let sxx = 0;
      let syy = 0;
      xs.forEach((x, i) => {
        sxy += (x - mx) * (ys[i] - my);
        sxx += (x - mx) ** 2;
        syy += (ys[i] - my) ** 2;
      });
      expect(c.n).toBe(keys.length);
      expect(c.r).toBeCloseTo(sxy / Math.sqrt(sxx * syy), 9);
      expect(c.rDirectionAdjusted).toBeCloseTo(c.r * dir.get(c.a)! * dir.get(c.b)!, 12);
    }
    // revenue diversification (positive) against government dependence (negative): raw r < 0
    const div = section.correlations.find((c) => c.a === 'revenue_diversification' && c.b === 'gov_dependence');
    if (div) {
      expect(div.r).toBeLessThan(0);
      expect(div.rDirectionAdjusted).toBeGreaterThan(0);
    }
  });

  it('is deterministic and JSON-safe: the same input and seed give byte-identical JSON', () => {
    const again = runIndicators({ ...ctx, log: createLogger() });
    expect(JSON.stringify(again)).toBe(JSON.stringify(section));
    expect(JSON.parse(JSON.stringify(section))).toEqual(section);
  });

  it('is registered as the "indicators" analysis and runs on the default framework of analysisConfig()', () => {
    expect(ANALYSES.map((a) => a.name)).toContain('indicators');
    const out = runAnalyses(
      {
        ...ctx,
        options: { seed: 1, config: analysisConfig(), extra: { indicators: { runs: 0 } } },
        log: createLogger(),
      },
      ['indicators'],
    );
    expect((out.indicators as IndicatorsSection).scores).toEqual(section.scores);
  });

  it('byType adds one panel per organization type, without type diversity', () => {
    const s = runIndicators({
      ...ctx,
      options: { ...ctx.options, extra: { indicators: { byType: true, runs: 20 } } },
      log: createLogger(),
    });
    expect(s.byType!.map((t) => t.type)).toEqual(sample.cube.types);
    for (const t of s.byType!) {
      expect(t.indicators.map((i) => i.id)).not.toContain('type_diversity');
      expect(t.skipped.map((k) => k.id)).toContain('type_diversity');
    }
  });
});
