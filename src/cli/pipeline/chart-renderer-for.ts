import type { ChartRenderer } from '../../render/charts/chart-renderer.js';
import { chartThreads } from '../../render/charts/chart-renderer.js';
import { startChartRenderer } from '../../render/charts/start-chart-renderer.js';
import type { OutputFormat } from '../options.js';
import { parallelFromEnv } from './load-inputs.js';

/**
 * Whether these outputs need charts drawn: the chart files (svg, png) or report.html,
 * which holds them inline.
 *
 * @param formats the `--format` choice
 * @returns true for svg, png or html
 * @example
 * needsCharts(new Set(['json', 'md'])); // => false
 */
export function needsCharts(formats: ReadonlySet<OutputFormat>): boolean {
  return formats.has('svg') || formats.has('png') || formats.has('html');
}

/**
 * Start the chart renderer with the threads `SOQA_THREADS` asks for (its worker threads
 * begin loading vega at once), the one place commands start it.
 *
 * @returns the renderer (close it when done)
 * @throws SoqaError E_BAD_OPTION (exit 3) when SOQA_THREADS is not a whole number from 1 to 64
 * @example
 * const renderer = startRendererFromEnv();
 * try { … } finally { await renderer.close(); }
 */
export function startRendererFromEnv(): ChartRenderer {
  return startChartRenderer(chartThreads(parallelFromEnv(process.env.SOQA_THREADS)));
}
