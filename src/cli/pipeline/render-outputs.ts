/**
 * Write the rendered outputs of a results file: charts (Vega-Lite JSON, SVG, PNG) and the
 * Markdown and HTML reports.
 */
import type { Logger } from '../../core/logger.js';
import * as msg from '../../core/messages/index.js';
import * as text from '../output/cli-text.js';
import { CHARTS, specTitle } from '../../render/charts/chart-registry.js';
import { drawCharts, type DrawChartsOptions, type DrawnChart } from '../../render/charts/draw-charts.js';
import type { Lang } from '../../render/charts/labels.js';
import type { ChartRenderer } from '../../render/charts/chart-renderer.js';
import { buildReport } from '../../render/report/build-report.js';
import { htmlFromDoc } from '../../render/report/render-html.js';
import { markdownFromDoc } from '../../render/report/render-markdown.js';
import type { Results } from '../../results/results.js';
import { loadFonts } from '../fonts/load-fonts.js';
import { createFontSubsetter, type FontSubsetter } from '../fonts/font-subsetter.js';
import type { CliIO } from '../io.js';
import type { OutputFormat } from '../options.js';
import { finalOutPath, outPath } from '../output/prepare-out-dir.js';
import { writeAtomic } from '../output/write-atomic.js';
import { needsCharts, startRendererFromEnv } from './chart-renderer-for.js';

/** Options of {@link renderOutputs}. */
export interface RenderOutputsOptions {
  /** What to write: `md` report.md, `html` report.html, `svg`/`png` charts (with their .vl.json); `json` is written by the caller. */
  formats: ReadonlySet<OutputFormat>;
  lang: Lang;
  /** Only these charts (registry names); the reports are still written when asked for. */
  only?: readonly string[];
  /** No summary line on stderr. */
  quiet?: boolean;
  /**
   * Yearly bulletin: the report gets a "what changed" section comparing `year` with
   * `compare` (default: the years of `results.analyses.bulletin`, when there is one).
   */
  bulletin?: { year: number; compare: number };
  /**
   * Where to draw the charts (default: a renderer started here with the threads that
   * `SOQA_THREADS` asks for, see `chartThreads`, and closed at the end). A caller that starts
   * one early, so that its worker threads load vega while the results are read, passes it
   * here and closes it itself.
   */
  renderer?: ChartRenderer;
  /**
   * Charts already being drawn for these results ({@link startDrawing}), e.g. started by
   * `analyze` before its last analysis, which the charts do not read; closed here.
   */
  drawing?: ChartDrawing;
}

/** Charts on their way for a results file: started by {@link startDrawing}, written by {@link renderOutputs}. */
export interface ChartDrawing {
  /**
   * The drawn charts, whether PNGs were drawn, and whether they were left out because no
   * CJK font is installed; rejects with what stopped the drawing (a font named by SOQA_FONT
   * that cannot be used, a bad SOQA_THREADS).
   */
  done: Promise<{ charts: DrawnChart[]; wantPng: boolean; noFont: boolean }>;
  /** Remove the font subsets, and close the renderer when it was started here (once; later calls do nothing). Charts still being drawn are not waited for. */
  close(): Promise<void>;
}

/** What {@link renderOutputs} wrote (paths relative to the output folder). */
export interface RenderedOutputs {
  files: string[];
  charts: string[];
}

/**
 * Render and write the charts and reports of a results file into `outDir`:
 * `charts/<name>.vl.json` and `.svg` and/or `.png` for every chart with data (PNG only
 * when a CJK font is installed: otherwise one warning through `log` and the
 * SVG is still written, never a PNG without text), `report.md` (its images point at the
 * chart files written) and `report.html` (charts inlined). Files are written atomically.
 * A chart that fails is reported through `log` and left out; the rest is still written.
 * Charts are drawn by `options.renderer` or by one started here: on a machine with several
 * processors in worker threads, several at a time; the bytes are the same either way.
 * With `options.drawing` the charts are those already started by {@link startDrawing}.
 *
 * @param results results.json (valid against the schema)
 * @param outDir absolute output folder (prepared by the caller)
 * @param options formats, language, optional chart subset, quiet
 * @param io CLI streams (a summary line on stderr unless quiet)
 * @param log logger for warnings (`W_NO_CJK_FONT`, `W_CHART_FAILED`, `W_CHART_NO_DATA`)
 * @returns the files written
 * @throws Error when a PNG cannot be drawn (the other charts' files are written first);
 *   SoqaError `E_FONT_NOT_FOUND` when SOQA_FONT names an unusable font, `E_BAD_OPTION` when
 *   SOQA_THREADS is not a whole number from 1 to 64 (without `options.renderer`)
 * @example
 * await renderOutputs(results, '/abs/out', { formats: new Set(['md', 'html', 'svg', 'png']), lang: 'zh' }, io, log);
 */
