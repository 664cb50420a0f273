import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFontSubsetter } from '../../../src/cli/fonts/font-subsetter.js';
import { loadFonts } from '../../../src/cli/fonts/load-fonts.js';
import { CHART_NAMES, CHARTS } from '../../../src/render/charts/chart-registry.js';
import type { ChartRenderer } from '../../../src/render/charts/chart-renderer.js';
import { renderPng } from '../../../src/render/charts/render-png.js';
import { renderSvg } from '../../../src/render/charts/render-svg.js';
import type { Results } from '../../../src/results/results.js';
import { sampleResults } from '../report/results-fixture.js';

// The chart worker threads of the BUILT program (dist/render/charts/, build with
// `npx tsc -p tsconfig.json`): worker threads need compiled JavaScript, so this test imports
// the pool from dist and compares its SVG and PNG bytes with drawing in this thread.

const POOL = resolve('dist/render/charts/chart-worker-pool.js');

describe.skipIf(!existsSync(POOL))('chart worker pool (built program)', () => {
  let results: Results;
  let pool: ChartRenderer;
  beforeAll(async () => {
    results = await sampleResults();
    const m = (await import(
      pathToFileURL(POOL).href
    )) as typeof import('../../../src/render/charts/chart-worker-pool.js');
    expect(m.chartWorkersAvailable()).toBe(true);
    pool = m.startChartWorkerPool({ svg: 2, png: 1 });
  });
  afterAll(async () => {
    await pool?.close();
  });

  it('draws every chart with the same SVG and PNG bytes as this thread, all at once', async () => {
    const fonts = loadFonts();
    const subsetter = fonts ? createFontSubsetter(fonts) : null;
    try {
      const specs = CHART_NAMES.map((name) => CHARTS[name].build(results, 'zh')).filter((s) => s !== null);
      const svgs = await Promise.all(specs.map((s) => pool.svg(s)));
      for (const [i, spec] of specs.entries()) expect(svgs[i]).toBe(await renderSvg(spec));
      if (subsetter) {
        const some = [0, specs.length - 1];
        const pngs = await Promise.all(some.map((i) => pool.png(svgs[i], subsetter.fontsFor([svgs[i]]))));
        for (const [k, i] of some.entries()) expect(Buffer.from(pngs[k]).equals(renderPng(svgs[i], fonts!))).toBe(true);
      }
    } finally {
      subsetter?.cleanup();
    }
  });

  it('fails the job, not the process, when a spec cannot be drawn, and keeps working', async () => {
    await expect(pool.svg({ mark: 'nonsense' } as never)).rejects.toThrow();
    const spec = CHARTS.lorenz.build(results, 'en')!;
    expect(await pool.svg(spec)).toBe(await renderSvg(spec));
  });

  it('holds several SVG jobs per worker: a failing one in the middle fails alone, the others keep their bytes', async () => {
    const m = (await import(
      pathToFileURL(POOL).href
    )) as typeof import('../../../src/render/charts/chart-worker-pool.js');
    const one = m.startChartWorkerPool({ svg: 1, png: 0 });
    try {
      const specs = (['lorenz', 'zone-shares', 'share-lines'] as const).map((name) =>
        CHARTS[name].build(results, 'en')!,
      );
      // posted together: the single worker holds all four and draws them in order
      const jobs = [one.svg(specs[0]), one.svg({ mark: 'nonsense' } as never), one.svg(specs[1]), one.svg(specs[2])];
      const settled = await Promise.allSettled(jobs);
      expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
      for (const [k, i] of [0, 2, 3].entries())
        expect((settled[i] as PromiseFulfilledResult<string>).value).toBe(await renderSvg(specs[k]));
    } finally {
      await one.close();
    }
  });

  it('when a worker dies, fails only the job it was doing; the jobs queued behind it are drawn by another worker', async () => {
    const m = (await import(
      pathToFileURL(POOL).href
    )) as typeof import('../../../src/render/charts/chart-worker-pool.js');
    // stand-in workers (fixtures/stand-in-chart-worker.mjs): answer with the spec's JSON, exit on { die: true }
    const two = m.startChartWorkerPool(
      { svg: 2, png: 0 },
      { script: new URL('./fixtures/stand-in-chart-worker.mjs', import.meta.url) },
    );
    try {
      // posted round-robin: worker 1 holds [die, b, d], worker 2 holds [a, c]
      const specs = [{ die: true }, { a: 1 }, { b: 2 }, { c: 3 }, { d: 4 }] as never[];
      const settled = await Promise.allSettled(specs.map((s) => two.svg(s)));
      expect(settled.map((s) => s.status)).toEqual(['rejected', 'fulfilled', 'fulfilled', 'fulfilled', 'fulfilled']);
      expect((settled[0] as PromiseRejectedResult).reason.message).toMatch(/exit code 7/);
      expect(settled.slice(1).map((s) => (s as PromiseFulfilledResult<string>).value)).toEqual([
        'svg:{"a":1}',
        'svg:{"b":2}',
        'svg:{"c":3}',
        'svg:{"d":4}',
      ]);
    } finally {
      await two.close();
    }
  });

  it('rejects jobs after close', async () => {
    const m = (await import(
      pathToFileURL(POOL).href
    )) as typeof import('../../../src/render/charts/chart-worker-pool.js');
    const p = m.startChartWorkerPool({ svg: 1, png: 0 });
    await p.close();
    await expect(p.svg(CHARTS.lorenz.build(results, 'en')!)).rejects.toThrow(/closed/);
  });
});
