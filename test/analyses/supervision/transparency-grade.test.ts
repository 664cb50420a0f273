import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { baseGrade, capGrade } from '../../../src/analyses/supervision/grade.js';
import { loadRules } from '../../../src/ingest/rules/load-rules.js';
import { peerGroups } from '../../../src/analyses/supervision/peer-groups.js';
import { PeerRanker, peerPercentiles } from '../../../src/analyses/supervision/peer-percentiles.js';
import { gradeOf } from '../../../src/analyses/supervision/supervision-pass.js';
import { rankNormalize } from '../../../src/measures/composite/rank-normalize.js';
import { loadFramework } from '../../../src/ingest/framework/load-framework.js';
import { datasetOf, passOf, years } from './history.js';

const id = (model: ReturnType<typeof passOf>, ds: ReturnType<typeof datasetOf>, org: string): number => {
  for (let o = 0; o < model.count; o++) if (ds.text.org_id[model.lastRow[o]] === org) return o;
  throw new Error(`no ${org}`);
};

describe('transparency index (config/rules/default.json: window 3 years; weights completeness 0.4, disclosure 0.25, online 0.15, continuity 0.2)', () => {
  // only four of the file's annual-report fields are columns here: staff_fulltime, activities, disclosure, online
  const row = (org: string, year: number, over: Record<string, number | string | null> = {}) => ({
    org_id: org,
    name: org,
    type: 'social_group',
    region: '150100',
    registered: 20100101,
    year,
    staff_fulltime: 2,
    activities: 3,
    disclosure: 1,
    online: 1,
    ...over,
  });
  const rows = [
    // A: 2020–2024; in the window 2022–2024 staff missing in 2023, disclosure 1, 1, 0, online 0, 0, 1
    row('A', 2020),
    row('A', 2021),
    row('A', 2022, { online: 0 }),
    row('A', 2023, { staff_fulltime: null, online: 0 }),
    row('A', 2024, { disclosure: 0 }),
    // B: registered 2020, no 2023 report; window rows 2022 and 2024, online missing in 2022, 1 in 2024
    row('B', 2020, { registered: 20200101 }),
    row('B', 2021, { registered: 20200101 }),
    row('B', 2022, { registered: 20200101, online: null }),
    row('B', 2024, { registered: 20200101 }),
    // C: registered 2023, first report 2024, neither flag
    row('C', 2024, { registered: 20230315, disclosure: 0, online: 0 }),
    // D: deregistered 2022: not supervised in 2024
    row('D', 2020, { deregistered: 20220601 }),
    row('D', 2021, { deregistered: 20220601 }),
    row('D', 2022, { deregistered: 20220601 }),
  ];
  const ds = datasetOf(rows);
  const m = passOf(rows);
  const t = m.transparency;
  it('A: completeness (1 + 3/4 + 1)/3 = 11/12, disclosure 2/3, online 1/3, continuity 3/3 → 100 × (0.4·11/12 + 0.25·2/3 + 0.15·1/3 + 0.2) = 78.33', () => {
    const a = id(m, ds, 'A');
    expect(t.completeness[a]).toBeCloseTo(11 / 12, 12);
    expect(t.disclosure[a]).toBeCloseTo(2 / 3, 12);
    expect(t.online[a]).toBeCloseTo(1 / 3, 12);
    expect(t.continuity[a]).toBe(1);
    expect(t.index[a]).toBeCloseTo(100 * (0.4 * (11 / 12) + 0.25 * (2 / 3) + 0.15 * (1 / 3) + 0.2), 10);
  });
  it('B: a missing 2023 report gives continuity 2/3 (2 of 3 due years); online missing in 2022 → completeness (3/4 + 1)/2, online (0 + 1)/2 → 100 × (0.4·7/8 + 0.25 + 0.15·0.5 + 0.2·2/3) = 80.83', () => {
    const b = id(m, ds, 'B');
    expect(t.continuity[b]).toBeCloseTo(2 / 3, 12);
    expect(t.completeness[b]).toBe(7 / 8);
    expect(t.online[b]).toBe(0.5);
    expect(t.index[b]).toBeCloseTo(100 * (0.4 * (7 / 8) + 0.25 + 0.075 + 0.2 * (2 / 3)), 10);
  });
  it('C: registered 2023, first report 2024 → continuity 1/2 and index 100 × (0.4 + 0.2·0.5) = 50', () => {
    const c = id(m, ds, 'C');
    expect(t.continuity[c]).toBe(0.5);
    expect(t.index[c]).toBeCloseTo(50, 10);
  });
  it('D, deregistered in 2022, is not supervised in 2024: no index, no grade', () => {
    const d = id(m, ds, 'D');
    expect(m.inScope[d]).toBe(0);
    expect(Number.isNaN(t.index[d])).toBe(true);
    expect(m.grade[d]).toBe(0);
  });
  it('without an online column the weights are rescaled over the other parts (0.4, 0.25, 0.2 over 0.85)', () => {
    const m2 = passOf(rows.map(({ online: _o, ...r }) => r));
    expect(m2.transparencyWeights.online).toBe(0);
    expect(m2.transparencyWeights.completeness).toBeCloseTo(0.4 / 0.85, 12);
    expect(m2.transparencyWeights.continuity).toBeCloseTo(0.2 / 0.85, 12);
  });
});

