/**
 * Every number in a chart title is either drawn (a value of the chart's own data, or a year of
 * the panel) or a named statistic the chart visibly summarises, recomputed here from the
 * chart's data with textbook formulas (a Gini from the Lorenz points, a ratio of two bars, a
 * count of drawn cells, a stack's total, D from the drawn U1 and U2).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { TopLevelSpec } from 'vega-lite';
import type { Results } from '../../../src/results/results.js';
import { buildChartSpecs, specTitle } from '../../../src/render/charts/chart-registry.js';
import { MAP_CHARTS } from '../../../src/render/charts/map-registry.js';
import { sampleResults } from '../report/results-fixture.js';
import { boundaryUnits, mapResults, usStateUnits } from './map-fixtures.js';

type Row = Record<string, unknown>;

/** Every row of every inline data set of a spec (data, layers, concatenations). */
function rowsOf(o: unknown, out: Row[] = []): Row[] {
  if (Array.isArray(o)) for (const x of o) rowsOf(x, out);
  else if (o && typeof o === 'object')
    for (const [k, v] of Object.entries(o)) {
      if (k === 'values' && Array.isArray(v) && v.every((x) => x && typeof x === 'object')) out.push(...(v as Row[]));
      else rowsOf(v, out);
    }
  return out;
}

/** Numbers found in rows: numeric fields and numeric strings ("2008", "10.11", "58%" as 0.58). */
function numbersOf(rows: readonly Row[]): number[] {
  const out: number[] = [];
  for (const r of rows)
    for (const v of Object.values(r)) {
      if (typeof v === 'number' && Number.isFinite(v)) out.push(v);
      else if (typeof v === 'string' && /^-?\d+(\.\d+)?%?$/.test(v))
        out.push(v.endsWith('%') ? Number(v.slice(0, -1)) / 100 : Number(v));
    }
  return out;
}

const n = (x: unknown): number => x as number;
const s = (x: unknown): string => x as string;
const count = <T>(xs: readonly T[]): Map<T, number> => {
  const m = new Map<T, number>();
  for (const x of xs) m.set(x, (m.get(x) ?? 0) + 1);
  return m;
};

/** Named statistics each chart visibly summarises, recomputed from its drawn rows. */
const DERIVED: Record<string, (rows: Row[], periphery: Set<string>) => number[]> = {
  // the largest obstacle category per region: how many regions, and how many regions have each
  'layer-obstacles': (rows) => {
    const names = [...new Set(rows.map((r) => s(r.name)))]; // top per region, whatever the repetitions
    const top = names.map(
      (nm) => rows.filter((r) => r.name === nm).reduce((a, b) => (n(b.share) > n(a.share) ? b : a)).category,
    );
    return [names.length, ...count(top).values()];
  },
  'indicator-obstacles': (rows) => {
    // (the layers repeat the rows: count distinct regions)
    const firsts = [...new Map(rows.filter((r) => r.first === true).map((r) => [r.region, r.indicator])).values()];
    return [firsts.length, ...count(firsts).values()];
  },
  // the ratio of the highest bar to the lowest; the unit "per 10,000 residents"
  'region-density': (rows) => {
    const xs = rows.filter((r) => typeof r.per10k === 'number').map((r) => n(r.per10k));
    return [Math.max(...xs) / Math.min(...xs), 10000];
  },
  // Gini = 1 − Σ (x_k − x_{k−1})(y_k + y_{k−1}) over the Lorenz points (trapezoids)
  lorenz: (rows) => {
    const pts = rows.filter((r) => 'diag' in r).sort((a, b) => n(a.x) - n(b.x));
    let area = 0;
    for (let k = 1; k < pts.length; k++) area += (n(pts[k].x) - n(pts[k - 1].x)) * (n(pts[k].y) + n(pts[k - 1].y));
    return [1 - area];
  },
  // periphery cells with LQ > 1 per field, and how many periphery regions have a cell
  'lq-heatmap': (rows, periphery) => {
    const out: number[] = [];
    for (const f of new Set(rows.map((r) => r.field))) {
      const cells = rows.filter((r) => r.field === f && typeof r.lq === 'number' && periphery.has(s(r.region)));
      out.push(cells.length, cells.filter((r) => n(r.lq) > 1).length);
    }
    return out;
  },
  // stack totals per year and each type's share of its year's total
  'type-mix-area': (rows) => {
    const total = new Map<number, number>();
    for (const r of rows) total.set(n(r.year), (total.get(n(r.year)) ?? 0) + n(r.count));
    return [...total.values(), ...rows.map((r) => n(r.count) / total.get(n(r.year))!)];
  },
  // regions per LISA cluster (0 for a cluster with no region), and the outliers HL + LH
  'map-lisa': (rows) => {
    const by = count(rows.map((r) => /\b(HH|LL|HL|LH)\b/.exec(s(r.v))?.[1] ?? 'ns'));
    const k = (c: string) => by.get(c) ?? 0;
    return [k('HH'), k('LL'), k('HL'), k('LH'), k('HL') + k('LH')];
  },
  // D = √(C·T), C = 2√(U1·U2)/(U1 + U2), T = (U1 + U2)/2 (α = β = 0.5) of every drawn point
  // (each tension's scatter: tension-scatter-1, -2, -3)
  'tension-scatter': (rows) =>
    rows
      .filter((r) => 'zone' in r && typeof r.u1 === 'number')
      .map((r) => {
        const [a, b] = [n(r.u1), n(r.u2)];
        const C = a + b > 0 ? (2 * Math.sqrt(a * b)) / (a + b) : 0;
        return Math.sqrt((C * (a + b)) / 2);
      }),
};

