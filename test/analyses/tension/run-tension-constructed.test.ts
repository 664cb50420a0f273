import { describe, expect, it } from 'vitest';
import { resolveTensions } from '../../../src/analyses/tension/resolve-tensions.js';
import { runTension, type TensionResult } from '../../../src/analyses/tension/run-tension.js';
import { tensionVerdictNumbers } from '../../../src/analyses/tension/tension-verdict.js';
import { isSoqaError } from '../../../src/core/soqa-error.js';
import type { Framework } from '../../../src/domain/framework/framework.js';
import { checkFramework, loadFramework } from '../../../src/ingest/framework/load-framework.js';
import { nonFinitePaths, tinyContext, tinyCube, tinyRegions, type TinyCell } from '../support/tiny-cube.js';
import { analysisConfig } from '../../../src/cli/pipeline/analysis-config.js';

/**
 * A constructed panel, 10 social groups per region-year (every value worked out by hand below):
 *
 * | region | zone | population | 2020 party / staff mean | 2021 | 2022 |
 * |---|---|---|---|---|---|
 * | A | core | 100 | 0.2 / 2 | 0.5 / 5 | 0.8 / 8 |
 * | B | periphery | 100 | 0.8 / 2 | 0.8 / 2 | 0.8 / 2 |
 * | C | periphery | 200 | 0.5 / 8 | 0.5 / 8 | 0.5 / 8 |
 *
 * Global min–max over the region-years: party on [0.2, 0.8], staff on [2, 8] (the province
 * total lies inside: 2020 party 15/30 = 0.5, staff 120/30 = 4). Each subsystem has one usable
 * indicator, so U is its normalised value: A rises together on both sides (U1 = U2 = 0, 0.5,
 * 1); B has U1 = 1, U2 = 0; C has U1 = 0.5, U2 = 1.
 */
function cells(): TinyCell[] {
  const out: TinyCell[] = [];
  const rows: Record<string, [number, number][]> = {
    A: [
      [2, 20],
      [5, 50],
      [8, 80],
    ],
    B: [
      [8, 20],
      [8, 20],
      [8, 20],
    ],
    C: [
      [5, 80],
      [5, 80],
      [5, 80],
    ],
  };
  for (const [region, ys] of Object.entries(rows)) {
    ys.forEach(([party, staff], k) =>
      out.push({
        region,
        year: 2020 + k,
        type: 'social_group',
        count: 10,
        sum: { party_org: party, staff_fulltime: staff },
      }),
    );
  }
  return out;
}
const regions = tinyRegions([
  { code: 'A', population: 100, zone: 'core' },
  { code: 'B', population: 100, zone: 'periphery' },
  { code: 'C', population: 200, zone: 'periphery' },
]);
const label = (en: string, zh = en) => ({ zh, en });
const ind = (id: string, compute: unknown) => ({
  id,
  label: label(id),
  layer: 'composition',
  direction: 1,
  unit: 'u',
  rationale: 'test',
  compute,
});

/** A framework with one tension: U1 = party organisation share, U2 = full-time staff (+ volunteers, absent from the cube). */
function framework(u2 = ['staff', 'vol']): Framework {
  return checkFramework({
    id: 'tiny',
    layers: [{ id: 'composition', label: label('composition'), rationale: 'r' }],
    indicators: [
      ind('party', { kind: 'share_of_orgs', field: 'party_org' }),
      ind('staff', { kind: 'mean_per_org', field: 'staff_fulltime' }),
      ind('vol', { kind: 'mean_per_org', field: 'volunteers' }),
    ],
    tension: {
      tensions: [
        {
          id: 't',
          label: label('test tension', '测试张力'),
          u1: { id: 'a', label: label('side a', '甲方'), indicators: ['party'] },
          u2: { id: 'b', label: label('side b', '乙方'), indicators: u2 },
          theil: [{ id: 'staff', label: label('staff', '从业人员'), fields: ['staff_fulltime'] }],
        },
      ],
    },
  });
}

/** floor 0: the zero guard off, so that the hand values below stay on [0, 1]. */
function run(extra: Record<string, unknown> = {}, fw = framework(), seed = 1) {
  const ctx = tinyContext(tinyCube(cells()), regions, { seed, extra: { tension: { runs: 200, floor: 0, ...extra } } });
  ctx.options.config = analysisConfig({ framework: fw });
  return runTension(ctx);
}
const unit = (t: TensionResult, region: string, year: number) =>
  t.units.find((u) => u.region === region && u.year === year)!;

// C: U = 0.5, 1 → C = 2√0.5/1.5 = 0.9428090, T = 0.75, D = √(0.9428090 · 0.75) = 0.8408964
const C_C = (2 * Math.sqrt(0.5)) / 1.5;
const D_C = Math.sqrt(C_C * 0.75);