describe('peer percentiles (the rank normalisation of the indicator machinery, within peer groups)', () => {
  it('equals rankNormalize(…, { scale: true }) on each group, both directions, ties averaged', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 2, maxLength: 30 }),
        fc.constantFrom(1 as const, -1 as const),
        (xs, dir) => {
          const values = Float64Array.from(xs);
          const got = peerPercentiles(values, new Int32Array(xs.length), 1, dir);
          const constant = xs.every((x) => x === xs[0]);
          const want = rankNormalize(
            xs.map((x) => [x]),
            [dir],
            { scale: true },
          ).matrix.map((r) => r[0]);
          xs.forEach((_, k) =>
            constant ? expect(Number.isNaN(got[k])).toBe(true) : expect(got[k]).toBeCloseTo(want[k], 12),
          );
        },
      ),
      { seed: 10, numRuns: 200 },
    );
  });
  it('ranks within each group only and leaves missing values and one-member groups out', () => {
    const p = peerPercentiles(Float64Array.of(5, 7, 5, 1, NaN, 3), Int32Array.of(0, 0, 0, 1, 0, 2), 3, 1);
    // group 0: 5, 7, 5 → ranks 1.5, 3, 1.5 of k = 3 → 0.25, 1, 0.25; group 1 and 2 have one value
    expect([...p].map((x) => (Number.isNaN(x) ? null : x))).toEqual([0.25, 1, 0.25, null, null, null]);
  });
  it('a PeerRanker gives each indicator its own percentiles over the same groups, call after call', () => {
    const group = Int32Array.of(0, 1, 0, 1, 0, 1);
    const ranker = new PeerRanker(group, 2);
    // first indicator, more is better: group 0 holds 3, 1, 2 → ranks 3, 1, 2 of 3 → 1, 0, 0.5;
    // group 1 holds 4, 4, NaN → constant → NaN
    const first = [...ranker.percentiles(Float64Array.of(3, 4, 1, 4, 2, NaN), 1)];
    // second indicator, less is better: group 0 holds 1, 1, 2 → ranks 1.5, 1.5, 3 → 0.25, 0.25, 1 → reversed 0.75, 0.75, 0;
    // group 1 holds 9, 7, 8 → ranks 3, 1, 2 → 1, 0, 0.5 → reversed 0, 1, 0.5
    const second = [...ranker.percentiles(Float64Array.of(1, 9, 1, 7, 2, 8), -1)];
    const show = (xs: number[]) => xs.map((x) => (Number.isNaN(x) ? null : x));
    expect(show(first)).toEqual([1, null, 0, null, 0.5, null]);
    expect(show(second)).toEqual([0.75, 0, 0.75, 1, 0, 0.5]);
  });
  it('peer groups fall back from type × region to type to all below minPeers', () => {
    const { group, groups } = peerGroups(['sg', 'sg', 'sg', 'sg', 'f'], ['r1', 'r1', 'r1', 'r2', 'r1'], {
      peerGroup: 'type_region',
      minPeers: 3,
    });
    expect(groups).toEqual([
      { type: 'sg', region: 'r1', size: 3 },
      { type: 'sg', region: null, size: 1 },
      { type: null, region: null, size: 1 },
    ]);
    expect([...group]).toEqual([0, 0, 0, 1, 2]);
  });
});

