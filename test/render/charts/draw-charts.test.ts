import { beforeAll, describe, expect, it } from 'vitest';
import type { TopLevelSpec } from 'vega-lite';
import { CHART_NAMES, CHARTS } from '../../../src/render/charts/chart-registry.js';
import { chartWorkerCounts, chartWorkersAvailable } from '../../../src/render/charts/chart-worker-pool.js';
import {
  chartThreads,
  defaultChartThreads,
  inProcessChartRenderer,
  MAX_CHART_THREADS,
  type ChartRenderer,
} from '../../../src/render/charts/chart-renderer.js';
import { drawCharts } from '../../../src/render/charts/draw-charts.js';
import { startChartRenderer } from '../../../src/render/charts/start-chart-renderer.js';
import type { Results } from '../../../src/results/results.js';
import { sampleResults } from '../report/results-fixture.js';
import { withLisa } from './map-fixtures.js';

let results: Results;
beforeAll(async () => {
  results = withLisa(await sampleResults());
});

const title = (spec: TopLevelSpec): string => JSON.stringify((spec as { title?: unknown }).title);

/** A renderer that answers after a delay that makes later charts finish first. */
function shuffledRenderer(fail?: { svg?: string; png?: string }): ChartRenderer & { calls: string[] } {
  const calls: string[] = [];
  let n = 0;
  const later = <T>(value: () => T): Promise<T> =>
    new Promise((resolve, reject) =>
      setTimeout(
        () => {
          try {
            resolve(value());
          } catch (e) {
            reject(e);
          }
        },
        40 - 3 * n++,
      ),
    );
  return {
    calls,
    svg: (spec) => {
      calls.push(`svg ${title(spec)}`);
      return later(() => {
        if (fail?.svg && title(spec).includes(fail.svg)) throw new Error('vega broke');
        return `<svg>${title(spec)}</svg>`;
      });
    },
    png: (svg) => {
      calls.push('png');
      return later(() => {
        if (fail?.png && svg.includes(fail.png)) throw new Error('resvg broke');
        return new TextEncoder().encode(svg);
      });
    },
    close: async () => undefined,
  };
}

