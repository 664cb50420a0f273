import { describe, expect, it } from 'vitest';
import type { Panel } from '../../../src/analyses/indicators/build-panel.js';
import type { IndicatorOptions } from '../../../src/analyses/indicators/indicator-options.js';
import { indicatorOptions } from '../../../src/analyses/indicators/indicator-options.js';
import { scorePanel } from '../../../src/analyses/indicators/score-panel.js';
import type { LayerDef } from '../../../src/domain/framework/framework.js';
import { SoqaError } from '../../../src/core/soqa-error.js';
import { ind } from './tiny-cube.js';
import { analysisConfig } from '../../../src/cli/pipeline/analysis-config.js';

const LAYERS: LayerDef[] = [
  { id: 'composition', label: { zh: '构成要素', en: 'composition' }, rationale: 'seed 000' },
  { id: 'function', label: { zh: '功能创新与发挥', en: 'function' }, rationale: 'seed 000' },
  { id: 'output', label: { zh: '服务产出与社会贡献', en: 'output' }, rationale: 'seed 000' },
];
const base: IndicatorOptions = {
  weighting: 'equal',
  normalize: 'global',
  shift: 0,
  byType: false,
  runs: 0,
  spread: 0.25,
  seed: 1,
};
const count = { kind: 'per_population', numerator: 'count' } as const;

/** Three region-units in one year; i1 positive, i2 negative, i3 constant. */
function panel3(): Panel {
  return {
    units: [
      { region: 'A', year: 2024, total: false },
      { region: 'B', year: 2024, total: false },
      { region: 'C', year: 2024, total: false },
    ],
    indicators: [
      ind('i1', 'composition', count, 1, 2),
      ind('i2', 'output', count, -1, 1),
      ind('i3', 'function', count, 1, 5),
    ],
    raw: [
      [1, 10, 5],
      [2, 10, 5],
      [3, 30, 5],
    ],
    skipped: [],
    notes: [],
  };
}

describe('scorePanel on a hand-made panel (hand calculations)', () => {
  // min–max: i1 [0, 0.5, 1]; i2 negative (30 − x)/20 = [1, 1, 0]; i3 constant → 0
  // equal weights over the non-constant indicators: [0.5, 0.5, 0]
  const s = scorePanel(panel3(), LAYERS, base);

  it('normalises with direction and keeps a constant column at 0, never NaN', () => {
    const norm = (id: string) => s.values.filter((v) => v.indicator === id).map((v) => v.normalized);
    expect(norm('i1')).toEqual([0, 0.5, 1]);
    expect(norm('i2')).toEqual([1, 1, 0]);
    expect(norm('i3')).toEqual([0, 0, 0]);
  });

  it('gives a constant indicator weight 0 and a note', () => {
    expect(s.indicators.map((i) => [i.id, i.weight, i.constant])).toEqual([
      ['i1', 0.5, false],
      ['i2', 0.5, false],
      ['i3', 0, true],
    ]);
    expect(s.notes.find((n) => n.code === 'W_INDICATOR_CONSTANT')).toMatchObject({ subject: 'i3' });
    // the function layer holds only i3: no weight, so its score is null (not NaN) with a note
    expect(s.notes.find((n) => n.code === 'W_LAYER_NO_WEIGHT')).toMatchObject({ subject: 'function' });
    expect(s.layers.map((l) => [l.id, l.weight])).toEqual([
      ['composition', 0.5],
      ['function', 0],
      ['output', 0.5],
    ]);
  });

  it('layer scores, composite and ranks per year', () => {
    // composition = i1 norm; output = i2 norm; composite = 0.5·i1 + 0.5·i2 = [0.5, 0.75, 0.5]
    expect(s.scores.map((x) => [x.region, x.composition, x.function, x.output, x.composite, x.rank])).toEqual([
      ['A', 0, null, 1, 0.5, 2.5],
      ['B', 0.5, null, 1, 0.75, 1],
      ['C', 1, null, 0, 0.5, 2.5],
    ]);
  });

  it('TOPSIS closeness with vector normalisation and Euclidean distance', () => {
    // v_i1 = 0.5·[1, 2, 3]/√14, v_i2 = 0.5·[10, 10, 30]/√1100, i3 weight 0.
    // ideal (i1 max, i2 min) = (1.5/√14, 5/√1100); anti-ideal = (0.5/√14, 15/√1100)
    const a = 0.5 / Math.sqrt(14);
    const b = 5 / Math.sqrt(1100);
    const closeness = (x: number, y: number) => {
      const dPlus = Math.hypot(x - 3 * a, y - b);
      const dMinus = Math.hypot(x - a, y - 3 * b);
      return dMinus / (dPlus + dMinus);
    };
    const expected = [closeness(a, b), closeness(2 * a, b), closeness(3 * a, 3 * b)];
    s.scores.forEach((x, i) => expect(x.topsis).toBeCloseTo(expected[i], 12));
    // ranks among the three: B (0.714…) > A (0.530…) > C (0.285…)
    expect(s.scores.map((x) => x.topsisRank)).toEqual([2, 1, 3]);
  });

  it('TOPSIS leaves the province total out of the norms, the ideals and the imputation', () => {
    // the same three regions plus a total row (6, 50, missing): the region rows keep the hand
    // values above only if the total adds nothing to √Σx² nor to the ideals, and the total's
    // missing cell is not imputed (0 cells)
    const p = panel3();
    p.units.push({ region: 'total', year: 2024, total: true });
    p.raw.push([6, 50, NaN]);
    const t = scorePanel(p, LAYERS, base);
    const regions = t.scores.filter((x) => x.region !== 'total');
    const a = 0.5 / Math.sqrt(14);
    const b = 5 / Math.sqrt(1100);
    const closeness = (x: number, y: number) => {
      const dPlus = Math.hypot(x - 3 * a, y - b);
      const dMinus = Math.hypot(x - a, y - 3 * b);
      return dMinus / (dPlus + dMinus);
    };
    [closeness(a, b), closeness(2 * a, b), closeness(3 * a, 3 * b)].forEach((c, i) =>
      expect(regions[i].topsis).toBeCloseTo(c, 12),
    );
    expect(t.scores.find((x) => x.region === 'total')!.topsis).toBeNull();
    expect(t.topsisImputed).toBe(0);
  });

  it('top obstacles per unit (degree = w(1 − x′) / Σ)', () => {
    // A: w(1 − x′) = [0.5·1, 0.5·0, 0] → i1 holds all of it (degree 1)
    // B: [0.5·0.5, 0, 0] → i1 (1); C: [0, 0.5·1, 0] → i2 (1)
    expect(s.obstacles.map((o) => [o.region, o.order, o.indicator, o.layer, o.degree])).toEqual([
      ['A', 1, 'i1', 'composition', 1],
      ['B', 1, 'i1', 'composition', 1],
      ['C', 1, 'i2', 'output', 1],
    ]);
    expect(s.layerObstacles[2]).toEqual({ region: 'C', year: 2024, composition: 0, function: 0, output: 1 });
  });

  it('is JSON-safe: no NaN, no undefined', () => {
    expect(JSON.parse(JSON.stringify(s))).toEqual(s);
  });
});