describe('A–D grade (config/rules/default.json: bands A 55, B 45; A needs transparency ≥ 60; caps low → B, medium → C, high → D; no score → C)', () => {
  const def = loadRules().grades;
  it('base grade from the score bands and the transparency condition for A', () => {
    expect(baseGrade(55, 60, def)).toBe('A');
    expect(baseGrade(54.99, 100, def)).toBe('B');
    expect(baseGrade(80, 59.9, def)).toBe('B');
    expect(baseGrade(45, 0, def)).toBe('B');
    expect(baseGrade(44.99, 100, def)).toBe('C');
    expect(baseGrade(Number.NaN, 100, def)).toBe('C');
  });
  it('warnings cap the grade; a cap never raises it', () => {
    expect(capGrade('A', 'low', def)).toBe('B');
    expect(capGrade('A', 'medium', def)).toBe('C');
    expect(capGrade('B', 'high', def)).toBe('D');
    expect(capGrade('C', 'low', def)).toBe('C');
    expect(capGrade('A', null, def)).toBe('A');
  });

  // five Hohhot social groups whose full-time staff and activities are both k = 1 … 5 in every
  // year; framework reduced to those two indicators; minPeers 2 so that they are one peer group
  const framework = loadFramework();
  framework.indicators = framework.indicators.filter(
    (i) => i.id === 'fulltime_staff_per_org' || i.id === 'activities_per_org',
  );
  const rules = loadRules();
  rules.grades.minPeers = 2;
  const rows = [1, 2, 3, 4, 5].flatMap((k) =>
    years(`K${k}`, 2008, 2024, (y) => ({
      staff_fulltime: k,
      activities: k,
      ...(k === 5 && y >= 2022 ? { expenses: 200000 } : {}),
    })),
  );
  const ds = datasetOf(rows);
  const m = passOf(rows, { rules, framework, detailFor: new Set(['K4']) });
  it('score = 100 × mean peer percentile: (k − 1)/4 on both indicators → 0, 25, 50, 75, 100', () => {
    expect([1, 2, 3, 4, 5].map((k) => m.score[id(m, ds, `K${k}`)])).toEqual([0, 25, 50, 75, 100]);
    expect(m.scoreIndicators[id(m, ds, 'K1')]).toBe(2);
  });
  it('grades C, C, B, A (transparency 100 ≥ 60), and C for K5, whose base A is capped by a medium warning', () => {
    // K5: expenses 200,000 > revenue 100,000 in 2022–2024 → persistent_deficit (medium) → capped at C
    expect([1, 2, 3, 4, 5].map((k) => gradeOf(m.grade[id(m, ds, `K${k}`)]))).toEqual(['C', 'C', 'B', 'A', 'C']);
    expect(gradeOf(m.baseGrade[id(m, ds, 'K5')])).toBe('A');
    expect(m.transparency.index[id(m, ds, 'K4')]).toBe(100);
  });
  it('keeps the indicator details of the organizations asked for (portraits)', () => {
    const d = m.details.get(id(m, ds, 'K4'))!;
    expect(d.map((x) => [x.id, x.value, x.percentile, x.peers, x.peerMedian])).toEqual([
      ['fulltime_staff_per_org', 4, 0.75, 5, 3],
      ['activities_per_org', 4, 0.75, 5, 3],
    ]);
  });
});

describe('registry lists (no year column)', () => {
  const rows = [
    ...years('R1', 2024, 2024),
    ...years('R2', 2024, 2024, () => ({
      rev_gov_purchase: 95000,
      rev_donations: 5000,
      rev_membership: 0,
      rev_services: 0,
    })),
    ...years('R3', 2024, 2024, () => ({ status: 'deregistered', deregistered: 20230301 })),
  ].map(({ year: _y, ...r }) => r);
  const m = passOf(rows, { registryAsOf: 2024 });
  it('skips the rules that follow organizations over years and still applies the others', () => {
    expect(m.shape).toBe('registry');
    expect(m.asOf).toBe(2024);
    expect(m.skipped.map((s) => s.id).sort()).toEqual([
      'deregistered_reporting',
      'dormant',
      'implausible_jump',
      'missing_report',
      'persistent_deficit',
    ]);
    expect(m.flagged.map((f) => f.warnings.map((w) => w.rule))).toEqual([['single_source']]);
    expect(Number.isNaN(m.transparency.continuity[0])).toBe(true);
  });
  it('grades the organizations on the register, not the deregistered ones', () => {
    expect([...m.inScope]).toEqual([1, 1, 0]);
    expect([...m.grade].map((g) => g > 0)).toEqual([true, true, false]);
  });
});
