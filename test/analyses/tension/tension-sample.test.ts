import { inputRows } from '../../../src/ingest/rows/memory-org-rows.js';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AnalysisContext } from '../../../src/analyses/analysis-context.js';
import { ANALYSES, runAnalyses } from '../../../src/analyses/run-analyses.js';
import { runTension, type TensionSection } from '../../../src/analyses/tension/run-tension.js';
import { createLogger } from '../../../src/core/logger.js';
import { coordinationClass } from '../../../src/measures/coupling/coordination-class.js';
import { loadChinaGazetteer } from '../../../src/ingest/regions/load-china-gazetteer.js';
import { sampleCube, type SampleCube } from '../indicators/sample-cube.js';
import { nonFinitePaths } from '../support/tiny-cube.js';
import { analysisConfig } from '../../../src/cli/pipeline/analysis-config.js';

// The built-in synthetic generator (src/sample), small: ~3,000 organizations, 2016–2024.
let sample: SampleCube;
let section: TensionSection;
const ctxOf = (seed = 1, extra: Record<string, unknown> = {}, regions = sample.regions): AnalysisContext => ({
  cube: sample.cube,
  rows: inputRows(sample.dataset),
  regions,
  fieldsOfActivity: sample.fieldsOfActivity,
  gazetteer: loadChinaGazetteer,
  options: { seed, config: analysisConfig(), extra: { tension: extra } },
  log: createLogger(),
});

beforeAll(async () => {
  sample = await sampleCube(3000, [2016, 2024]);
  section = runTension(ctxOf());
});

const units = () => section.tensions.flatMap((t) => t.units.map((u) => ({ t: t.id, ...u })));