describe('runTension on a constructed panel (hand-computed values)', () => {
  const s = run();
  const t = s.tensions[0];

  it('A rises on both sides together: U = 0 → 0.5 → 1, tension 1 → 1 − √0.5 → 0 (falls every year)', () => {
    expect(unit(t, 'A', 2020)).toMatchObject({
      u1: 0,
      u2: 0,
      C: 0,
      D: 0,
      tension: 1,
      classIndex: 0,
      zh: '极度失调',
      lagging: null,
    });
    const mid = unit(t, 'A', 2021);
    expect(mid.u1).toBeCloseTo(0.5, 12);
    expect(mid.u2).toBeCloseTo(0.5, 12);
    expect(mid.C).toBeCloseTo(1, 12);
    expect(mid.tension).toBeCloseTo(1 - Math.SQRT1_2, 12);
    expect(mid.lagging).toBeNull();
    expect(unit(t, 'A', 2022)).toMatchObject({ u1: 1, u2: 1, C: 1, D: 1, tension: 0, zh: '优质协调' });
    const series = [2020, 2021, 2022].map((y) => unit(t, 'A', y).tension!);
    expect(series[1]).toBeLessThan(series[0]);
    expect(series[2]).toBeLessThan(series[1]);
  });

  it('B: U1 = 1, U2 = 0 → C = 0, tension 1, U2 lags by 1 and its only indicator carries the whole obstacle', () => {
    expect(unit(t, 'B', 2022)).toMatchObject({ u1: 1, u2: 0, C: 0, T: 0.5, D: 0, tension: 1, lagging: 'u2', gap: 1 });
    expect(t.obstacles.filter((o) => o.region === 'B' && o.year === 2022)).toEqual([
      { region: 'B', year: 2022, subsystem: 'u2', order: 1, indicator: 'staff', degree: 1 },
    ]);
  });

  it('C: U1 = 0.5, U2 = 1 → C = 0.9428, T = 0.75, D = 0.8409 (良好协调), U1 lags by 0.5', () => {
    const c = unit(t, 'C', 2022);
    expect(c.C).toBeCloseTo(C_C, 12);
    expect(c.T).toBeCloseTo(0.75, 12);
    expect(c.D).toBeCloseTo(D_C, 12);
    expect(c.tension).toBeCloseTo(1 - D_C, 12);
    expect(c).toMatchObject({ classIndex: 8, zh: '良好协调', en: 'good coordination', lagging: 'u1' });
    expect(c.gap).toBeCloseTo(0.5, 12);
    expect(
      t.obstacles.filter((o) => o.region === 'C' && o.year === 2022).map((o) => [o.subsystem, o.indicator, o.degree]),
    ).toEqual([['u1', 'party', 1]]);
  });

  it('the indicator without its column (volunteers) is skipped with a note; the subsystem goes on without it', () => {
    expect(s.skipped).toEqual([{ id: 'vol', reason: 'missing-columns', missing: ['volunteers'], tensions: ['t'] }]);
    expect(t.subsystems[1].skipped).toEqual(['vol']);
    expect(t.subsystems[1].indicators.map((i) => [i.id, i.weight])).toEqual([['staff', 1]]);
    expect(s.notes.map((n) => n.code)).toContain('N_TENSION_INDICATOR_SKIPPED');
    expect(s.notes.find((n) => n.code === 'N_TENSION_INDICATOR_SKIPPED')?.en).toContain('volunteers');
  });

  it('changes since the first year: A −1 (1 → 0), B and C unchanged', () => {
    const ch = new Map(t.changes.map((c) => [c.region, c]));
    expect(ch.get('A')).toMatchObject({ fromYear: 2020, toYear: 2022, from: 1, to: 0, change: -1 });
    expect(ch.get('B')!.change).toBe(0);
    expect(ch.get('C')!.change).toBeCloseTo(0, 12);
  });

  it("Monte Carlo over α only (one indicator per side): B stays at tension 1 (robust); C's D crosses 0.8 as α moves over [0.3, 0.7] (not robust)", () => {
    // B: C = 0 whatever α → D = 0 in every run
    expect(unit(t, 'B', 2022)).toMatchObject({ p05: 1, p95: 1, classAgreement: 1, robust: true });
    // C: T = 1 − 0.5α ∈ [0.65, 0.85] → D ∈ [√(0.9428·0.65), √(0.9428·0.85)] = [0.7828, 0.8952]
    const c = unit(t, 'C', 2022);
    expect(c.robust).toBe(false);
    expect(c.p05!).toBeGreaterThanOrEqual(1 - Math.sqrt(C_C * 0.85) - 1e-12);
    expect(c.p95!).toBeLessThanOrEqual(1 - Math.sqrt(C_C * 0.65) + 1e-12);
    expect(c.p05!).toBeLessThanOrEqual(c.tension!);
    expect(c.p95!).toBeGreaterThanOrEqual(c.tension!);
  });

  it('Theil of staff per resident, 2022: totals 80, 20, 80 against populations 100, 100, 200 (textbook formula)', () => {
    const S = [80 / 180, 20 / 180, 80 / 180];
    const P = [0.25, 0.25, 0.5];
    const T = S.reduce((a, s, i) => a + s * Math.log(s / P[i]), 0);
    const between = S[0] * Math.log(S[0] / P[0]) + (S[1] + S[2]) * Math.log((S[1] + S[2]) / (P[1] + P[2]));
    const row = t.theil.find((r) => r.year === 2022)!;
    expect(row.theilT).toBeCloseTo(T, 12);
    expect(row.between).toBeCloseTo(between, 12);
    expect(row.betweenShare).toBeCloseTo(between / T, 12);
    // core 80 staff per 100 residents, periphery 100 per 300 → 0.8 / (1/3) = 2.4
    expect(row.corePerResidentRatio).toBeCloseTo(2.4, 12);
    expect(row.coreShare).toBeCloseTo(80 / 180, 12);
    expect(row.corePopShare).toBeCloseTo(0.25, 12);
  });

  it("verdict numbers: B, then C, then A in 2022; B's U2 lags; mean tension over A, B, C from (2 + t_C)/3 to (1 + t_C)/3", () => {
    // the ranking itself, as if the tension were informative (it is not: one indicator per side, see below)
    const asInformative: TensionResult = {
      ...t,
      informative: { ok: true, reasons: [] },
      units: t.units.map((u) => ({ ...u, informative: true })),
    };
    const v = tensionVerdictNumbers(
      asInformative,
      resolveTensions(framework(), loadFramework('default')).tensions[0],
      regions,
      { year: 2022, monteCarlo: true },
    );
    expect(v.top.map((x) => x.name.en)).toEqual(['B', 'C', 'A']);
    expect(v.top[0]).toMatchObject({ tension: 1, lagging: { en: 'side b', zh: '乙方' }, gap: 1 });
    expect(v.driver).toMatchObject({ region: { en: 'B' }, indicator: { en: 'staff' }, degree: 1 });
    expect(v.lagCounts).toEqual({ u1: 1, u2: 1, regions: 3 });
    expect(v.mean!.from).toBeCloseTo((2 + (1 - D_C)) / 3, 12);
    expect(v.mean!.to).toBeCloseTo((1 + (1 - D_C)) / 3, 12);
    expect(v.notRobust!.map((r) => r.en)).toEqual(['C']);
  });

  it('one indicator per subsystem: the tension is not informative, the verdict gives the reason and no finding', () => {
    expect(t.informative).toEqual({
      ok: false,
      reasons: [
        { kind: 'single-indicator', subsystem: 'u1', indicator: 'party' },
        { kind: 'single-indicator', subsystem: 'u2', indicator: 'staff' },
      ],
    });
    expect(t.units.every((u) => u.informative === false)).toBe(true);
    expect(t.verdict?.en).toBe(
      "test tension (side a vs side b), 2022: not informative, reported without a finding: the subsystem side a rests on one indicator (party), so its score is only that indicator's position between the lowest and the highest region.",
    );
    expect(t.verdict?.zh).toContain('测试张力（甲方—乙方），2022年：不具信息量，不作结论');
  });

  it('no NaN or Infinity anywhere in the section', () => {
    expect(nonFinitePaths(s)).toEqual([]);
  });
});