/** Numbers that are part of a unit, not a value ("per 10,000 residents"; zh writes 每万人). */
const UNITS = /per 10,000/g;

/** Numbers written in a title, with their decimals and whether they are percentages. */
function titleNumbers(title: string): { text: string; value: number; decimals: number; pct: boolean }[] {
  return [...title.replace(UNITS, 'per ten thousand').matchAll(/\d{1,3}(?:,\d{3})+(?:\.\d+)?%?|\d+(?:\.\d+)?%?/g)].map(
    (m) => {
      const text = m[0];
      const pct = text.endsWith('%');
      const body = text.replace(/[,%]/g, '');
      return { text, value: Number(body), decimals: body.includes('.') ? body.split('.')[1].length : 0, pct };
    },
  );
}

const matches = (t: { value: number; decimals: number; pct: boolean }, a: number): boolean => {
  const x = t.pct ? a * 100 : a;
  return Math.abs(x - t.value) <= 0.5 * 10 ** -t.decimals + 1e-9;
};

/**
 * The numbers of each chart title that are neither drawn nor a named statistic, as messages.
 * Years count as drawn once an earlier chart (or the panel) drew them, as in the report.
 */
function undrawn(results: Results, specs: Map<string, TopLevelSpec>, lang: 'zh' | 'en'): string[] {
  const panelYears = new Set<number>((results.counts as unknown as { years: number[] }).years);
  const periphery = new Set(
    (results.regions as { zh: string; en: string; zone: string }[])
      .filter((r) => r.zone === 'periphery')
      .map((r) => r[lang]),
  );
  const failures: string[] = [];
  for (const [name, spec] of specs) {
    const rows = rowsOf(spec);
    // tension-scatter-1 … -3 (one per tension) share the D recomputation of 'tension-scatter'
    const derived = DERIVED[name] ?? DERIVED[name.replace(/-\d+$/, '')];
    const allowed = [...numbersOf(rows), ...(derived?.(rows, periphery) ?? []), ...panelYears];
    for (const r of rows) if (typeof r.year === 'number') panelYears.add(r.year);
    const title = specTitle(spec);
    for (const t of titleNumbers(title)) {
      const ok = allowed.some((a) => matches(t, a)) || (t.decimals === 0 && !t.pct && panelYears.has(t.value));
      if (!ok) failures.push(`${name} (${lang}): "${t.text}" in "${title}" is neither drawn nor a named statistic`);
    }
  }
  return failures;
}

