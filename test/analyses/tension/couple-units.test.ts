import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { coupleUnits } from '../../../src/analyses/tension/couple-units.js';
import { referencePath } from '../../helpers/reference-path.js';

interface Published {
  coupling: number[];
  coord: number[];
  coupling_coord: number[];
  decimals: number;
}
const ref = JSON.parse(readFileSync(referencePath('coupling_obstacle_mathmodels.json'), 'utf8')) as {
  source: { repo: string; commit: string; path: string };
  input: [string, number, number, number][];
  standard_equal_weights: Published;
  'adjusted_weights_0.4_0.3_0.3': Published;
};
const SRC = `${ref.source.repo}@${ref.source.commit.slice(0, 7)} ${ref.source.path}`;
const within = (actual: number, expected: number, decimals: number, what: string) =>
  expect(Math.abs(actual - expected), `${SRC} ${what}: got ${actual}, expected ${expected}`).toBeLessThanOrEqual(
    0.5 * 10 ** -decimals + 1e-12,
  );

describe('coupleUnits (the tension coupling step) against mathmodels coupling_degree (coupling_obstacle_mathmodels.json, 3 decimals)', () => {
  const scores = ref.input.map(([, ...u]) => u);

  it('standard coupling, equal weights: C, T, D and tension = 1 − D of the six published units', () => {
    const exp = ref.standard_equal_weights;
    coupleUnits(scores).forEach((r, i) => {
      within(r.C, exp.coupling[i], exp.decimals, `unit ${ref.input[i][0]} C`);
      within(r.T, exp.coord[i], exp.decimals, `unit ${ref.input[i][0]} T`);
      within(r.D, exp.coupling_coord[i], exp.decimals, `unit ${ref.input[i][0]} D`);
      // tension = 1 − D, so it carries the same rounding as the published D
      within(r.tension, 1 - exp.coupling_coord[i], exp.decimals, `unit ${ref.input[i][0]} 1 − D`);
    });
  });

  it('Wang et al. (2021) modified coupling, weights 0.4/0.3/0.3', () => {
    const exp = ref['adjusted_weights_0.4_0.3_0.3'];
    coupleUnits(scores, { weights: [0.4, 0.3, 0.3], variant: 'modified' }).forEach((r, i) => {
      within(r.C, exp.coupling[i], exp.decimals, `unit ${ref.input[i][0]} modified C`);
      within(r.T, exp.coord[i], exp.decimals, `unit ${ref.input[i][0]} T`);
      within(r.D, exp.coupling_coord[i], exp.decimals, `unit ${ref.input[i][0]} modified D`);
    });
  });

  it('the lagging subsystem is the lowest score and the gap is max − min (read off the published inputs)', () => {
    // unit A: s1 0.0162 is the lowest, max 0.272 → gap 0.2558; unit C: s2 0.0593 lowest, max 0.5729 → 0.5136
    const r = coupleUnits(scores);
    expect(r[0].lagging).toBe(0);
    expect(r[0].gap).toBeCloseTo(0.272 - 0.0162, 12);
    expect(r[2].lagging).toBe(1);
    expect(r[2].gap).toBeCloseTo(0.5729 - 0.0593, 12);
  });
});

