/**
 * Draw the charts of a results file at once: build every spec, hand each to the renderer
 * as soon as it is built, and each SVG on to PNG as soon as it is drawn.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { Results } from '../../results/results.js';
import { CHARTS, CHART_NAMES } from './chart-registry.js';
import type { ChartRenderer } from './chart-renderer.js';
import { chartText } from './chart-text.js';
import type { Lang } from './labels.js';
import type { RenderPngOptions } from './render-png.js';

/** What became of one chart, in registry order. */
export type DrawnChart =
  | { name: string; status: 'drawn'; spec: TopLevelSpec; svg: string; png: PromiseSettledResult<Uint8Array> | null }
  | { name: string; status: 'no-data' }
  | { name: string; status: 'failed'; reason: string };

/** A chart whose spec was built: the SVG and PNG on their way, or why there is none. */
type Started =
  | { name: string; failed: string }
  | { name: string; spec: null }
  | { name: string; spec: TopLevelSpec; svg: Promise<string>; png: Promise<Uint8Array> | null };

/** Options of {@link drawCharts}. */
export interface DrawChartsOptions {
  /** Only these charts (registry names); default every chart. */
  only?: readonly string[];
  /**
   * Fonts for a chart's PNG, given its SVG (e.g. a subset holding its glyphs) and a function
   * giving every character the charts drawn in this call can draw (`chartText` of their
   * specs, made once), for one subset for all; without it no PNG is drawn.
   */
  pngFonts?: (svg: string, chartText: () => string) => RenderPngOptions;
  /**
   * Resolves when the section a chart needs (`ChartEntry.needs`; null: only the counts and
   * regions) is final in `results`: each chart is built and handed to the renderer then, so
   * that charts are drawn while later analyses still run; the PNGs wait until every spec is
   * built (for `chartText`). Default: every section is final, and the specs are built at once.
   */
  ready?: (needs: string | null) => Promise<void>;
}

/**
 * Build the spec of every chart (in registry order) and draw it with `renderer`: a spec goes
 * to the renderer as soon as it is built and, with `pngFonts`, its SVG goes on to PNG as
 * soon as it is drawn, so a renderer with worker threads draws several charts at the same
 * time. The answer does not depend on the order in which the charts finish.
 *
 * @param results results.json
 * @param lang language of the charts
 * @param renderer where to draw (see `startChartRenderer`)
 * @param options `only` and `pngFonts`
 * @returns one entry per chart asked for, in registry order: drawn (spec, SVG, and the PNG
 *   or why it failed, `pngFonts` throwing included), no data, or failed (the builder or
 *   Vega threw; the reason)
 * @throws nothing: every failure is in the answer
 * @example
 * const charts = await drawCharts(results, 'zh', startChartRenderer(), { pngFonts: () => loadFonts()! });
 */
export async function drawCharts(
  results: Results,
  lang: Lang,
  renderer: ChartRenderer,
  options: DrawChartsOptions = {},
): Promise<DrawnChart[]> {
  const { only, pngFonts, ready } = options;
  let text: string | undefined;
  let markBuilt: (list: Started[]) => void = () => undefined;
  const built = new Promise<Started[]>((resolve) => (markBuilt = resolve));
  // the PNGs start once every spec is built (below), so the text is every chart's
  const allText = (list: Started[]): string => (text ??= chartText(list.flatMap((c) => ('svg' in c ? [c.spec] : []))));
  const start = (name: string): Started => {
    let spec: TopLevelSpec | null;
    try {
      spec = CHARTS[name].build(results, lang);
    } catch (e) {
      return { name, failed: (e as Error).message };
    }
    if (!spec) return { name, spec: null };
    const svg = renderer.svg(spec);
    const png = pngFonts
      ? Promise.all([svg, built]).then(([s, list]) =>
          renderer.png(
            s,
            pngFonts(s, () => allText(list)),
          ),
        )
      : null;
    return { name, spec, svg, png };
  };
  const names = CHART_NAMES.filter((name) => !only || only.includes(name));
  // without `ready` every spec is built now, before the first SVG is answered
  const starting = names.map((name) =>
    ready
      ? ready(CHARTS[name].needs).then(
          () => start(name),
          (e: unknown): Started => ({ name, failed: (e as Error).message }),
        )
      : Promise.resolve(start(name)),
  );
  void Promise.all(starting).then(markBuilt);
  const started = await built;
  // settle everything before looking at any of it: no rejection is left without a handler
  const svgs = await Promise.allSettled(started.map((c) => ('svg' in c ? c.svg : '')));
  const pngs = await Promise.allSettled(started.map((c) => ('svg' in c ? c.png : null)));
  return started.map((c, i): DrawnChart => {
    if ('failed' in c) return { name: c.name, status: 'failed', reason: c.failed };
    if (!('svg' in c)) return { name: c.name, status: 'no-data' };
    const svg = svgs[i];
    if (svg.status === 'rejected') return { name: c.name, status: 'failed', reason: (svg.reason as Error).message };
    const png = pngs[i];
    return {
      name: c.name,
      status: 'drawn',
      spec: c.spec,
      svg: svg.value,
      png: png.status === 'rejected' ? png : png.value ? { status: 'fulfilled', value: png.value } : null,
    };
  });
}