describe('weighting schemes', () => {
  it('entropy: w_j = d_j / Σ d on the min–max matrix (shift 0 → 0·ln 0 = 0)', () => {
    const s = scorePanel(panel3(), LAYERS, { ...base, weighting: 'entropy' });
    // i1: p = [0, 1/3, 2/3], e1 = −(1/ln 3)(1/3·ln(1/3) + 2/3·ln(2/3));
    // i2: p = [1/2, 1/2, 0], e2 = ln 2 / ln 3; i3 constant → weight 0
    const e1 = -((1 / 3) * Math.log(1 / 3) + (2 / 3) * Math.log(2 / 3)) / Math.log(3);
    const e2 = Math.log(2) / Math.log(3);
    const d = [1 - e1, 1 - e2];
    expect(s.indicators[0].weight).toBeCloseTo(d[0] / (d[0] + d[1]), 12);
    expect(s.indicators[1].weight).toBeCloseTo(d[1] / (d[0] + d[1]), 12);
    expect(s.indicators[2].weight).toBe(0);
    expect(s.indicators[0].entropy).toBeCloseTo(e1, 12);
  });

  it('entropy with a shift changes the weights (the shift is an explicit option)', () => {
    const plain = scorePanel(panel3(), LAYERS, { ...base, weighting: 'entropy' });
    const shifted = scorePanel(panel3(), LAYERS, { ...base, weighting: 'entropy', shift: 0.0001 });
    expect(shifted.indicators[0].weight).not.toBe(plain.indicators[0].weight);
    expect(shifted.indicators[0].weight + shifted.indicators[1].weight).toBeCloseTo(1, 12);
  });

  it('manual: the framework weights rescaled to 1, the constant one set to 0', () => {
    // weights 2, 1, 5 → i3 constant → 2/3, 1/3, 0
    const s = scorePanel(panel3(), LAYERS, { ...base, weighting: 'manual' });
    expect(s.indicators.map((i) => i.weight)).toEqual([2 / 3, 1 / 3, 0]);
  });

  it('manual without weights is a bad-options error naming the indicators', () => {
    const p = panel3();
    p.indicators = p.indicators.map(({ weight: _w, ...rest }) => rest);
    expect(() => scorePanel(p, LAYERS, { ...base, weighting: 'manual' })).toThrow(SoqaError);
    expect(() => scorePanel(p, LAYERS, { ...base, weighting: 'manual' })).toThrow(/i1, i2, i3/);
  });

  it('critic: weights sum to 1, constant column 0', () => {
    const s = scorePanel(panel3(), LAYERS, { ...base, weighting: 'critic' });
    const w = s.indicators.map((i) => i.weight);
    expect(w[2]).toBe(0);
    expect(w[0] + w[1]).toBeCloseTo(1, 12);
    // two columns with σ = sd([0, .5, 1]) = 0.5 and sd([1, 1, 0]) = 0.5774 and r = −0.866:
    // C_j = σ_j (1 − r) → w ∝ σ_j (the conflict term is shared, and a constant column adds 1 − 0)
    expect(w[0] / w[1]).toBeCloseTo(0.5 / Math.sqrt(1 / 3), 12);
  });
});