describe('runTension options on the constructed panel', () => {
  it('α = 0.7 for every tension: C gets T = 0.35 + 0.3 = 0.65, D = √(0.9428·0.65) = 0.7828 (中级协调)', () => {
    const c = unit(run({ alpha: 0.7 }).tensions[0], 'C', 2022);
    expect(c.T).toBeCloseTo(0.65, 12);
    expect(c.D).toBeCloseTo(Math.sqrt(C_C * 0.65), 12);
    expect(c.zh).toBe('中级协调');
  });

  it('modified coupling: C = √((1 − 0.5) · 0.5/1) = 0.5 for C; U1 = U2 still gives C = 1', () => {
    const t = run({ variant: 'modified' }).tensions[0];
    expect(unit(t, 'C', 2022).C).toBeCloseTo(0.5, 12);
    expect(unit(t, 'A', 2022).C).toBe(1);
  });

  it('a subsystem with no usable indicator: U2, C, T, D and the tension are null, with a note', () => {
    const s = run({}, framework(['vol']));
    const t = s.tensions[0];
    expect(t.units.every((u) => u.u2 === null && u.tension === null && u.classIndex === null && u.p05 === null)).toBe(
      true,
    );
    expect(s.notes.map((n) => n.code)).toContain('N_TENSION_SUBSYSTEM_EMPTY');
    expect(t.informative.ok).toBe(false);
    expect(t.informative.reasons).toContainEqual({ kind: 'single-indicator', subsystem: 'u2', indicator: null });
    expect(t.verdict?.en).toContain('not informative');
  });

  it('the same seed gives the same section; runs = 0 turns the intervals off', () => {
    expect(run({}, framework(), 7)).toEqual(run({}, framework(), 7));
    const off = run({ runs: 0 }).tensions[0];
    expect(off.units.every((u) => u.p05 === null && u.robust === null)).toBe(true);
  });

  it('z-score normalisation is refused (the coupling needs scores on [0, 1])', () => {
    let code = '';
    try {
      run({ normalize: 'zscore' });
    } catch (e) {
      if (isSoqaError(e)) code = e.code;
    }
    expect(code).toBe('E_BAD_OPTION');
  });
});