/** The map test fixtures (test/render/charts/map-fixtures.ts), one per boundary file. */
const MAP_FIXTURES: Record<string, () => Results> = {
  'inner-mongolia': () => mapResults('inner-mongolia', boundaryUnits('inner-mongolia')),
  'china-provinces': () => mapResults('china-provinces', boundaryUnits('china-provinces')),
  'china-prefectures': () => mapResults('china-prefectures', boundaryUnits('china-prefectures')),
  'us-states': () => mapResults('us-states', usStateUnits()),
};

let results: Results;
const specs: Record<'zh' | 'en', Map<string, TopLevelSpec>> = { zh: new Map(), en: new Map() };
beforeAll(async () => {
  results = await sampleResults();
  specs.zh = buildChartSpecs(results, 'zh');
  specs.en = buildChartSpecs(results, 'en');
});

describe('every number in a chart title is drawn or a named statistic of the drawn data', () => {
  for (const lang of ['zh', 'en'] as const)
    it(`${lang}: all charts of the built-in sample, maps included`, () => {
      expect([...specs[lang].keys()].filter((k) => k.startsWith('map-')).length).toBeGreaterThan(0);
      expect(undrawn(results, specs[lang], lang)).toEqual([]);
    });

  for (const [id, make] of Object.entries(MAP_FIXTURES))
    it(`the maps of the ${id} fixture, in both languages`, () => {
      const r = make();
      for (const lang of ['zh', 'en'] as const) {
        const maps = new Map<string, TopLevelSpec>();
        for (const [name, e] of Object.entries(MAP_CHARTS)) {
          const spec = e.build(r, lang);
          if (spec) maps.set(name, spec);
        }
        // two tensions in the fixtures (no map-tension-3); all prefectures draw one tension map
        expect(maps.size, `${id} ${lang}`).toBe(Object.keys(MAP_CHARTS).length - (id === 'china-prefectures' ? 2 : 1));
        expect(undrawn(r, maps, lang)).toEqual([]);
      }
    });

  it('tension-lines quotes the pooled line it draws thick (all regions together), not a mean over regions', () => {
    const rows = rowsOf(specs.zh.get('tension-lines')!);
    const pooled = rows.filter((r) => r.total === true);
    const last = Math.max(...pooled.map((r) => n(r.year)));
    const title = specTitle(specs.zh.get('tension-lines')!);
    for (const r of pooled.filter((x) => x.year === last)) expect(title).toContain(n(r.value).toFixed(3));
  });

  it('each tension has its own single-panel scatter whose title names the tension and its lowest drawn D', () => {
    const names = [...specs.zh.keys()].filter((k) => k.startsWith('tension-scatter'));
    expect(names).toEqual(['tension-scatter-1', 'tension-scatter-2', 'tension-scatter-3']);
    const tensions = (results.analyses as { tension: { tensions: { zh: string }[] } }).tension.tensions;
    names.forEach((name, i) => {
      const spec = specs.zh.get(name)! as unknown as Record<string, unknown>;
      expect(spec.hconcat, name).toBeUndefined();
      expect(specTitle(specs.zh.get(name)!)).toContain(tensions[i].zh);
    });
  });

  it('lq-heatmap quotes counts of drawn periphery cells above 1, not a pooled quotient that is in no cell', () => {
    const spec = specs.zh.get('lq-heatmap')!;
    const title = specTitle(spec);
    const rows = rowsOf(spec);
    const periphery = new Set(
      (results.regions as { zh: string; zone: string }[]).filter((r) => r.zone === 'periphery').map((r) => r.zh),
    );
    const eco = rows.filter((r) => r.field === '生态环境' && periphery.has(s(r.region)) && typeof r.lq === 'number');
    if (eco.length) expect(title).toContain(`生态环境领域区位商大于1的有${eco.filter((r) => n(r.lq) > 1).length}个`);
  });
});