describe('coupleUnits: two subsystems, hand calculations', () => {
  it('U1 = U2 → C = 1 exactly; U = 0.5, 0.5: T = 0.5, D = √0.5 = 0.7071068, tension 0.2928932, 中级协调, nothing lags', () => {
    const [r] = coupleUnits([[0.5, 0.5]]);
    expect(r.C).toBe(1);
    expect(r.T).toBeCloseTo(0.5, 14);
    expect(r.D).toBeCloseTo(Math.SQRT1_2, 14);
    expect(r.tension).toBeCloseTo(1 - Math.SQRT1_2, 14);
    expect(r.class).toEqual({ index: 7, zh: '中级协调', en: 'intermediate coordination' });
    expect(r.lagging).toBeNull();
    expect(r.gap).toBe(0);
  });

  it("U = 0.25, 0.25: C = 1, T = 0.25, D = √0.25 = 0.5 exactly → 勉强协调 / barely coordinated (the issue's example class)", () => {
    const [r] = coupleUnits([[0.25, 0.25]]);
    expect(r.D).toBe(0.5);
    expect(r.class).toEqual({ index: 5, zh: '勉强协调', en: 'barely coordinated' });
  });

  it('U = 0.36, 0.64: C = 2·0.48/1 = 0.96, T = 0.5, D = √0.48 = 0.6928203, tension 0.3071797, 初级协调; U1 lags by 0.28', () => {
    const [r] = coupleUnits([[0.36, 0.64]]);
    expect(r.C).toBeCloseTo(0.96, 14);
    expect(r.T).toBeCloseTo(0.5, 14);
    expect(r.D).toBeCloseTo(Math.sqrt(0.48), 14);
    expect(r.tension).toBeCloseTo(1 - Math.sqrt(0.48), 14);
    expect(r.class?.zh).toBe('初级协调');
    expect(r.lagging).toBe(0);
    expect(r.gap).toBeCloseTo(0.28, 14);
  });

  it('α = 0.7, β = 0.3 with U = 0.36, 0.64: T = 0.252 + 0.192 = 0.444, D = √(0.96·0.444) = √0.42624', () => {
    const [r] = coupleUnits([[0.36, 0.64]], { weights: [0.7, 0.3] });
    expect(r.T).toBeCloseTo(0.444, 14);
    expect(r.D).toBeCloseTo(Math.sqrt(0.42624), 14);
  });

  it('modified coupling with U = 0.36, 0.64: C = √((1 − 0.28)·0.36/0.64) = √0.405, D = √(0.5·√0.405)', () => {
    const [r] = coupleUnits([[0.36, 0.64]], { variant: 'modified' });
    expect(r.C).toBeCloseTo(Math.sqrt(0.405), 14);
    expect(r.D).toBeCloseTo(Math.sqrt(0.5 * Math.sqrt(0.405)), 14);
    expect(r.class?.en).toBe('barely coordinated'); // D = 0.5641
  });

  it('one subsystem 0: C = 0, D = 0, tension 1, 极度失调, the zero side lags', () => {
    const [r] = coupleUnits([[0, 0.8]]);
    expect(r).toMatchObject({ C: 0, D: 0, tension: 1, lagging: 0 });
    expect(r.T).toBeCloseTo(0.4, 14);
    expect(r.gap).toBeCloseTo(0.8, 14);
    expect(r.class).toEqual({ index: 0, zh: '极度失调', en: 'extreme imbalance' });
  });

  it('both subsystems 0: a defined output (C = T = D = 0, tension 1, class 0), not NaN', () => {
    const [r] = coupleUnits([[0, 0]]);
    expect(r).toEqual({
      C: 0,
      T: 0,
      D: 0,
      tension: 1,
      class: { index: 0, zh: '极度失调', en: 'extreme imbalance' },
      lagging: null,
      gap: 0,
    });
  });

  it('both subsystems 1: D = 1, tension 0, 优质协调', () => {
    const [r] = coupleUnits([[1, 1]]);
    expect(r).toMatchObject({ C: 1, T: 1, D: 1, tension: 0, lagging: null });
    expect(r.class?.zh).toBe('优质协调');
  });

  it('a missing subsystem score gives NaN numbers and no class, so a panel carries on', () => {
    const [r, s] = coupleUnits([
      [NaN, 0.5],
      [0.5, 0.5],
    ]);
    expect(Number.isNaN(r.D) && Number.isNaN(r.tension) && r.class === null && r.lagging === null).toBe(true);
    expect(s.C).toBe(1);
  });

  it('class labels of the ten steps, from D = U (U1 = U2 = U² gives C = 1, T = U², D = U)', () => {
    // U1 = U2 = d² → D = √(1 · d²) = d
    const d = [0.05, 0.15, 0.25, 0.35, 0.45, 0.55, 0.65, 0.75, 0.85, 0.95];
    const zh = [
      '极度失调',
      '严重失调',
      '中度失调',
      '轻度失调',
      '濒临失调',
      '勉强协调',
      '初级协调',
      '中级协调',
      '良好协调',
      '优质协调',
    ];
    coupleUnits(d.map((x) => [x * x, x * x])).forEach((r, k) => {
      expect(r.D).toBeCloseTo(d[k], 12);
      expect(r.class?.index).toBe(k);
      expect(r.class?.zh).toBe(zh[k]);
    });
  });

  it('tension falls when both subsystems rise together (fixed ratio U2 = 2·U1, and U1 = U2)', () => {
    // at a fixed ratio C is constant (2√2/3) and T grows, so D grows and the tension falls
    const steps = [0.05, 0.1, 0.2, 0.3, 0.4, 0.5];
    const ratio = coupleUnits(steps.map((u) => [u, 2 * u])).map((r) => r.tension);
    const equal = coupleUnits(steps.map((u) => [u, u])).map((r) => r.tension);
    for (const series of [ratio, equal])
      for (let k = 1; k < series.length; k++) expect(series[k]).toBeLessThan(series[k - 1]);
    coupleUnits(steps.map((u) => [u, 2 * u])).forEach((r) => expect(r.C).toBeCloseTo((2 * Math.SQRT2) / 3, 12));
  });

  it('rejects a score outside [0, 1] (normalise first)', () => {
    expect(() => coupleUnits([[1.2, 0.5]])).toThrow(/\[0, 1\]/);
  });
});
