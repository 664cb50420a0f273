/**
 * Vega-Lite spec → SVG text, headless and deterministic.
 */
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { setTextMetrics } from './set-text-metrics.js';

/** Renders run one after another: Vega numbers clip paths and gradients with process-wide counters. */
let queue: Promise<unknown> = Promise.resolve();

async function renderNow(vlSpec: TopLevelSpec): Promise<string> {
  setTextMetrics();
  const vgSpec = compile(vlSpec).spec;
  const view = new vega.View(vega.parse(vgSpec), { renderer: 'none', logLevel: vega.Error });
  try {
    // reset the clip-path/gradient id counters so the same spec gives the same ids
    (vega as unknown as { resetSVGDefIds: () => void }).resetSVGDefIds();
    await view.runAsync();
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/**
 * Compile a Vega-Lite spec with vega-lite and render it headless with a Vega `View`
 * (`renderer: 'none'`) to SVG markup. Text is laid out with soqa's CJK-aware width
 * estimate ({@link setTextMetrics}). Deterministic: the same spec gives byte-identical
 * SVG, also across concurrent calls (renders are serialised). No file system access;
 * the spec must carry its data inline (`data.values`).
 *
 * @param vlSpec a complete Vega-Lite spec, e.g. from `typeMixAreaSpec`
 * @returns the SVG document as a string (starts with `<svg`)
 * @throws Error from vega-lite or vega if the spec cannot be compiled or run
 * @example
 * const svg = await renderSvg(typeMixAreaSpec(rows, { lang: 'zh', title: '民办非企业单位增长最快' }));
 */
export function renderSvg(vlSpec: TopLevelSpec): Promise<string> {
  const result = queue.then(() => renderNow(vlSpec));
  queue = result.catch(() => undefined);
  return result;
}
