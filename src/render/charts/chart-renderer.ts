/**
 * Where charts are drawn: in this thread, or in a pool of worker threads.
 */
import { availableParallelism } from 'node:os';
import type { TopLevelSpec } from 'vega-lite';
import type { RenderPngOptions } from './render-png.js';
import { tunePngAllocator } from './tune-png-allocator.js';

/** Draws charts; SVG and PNG bytes are the same whichever renderer draws them. */
export interface ChartRenderer {
  /** The SVG of a Vega-Lite spec (see `renderSvg`). */
  svg: (spec: TopLevelSpec) => Promise<string>;
  /** The PNG of an SVG (see `renderPng`). */
  png: (svg: string, fonts: RenderPngOptions) => Promise<Uint8Array>;
  /** Stop the renderer's threads (safe to call more than once; jobs still running are abandoned). */
  close: () => Promise<void>;
}

/** At most this many chart workers: 13 charts do not keep more busy, and each loads vega (~0.3 s CPU). */
export const MAX_CHART_THREADS = 3;

/**
 * How many threads to draw charts with by default: the processors this process may use,
 * at most {@link MAX_CHART_THREADS}.
 *
 * @returns 1 or more
 * @throws nothing
 * @example
 * defaultChartThreads(); // => 2 on a 2-vCPU machine
 */
export function defaultChartThreads(): number {
  return Math.max(1, Math.min(MAX_CHART_THREADS, availableParallelism()));
}

/**
 * How many threads to draw charts with for a thread setting such as `SOQA_THREADS` parsed by
 * the CLI (`parallelFromEnv`): none = one thread (this one); no number = the default
 * ({@link defaultChartThreads}); a number = that many, at most {@link MAX_CHART_THREADS}.
 *
 * @param parallel undefined for one thread, else `{ workers? }`
 * @returns 1 to {@link MAX_CHART_THREADS}
 * @throws nothing
 * @example
 * chartThreads(undefined); // => 1
 * chartThreads({ workers: 8 }); // => 3
 */
export function chartThreads(parallel: { workers?: number } | undefined): number {
  if (!parallel) return 1;
  return parallel.workers === undefined
    ? defaultChartThreads()
    : Math.max(1, Math.min(MAX_CHART_THREADS, Math.floor(parallel.workers)));
}

/**
 * A renderer that draws in this thread, one chart after another, loading vega, vega-lite
 * and resvg on first use (so code that never draws a chart does not load them), with
 * resvg's allocator options set first (`tunePngAllocator`).
 *
 * @returns the renderer; `close` does nothing
 * @throws nothing
 * @example
 * const svg = await inProcessChartRenderer().svg(spec);
 */
export function inProcessChartRenderer(): ChartRenderer {
  tunePngAllocator();
  return {
    svg: async (spec) => (await import('./render-svg.js')).renderSvg(spec),
    png: async (svg, fonts) => (await import('./render-png.js')).renderPng(svg, fonts),
    close: async () => undefined,
  };
}
