/**
 * Choose and start the chart renderer for a run.
 */
import { defaultChartThreads, inProcessChartRenderer, type ChartRenderer } from './chart-renderer.js';
import { chartWorkerCounts, chartWorkersAvailable, startChartWorkerPool } from './chart-worker-pool.js';

/**
 * Start drawing charts with `threads` threads: a pool of that many worker threads when there
 * is more than one and workers are available (a compiled build; one of them only draws
 * PNG, see `chartWorkerCounts`), else this thread. Start it
 * early (before reading the results) so the workers load vega while the caller works; end
 * it with `close()`.
 *
 * @param threads number of threads (default {@link defaultChartThreads}: the processors, at most 3)
 * @returns the renderer (this thread's when no worker can be started)
 * @throws nothing
 * @example
 * const renderer = startChartRenderer();
 * try { await renderOutputs(results, dir, { formats, lang, renderer }, io, log); } finally { await renderer.close(); }
 */
export function startChartRenderer(threads: number = defaultChartThreads()): ChartRenderer {
  if (threads > 1 && chartWorkersAvailable()) {
    try {
      return startChartWorkerPool(chartWorkerCounts(threads));
    } catch {
      // no worker thread could be started (e.g. a resource limit): draw here, the bytes are the same
    }
  }
  return inProcessChartRenderer();
}