// eslint-disable-next-line max-params -- the charts helper's area (issue 24)
export async function renderOutputs(
  results: Results,
  outDir: string,
  options: RenderOutputsOptions,
  io: CliIO,
  log: Logger,
): Promise<RenderedOutputs> {
  const { formats, lang } = options;
  const files: string[] = [];
  const drawn: string[] = [];
  const wantSvg = formats.has('svg');
  const captions = new Map<string, string>();
  const svgs: Record<string, string> = {};
  const images: Record<string, string> = {};
  const drawing = options.drawing ?? startDrawing(results, options);
  try {
    const { charts, wantPng, noFont } = await drawing.done;
    if (noFont) log.warn('W_NO_CJK_FONT', msg.pngSkippedNoFont());
    const pngs: { name: string; png: PromiseSettledResult<Uint8Array> }[] = [];
    for (const c of charts) {
      if (c.status === 'failed') log.warn('W_CHART_FAILED', msg.chartFailed(c.name, c.reason));
      if (c.status === 'no-data' && options.only)
        log.warn('W_CHART_NO_DATA', msg.chartNoData(c.name, CHARTS[c.name].needs));
      if (c.status !== 'drawn') continue;
      const { name, spec, svg } = c;
      captions.set(name, specTitle(spec));
      svgs[name] = svg;
      if (wantSvg || wantPng)
        writeAtomic(outPath(outDir, `charts/${name}.vl.json`), `${JSON.stringify(spec, null, 2)}\n`);
      if (wantSvg) {
        writeAtomic(outPath(outDir, `charts/${name}.svg`), svg);
        images[name] = `charts/${name}.svg`;
      }
      if (wantPng) images[name] ??= `charts/${name}.png`;
      if (wantSvg || wantPng) drawn.push(name);
      if (c.png) pngs.push({ name, png: c.png });
    }
    for (const { name, png } of pngs) {
      if (png.status === 'rejected') throw png.reason;
      writeAtomic(outPath(outDir, `charts/${name}.png`), png.value);
    }
  } finally {
    await drawing.close();
  }
  if (formats.has('md') || formats.has('html')) {
    const doc = buildReport(results, { lang, charts: captions, bulletin: options.bulletin });
    if (formats.has('md')) {
      writeAtomic(outPath(outDir, 'report.md'), markdownFromDoc(doc, images));
      files.push('report.md');
    }
    if (formats.has('html')) {
      writeAtomic(outPath(outDir, 'report.html'), htmlFromDoc(doc, svgs));
      files.push('report.html');
    }
  }
  if (!options.quiet) io.stderr(text.wroteRendered(options.lang, finalOutPath(outDir), files, drawn.length));
  return { files, charts: drawn };
}

/**
 * Start drawing the charts of a results file (SVG, and PNG when asked for and a CJK font
 * is installed) without writing anything: the specs are built now, the drawing goes on in
 * the renderer's worker threads while the caller works, and {@link renderOutputs} writes
 * the files when given the drawing. Nothing is logged here (the missing-font warning is
 * logged by `renderOutputs`, in its usual place), and no error is thrown here: `done`
 * rejects instead.
 *
 * @param results results.json, or any results whose chart sections (counts, regions,
 *   indicators, spatial, staff, tension) are final, or become final as `options.ready` says
 * @param options formats, language, chart subset, renderer (default: one started here), and
 *   `ready` (see `DrawChartsOptions`: each chart is built when its section is final)
 * @returns the drawing
 * @example
 * const drawing = startDrawing(preview, { formats, lang, renderer });
 * // … finish the results …
 * await renderOutputs(results, outDir, { formats, lang, renderer, drawing }, io, log);
 */
export function startDrawing(
  results: Results,
  options: Pick<RenderOutputsOptions, 'formats' | 'lang' | 'only' | 'renderer'> & Pick<DrawChartsOptions, 'ready'>,
): ChartDrawing {
  const { formats, lang, only, ready } = options;
  if (!needsCharts(formats))
    return { done: Promise.resolve({ charts: [], wantPng: false, noFont: false }), close: async () => undefined };
  let renderer: ChartRenderer | undefined;
  let subsetter: FontSubsetter | null = null;
  const done = (async () => {
    const fonts = formats.has('png') ? loadFonts() : null;
    renderer = options.renderer ?? startRendererFromEnv();
    // one font subset for all charts, from their specs' characters, so that each PNG starts
    // as soon as its SVG is drawn (resvg re-reads the font file for every glyph; the PNG
    // bytes do not depend on the subset)
    const sub = fonts ? createFontSubsetter(fonts) : null;
    subsetter = sub;
    const charts = await drawCharts(results, lang, renderer, {
      only,
      ready,
      pngFonts: sub ? (svg, chartText) => sub.fontsForChart(svg, chartText) : undefined,
    });
    return { charts, wantPng: fonts !== null, noFont: formats.has('png') && fonts === null };
  })();
  done.catch(() => undefined);
  let closed = false;
  return {
    done,
    close: async () => {
      if (closed) return;
      closed = true;
      (subsetter as FontSubsetter | null)?.cleanup();
      if (!options.renderer) await renderer?.close();
    },
  };
}