describe('the zero guard after min–max (default floor 0.01)', () => {
  const ctx = tinyContext(tinyCube(cells()), regions, { seed: 1, extra: { tension: { runs: 0 } } });
  ctx.options.config = analysisConfig({ framework: framework() });
  const t = runTension(ctx).tensions[0];

  it('A in 2020, at the minimum on both sides: U1 = U2 = 0.01 → C = 1, T = 0.01, D = 0.1, tension 0.9 (not 1)', () => {
    const a = unit(t, 'A', 2020);
    expect(a.u1).toBeCloseTo(0.01, 12);
    expect(a.u2).toBeCloseTo(0.01, 12);
    expect(a.C).toBeCloseTo(1, 12);
    expect(a.D).toBeCloseTo(0.1, 12);
    expect(a.tension).toBeCloseTo(0.9, 12);
  });

  it('B in 2022: U1 = 1, U2 = 0.01 → C = 2·0.1/1.01, T = 0.505, C·T = 0.1, D = √0.1 = 0.3162 (not 0)', () => {
    const b = unit(t, 'B', 2022);
    expect(b.C).toBeCloseTo(0.2 / 1.01, 12);
    expect(b.T).toBeCloseTo(0.505, 12);
    expect(b.D).toBeCloseTo(Math.sqrt(0.1), 12);
  });
});

describe('the not-informative rule: a region whose subsystem sits at a bound in every year', () => {
  /**
   * Two indicators per side: U1 = party share and party organizations per resident, U2 = mean
   * full-time staff and full-time staff per resident. B: party 0.8 (the maximum) and 8/100 =
   * 0.08 per resident (the maximum, tied with A in 2022) in every year; staff 2 (the minimum)
   * and 20/100 = 0.2 per resident (the minimum, tied with A in 2020) in every year. So B's U1
   * is 1 and its U2 is the floor in every year; A and C are at neither bound in every year
   * (C: party 0.5, 5/200 = 0.025 per resident; A moves).
   */
  const fw = checkFramework({
    id: 'tiny2',
    layers: [{ id: 'composition', label: label('composition'), rationale: 'r' }],
    indicators: [
      ind('party', { kind: 'share_of_orgs', field: 'party_org' }),
      ind('partypc', { kind: 'per_population', numerator: ['party_org'], per: 1 }),
      ind('staff', { kind: 'mean_per_org', field: 'staff_fulltime' }),
      ind('staffpc', { kind: 'per_population', numerator: ['staff_fulltime'], per: 1 }),
    ],
    tension: {
      tensions: [
        {
          id: 't',
          label: label('test tension', '测试张力'),
          u1: { id: 'a', label: label('side a', '甲方'), indicators: ['party', 'partypc'] },
          u2: { id: 'b', label: label('side b', '乙方'), indicators: ['staff', 'staffpc'] },
        },
      ],
    },
  });
  const ctx = tinyContext(tinyCube(cells()), regions, { seed: 1, extra: { tension: { runs: 0 } } });
  ctx.options.config = analysisConfig({ framework: fw });
  const t = runTension(ctx).tensions[0];

  it('B is flagged on both sides; its rows are not informative; A and C stay', () => {
    expect(t.informative).toEqual({
      ok: true,
      reasons: [
        { kind: 'at-bound', subsystem: 'u1', bound: 'max', regions: ['B'] },
        { kind: 'at-bound', subsystem: 'u2', bound: 'min', regions: ['B'] },
      ],
    });
    expect(unit(t, 'B', 2021).informative).toBe(false);
    expect(unit(t, 'A', 2021).informative).toBe(true);
    expect(unit(t, 'C', 2021).informative).toBe(true);
  });

  it('the verdict ranks A and C only and says why B is left out', () => {
    expect(t.verdict?.en).not.toContain('highest tension in B');
    expect(t.verdict?.en).toContain('not informative for B, left out: side a is at the highest value');
    expect(t.verdict?.en).toContain('side b is at the lowest value of every indicator in every year');
  });
});