describe('drawCharts', () => {
  it('answers in registry order whatever order the charts finish in, each SVG going on to PNG', async () => {
    const renderer = shuffledRenderer();
    const fonts = { fontFiles: ['x.ttf'], defaultFontFamily: 'X' };
    const charts = await drawCharts(results, 'zh', renderer, { pngFonts: () => fonts });
    expect(charts.map((c) => c.name)).toEqual(CHART_NAMES);
    for (const c of charts) {
      expect(c.status).toBe('drawn');
      if (c.status !== 'drawn') continue;
      expect(c.spec).toEqual(CHARTS[c.name].build(results, 'zh'));
      expect(c.svg).toBe(`<svg>${title(c.spec)}</svg>`);
      expect(c.png).toEqual({ status: 'fulfilled', value: new TextEncoder().encode(c.svg) });
    }
    expect(renderer.calls.filter((c) => c === 'png')).toHaveLength(CHART_NAMES.length);
  });

  it('reports a chart whose SVG fails, keeps a PNG failure with its chart, and draws no PNG without pngFonts', async () => {
    const spec = CHARTS.lorenz.build(results, 'en')!;
    const failing = title(spec).slice(2, 20);
    const charts = await drawCharts(results, 'en', shuffledRenderer({ svg: failing }), {
      only: ['lorenz', 'zone-shares'],
    });
    expect(charts.map((c) => [c.name, c.status])).toEqual(
      [
        ['zone-shares', 'drawn'],
        ['lorenz', 'failed'],
      ].sort((a, b) => CHART_NAMES.indexOf(a[0]) - CHART_NAMES.indexOf(b[0])),
    );
    expect(charts.find((c) => c.name === 'lorenz')).toMatchObject({ reason: 'vega broke' });
    expect(charts.find((c) => c.name === 'zone-shares')).toMatchObject({ png: null });
    const withPng = await drawCharts(results, 'en', shuffledRenderer({ png: failing }), {
      only: ['lorenz'],
      pngFonts: () => ({ fontFiles: ['x'], defaultFontFamily: 'X' }),
    });
    expect(withPng[0]).toMatchObject({
      status: 'drawn',
      png: { status: 'rejected', reason: new Error('resvg broke') },
    });
  });

  it('with `ready`, builds and posts each chart once its section is final, PNGs after every spec, and answers the same', async () => {
    const fonts = { fontFiles: ['x.ttf'], defaultFontFamily: 'X' };
    const plain = await drawCharts(results, 'zh', shuffledRenderer(), { pngFonts: () => fonts });
    // the sections come one by one into a copy whose analyses start empty, as in analyze
    const growing = { ...results, analyses: {} } as Results;
    const open = new Map<string, () => void>();
    const waits = new Map<string, Promise<void>>();
    for (const s of ['indicators', 'spatial', 'staff', 'tension'])
      waits.set(s, new Promise<void>((resolve) => open.set(s, resolve)));
    const renderer = shuffledRenderer();
    const drawing = drawCharts(growing, 'zh', renderer, {
      pngFonts: () => fonts,
      ready: (needs) => (needs === null ? Promise.resolve() : waits.get(needs)!),
    });
    const tick = () => new Promise((resolve) => setImmediate(resolve));
    const posted = () => renderer.calls.filter((c) => c.startsWith('svg')).length;
    const needing = (...needs: (string | null)[]) => CHART_NAMES.filter((n) => needs.includes(CHARTS[n].needs)).length;
    await tick();
    expect(posted()).toBe(needing(null));
    for (const [k, section] of ['indicators', 'spatial', 'staff', 'tension'].entries()) {
      (growing.analyses as Record<string, unknown>)[section] = (results.analyses as Record<string, unknown>)[section];
      open.get(section)!();
      await tick();
      expect(posted()).toBe(needing(null, ...['indicators', 'spatial', 'staff', 'tension'].slice(0, k + 1)));
      if (k < 3) expect(renderer.calls).not.toContain('png'); // the PNGs wait for every spec (one font subset)
    }
    expect(await drawing).toEqual(plain);
  });

  it('with `ready` released for sections that never came (an analysis failed), ends with those charts as no data', async () => {
    const empty = { ...results, analyses: {} } as Results;
    const charts = await drawCharts(empty, 'zh', shuffledRenderer(), {
      only: ['lorenz', 'zone-shares'],
      ready: () => Promise.resolve(),
    });
    expect(charts.map((c) => [c.name, c.status])).toEqual(
      [
        ['zone-shares', 'drawn'],
        ['lorenz', 'no-data'],
      ].sort((a, b) => CHART_NAMES.indexOf(a[0]) - CHART_NAMES.indexOf(b[0])),
    );
  });

  it('says which charts have no data, and reports a builder that throws', async () => {
    const empty = { ...results, analyses: {} } as Results;
    const charts = await drawCharts(empty, 'zh', shuffledRenderer(), { only: ['lorenz'] });
    expect(charts).toEqual([{ name: 'lorenz', status: 'no-data' }]);
    const broken = { ...results, regions: 'not a list' } as unknown as Results;
    const all = await drawCharts(broken, 'zh', shuffledRenderer());
    expect(all.map((c) => c.name)).toEqual(CHART_NAMES);
  });
});

describe('chart renderers', () => {
  it('draws in this thread when asked for one thread or when run from TypeScript source', async () => {
    expect(chartWorkersAvailable()).toBe(false); // tests load src/*.ts: there is no chart-worker.js
    const spec = CHARTS.lorenz.build(results, 'zh')!;
    const one = startChartRenderer(1);
    const many = startChartRenderer(4);
    try {
      const [a, b, c] = await Promise.all([one.svg(spec), many.svg(spec), inProcessChartRenderer().svg(spec)]);
      expect(a.startsWith('<svg')).toBe(true);
      expect(b).toBe(a);
      expect(c).toBe(a);
    } finally {
      await one.close();
      await many.close();
    }
  });

  it('uses the processors, at most MAX_CHART_THREADS, one worker of them PNG only', () => {
    expect(defaultChartThreads()).toBeGreaterThanOrEqual(1);
    expect(defaultChartThreads()).toBeLessThanOrEqual(MAX_CHART_THREADS);
    expect(chartWorkerCounts(2)).toEqual({ svg: 1, png: 1 });
    expect(chartWorkerCounts(3)).toEqual({ svg: 2, png: 1 });
    expect([
      chartThreads(undefined),
      chartThreads({ workers: 2 }),
      chartThreads({ workers: 64 }),
      chartThreads({}),
    ]).toEqual([1, 2, MAX_CHART_THREADS, defaultChartThreads()]);
  });
});