describe('tension on the generated sample: properties', () => {
  it('three tensions over 2016–2024, every region-year scored', () => {
    expect(section.tensions.map((t) => t.id)).toEqual(['structural', 'adaptive', 'resource']);
    expect(section.years).toEqual([2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024]);
    // 12 regions + the province total, 9 years
    for (const t of section.tensions) expect(t.units.filter((u) => u.tension !== null)).toHaveLength(13 * 9);
  });

  it('U, C, T and D lie in [0, 1], tension = 1 − D, and the class is the class of D', () => {
    for (const u of units()) {
      for (const x of [u.u1, u.u2, u.C, u.T, u.D]) {
        expect(x).not.toBeNull();
        expect(x!).toBeGreaterThanOrEqual(0);
        expect(x!).toBeLessThanOrEqual(1);
      }
      expect(u.tension).toBe(1 - u.D!);
      expect(u.classIndex).toBe(coordinationClass(u.D!).index);
    }
  });

  it('the Monte Carlo interval contains the point estimate, and "robust" means the interval stays in the class', () => {
    for (const u of units()) {
      expect(u.p05!, `${u.t} ${u.region} ${u.year}`).toBeLessThanOrEqual(u.tension! + 1e-12);
      expect(u.p95!, `${u.t} ${u.region} ${u.year}`).toBeGreaterThanOrEqual(u.tension! - 1e-12);
      const inside =
        coordinationClass(1 - u.p95!).index === u.classIndex && coordinationClass(1 - u.p05!).index === u.classIndex;
      expect(u.robust).toBe(inside);
      expect(u.classAgreement!).toBeGreaterThanOrEqual(0);
      expect(u.classAgreement!).toBeLessThanOrEqual(1);
    }
  });

  it('the lagging subsystem is the one with the lower U and the gap is |U1 − U2|', () => {
    for (const u of units()) {
      expect(u.gap).toBeCloseTo(Math.abs(u.u1! - u.u2!), 14);
      if (u.lagging === 'u1') expect(u.u1!).toBeLessThan(u.u2!);
      if (u.lagging === 'u2') expect(u.u2!).toBeLessThan(u.u1!);
    }
  });

  it("obstacles: only the lagging subsystem's indicators, each unit's degrees add up to 1", () => {
    for (const t of section.tensions) {
      const lag = new Map(t.units.map((u) => [`${u.region}|${u.year}`, u.lagging]));
      const sums = new Map<string, number>();
      for (const o of t.obstacles) {
        const key = `${o.region}|${o.year}`;
        expect(o.subsystem).toBe(lag.get(key));
        const sub = t.subsystems.find((s) => s.key === o.subsystem)!;
        expect(sub.indicators.map((i) => i.id)).toContain(o.indicator);
        sums.set(key, (sums.get(key) ?? 0) + o.degree);
      }
      for (const s of sums.values()) expect(s).toBeCloseTo(1, 12);
    }
  });

  it('weights inside each subsystem add up to 1', () => {
    for (const t of section.tensions)
      for (const s of t.subsystems) expect(s.indicators.reduce((a, i) => a + i.weight, 0)).toBeCloseTo(1, 12);
  });

  it('Theil: between + within = T, and the between share is on [0, 1]', () => {
    const rows = section.tensions.find((t) => t.id === 'resource')!.theil;
    expect(rows.map((r) => r.resource).filter((x, i, a) => a.indexOf(x) === i)).toEqual([
      'revenue',
      'gov_purchase',
      'staff',
    ]);
    for (const r of rows) {
      expect(r.between! + r.within!).toBeCloseTo(r.theilT!, 12);
      expect(r.betweenShare!).toBeGreaterThanOrEqual(0);
      expect(r.betweenShare!).toBeLessThanOrEqual(1);
    }
  });

  it('the shipped regions file has no gdp: GDP per resident is skipped with a note saying no region has it, and regional development does not move over the years', () => {
    expect(section.skipped).toEqual([
      {
        id: 'gdp_per_capita',
        reason: 'missing-region-data',
        missing: ['gdp'],
        noRegionHas: true,
        tensions: ['resource'],
      },
    ]);
    expect(section.notes.find((n) => n.code === 'N_TENSION_INDICATOR_SKIPPED')?.en).toContain(
      'no region of the regions file has gdp',
    );
    expect(section.notes.map((n) => n.code)).toEqual(
      expect.arrayContaining(['N_TENSION_INDICATOR_SKIPPED', 'N_TENSION_STATIC_SUBSYSTEM']),
    );
  });

  it('with a gdp for every region in the regions file, the gdp indicator enters the resource tension', () => {
    const regions = {
      ...sample.regions,
      regions: sample.regions.regions.map((r, k) => ({ ...r, gdp: r.population * (50000 + 1000 * k) })),
    };
    const s = runTension(ctxOf(1, { runs: 0 }, regions));
    expect(s.skipped).toEqual([]);
    const dev = s.tensions.find((t) => t.id === 'resource')!.subsystems[0].indicators;
    expect(dev.map((i) => i.id)).toEqual(['urban_rate', 'schooling_years', 'gdp_per_capita']);
    expect(dev.every((i) => i.weight > 0)).toBe(true);
  });

  it('the verdict names the region with the highest tension in 2024, in English and Chinese', () => {
    for (const t of section.tensions) {
      const top = t.units
        .filter((u) => u.year === 2024 && u.region !== 'total')
        .sort((a, b) => b.tension! - a.tension!)[0];
      const r = sample.regions.regions.find((x) => x.code === top.region)!;
      expect(t.verdict!.year).toBe(2024);
      expect(t.verdict!.en).toContain(`highest tension in ${r.en} ${top.tension!.toFixed(3)}`);
      expect(t.verdict!.zh).toContain(`张力最高的是${r.zh}${top.tension!.toFixed(3)}`);
    }
  });

  it('no NaN or Infinity reaches the section', () => {
    expect(nonFinitePaths(section)).toEqual([]);
  });

  it('deterministic: the same seed gives the same section; another seed moves only the intervals', () => {
    expect(runTension(ctxOf(1))).toEqual(section);
    const other = runTension(ctxOf(2));
    const pick = (s: TensionSection) =>
      s.tensions.map((t) => t.units.map((u) => [u.u1, u.u2, u.D, u.tension, u.lagging]));
    expect(pick(other)).toEqual(pick(section));
    expect(other.tensions.map((t) => t.units.map((u) => u.p05))).not.toEqual(
      section.tensions.map((t) => t.units.map((u) => u.p05)),
    );
  });

  it('soqa analyze runs it: "tension" is registered in the analyses', () => {
    expect(ANALYSES.map((a) => a.name)).toContain('tension');
    const out = runAnalyses(ctxOf(1, { runs: 10 }), ['tension']);
    expect(Object.keys(out)).toEqual(['tension']);
    expect((out.tension as TensionSection).tensions).toHaveLength(3);
  });
});
