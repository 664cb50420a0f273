/**
 * Worker-thread entry of the chart renderer: draws Vega-Lite specs as SVG and SVG as PNG,
 * one job at a time, with the same functions as in the main thread (`renderSvg`,
 * `renderPng`), so the bytes are the same. It loads resvg at start, and vega and vega-lite
 * at start when `workerData.svg` is true (an SVG worker), else on its first SVG job.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { errorToMessage, type ChartJob, type ChartJobAnswer } from './chart-job.js';
import { renderPng } from './render-png.js';
import type * as RenderSvg from './render-svg.js';

type RenderSvgModule = typeof RenderSvg;

/** vega and vega-lite, loaded at start by an SVG worker, on its first SVG job by a PNG worker. */
let svgModule: Promise<RenderSvgModule> | null = (workerData as { svg?: boolean } | null)?.svg
  ? import('./render-svg.js')
  : null;

const port = parentPort;
if (port) {
  // jobs are done one after another, in the order they came (the pool posts several at a time)
  let last: Promise<void> = Promise.resolve();
  port.on('message', (job: ChartJob) => {
    last = last.then(() => answer(job)).then((a) => port.postMessage(a));
  });
}

/** Do one job; errors become an answer, never an uncaught exception. */
async function answer(job: ChartJob): Promise<ChartJobAnswer> {
  try {
    if (job.kind === 'svg') {
      svgModule ??= import('./render-svg.js');
      return { id: job.id, svg: await (await svgModule).renderSvg(job.spec) };
    }
    return { id: job.id, png: renderPng(job.svg, job.fonts) };
  } catch (e) {
    return { id: job.id, error: errorToMessage(e) };
  }
}