describe('normalisation options', () => {
  // two years: i1 raw A 1, B 3 (2023); A 5, B 7 (2024)
  const twoYears = (): Panel => ({
    units: [
      { region: 'A', year: 2023, total: false },
      { region: 'B', year: 2023, total: false },
      { region: 'A', year: 2024, total: false },
      { region: 'B', year: 2024, total: false },
    ],
    indicators: [ind('i1', 'composition', count)],
    raw: [[1], [3], [5], [7]],
    skipped: [],
    notes: [],
  });
  const norm = (o: Partial<IndicatorOptions>) =>
    scorePanel(twoYears(), LAYERS, { ...base, ...o }).values.map((v) => v.normalized);

  it('global min–max keeps years comparable: (x − 1)/6', () => {
    expect(norm({ normalize: 'global' })).toEqual([0, 1 / 3, 2 / 3, 1]);
  });
  it('per-year min–max rescales each year', () => {
    expect(norm({ normalize: 'perYear' })).toEqual([0, 1, 0, 1]);
  });
  it('z-score (sample sd of 1, 3, 5, 7 = √(20/3))', () => {
    const sd = Math.sqrt(20 / 3);
    norm({ normalize: 'zscore' }).forEach((z, i) => expect(z).toBeCloseTo(([1, 3, 5, 7][i] - 4) / sd, 12));
  });
  it('rank rescaled to [0, 1]: (r − 1)/(k − 1)', () => {
    expect(norm({ normalize: 'rank' })).toEqual([0, 1 / 3, 2 / 3, 1]);
  });
  it('ranks are per year', () => {
    expect(scorePanel(twoYears(), LAYERS, base).scores.map((x) => x.rank)).toEqual([2, 1, 2, 1]);
  });
});

describe('Monte Carlo rank uncertainty', () => {
  // C is best on both indicators, A worst: no weights or normalisation can change the order
  const dominated = (): Panel => ({
    units: ['A', 'B', 'C'].map((region) => ({ region, year: 2024, total: false })),
    indicators: [ind('i1', 'composition', count), ind('i2', 'output', count)],
    raw: [
      [1, 1],
      [2, 4],
      [3, 9],
    ],
    skipped: [],
    notes: [],
  });

  it('a dominant unit has the interval [1, 1]', () => {
    const s = scorePanel(dominated(), LAYERS, { ...base, weighting: 'entropy', runs: 100 });
    expect(s.uncertainty.map((u) => [u.region, u.rank, u.medianRank, u.p05, u.p95])).toEqual([
      ['A', 3, 3, 3, 3],
      ['B', 2, 2, 2, 2],
      ['C', 1, 1, 1, 1],
    ]);
  });

  it('is seeded: the same seed gives the same intervals; p05 ≤ median ≤ p95', () => {
    const p = panel3();
    p.raw = [
      [1, 10, 5],
      [2, 20, 5],
      [3, 25, 5],
    ];
    p.indicators[1] = ind('i2', 'output', count, 1);
    const one = scorePanel(p, LAYERS, { ...base, weighting: 'entropy', runs: 200, seed: 7 });
    const two = scorePanel(p, LAYERS, { ...base, weighting: 'entropy', runs: 200, seed: 7 });
    expect(two.uncertainty).toEqual(one.uncertainty);
    for (const u of one.uncertainty) {
      expect(u.p05!).toBeLessThanOrEqual(u.medianRank!);
      expect(u.medianRank!).toBeLessThanOrEqual(u.p95!);
    }
  });

  it('runs 0 turns it off (intervals null)', () => {
    const s = scorePanel(dominated(), LAYERS, base);
    expect(s.uncertainty.every((u) => u.medianRank === null && u.p05 === null)).toBe(true);
  });
});

describe('indicatorOptions', () => {
  const opts = (extra: Record<string, unknown>, seed = 1) =>
    indicatorOptions({ options: { seed, config: analysisConfig(), extra: { indicators: extra } } });
  it('defaults: entropy, global, shift 0, 200 runs, spread 0.25, the context seed', () => {
    expect(opts({}, 9)).toEqual({
      weighting: 'entropy',
      normalize: 'global',
      shift: 0,
      byType: false,
      runs: 200,
      spread: 0.25,
      seed: 9,
    });
  });
  it('accepts the CLI spelling per-year', () => {
    expect(opts({ normalize: 'per-year' }).normalize).toBe('perYear');
  });
  it('rejects unknown values', () => {
    expect(() => opts({ weighting: 'ahp' })).toThrow(/weighting/);
    expect(() => opts({ shift: -1 })).toThrow(/shift/);
    expect(() => opts({ normalize: 'log' })).toThrow(/normalize/);
  });
});
