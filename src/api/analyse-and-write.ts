/**
 * The second half of the analyze pipeline (`runAnalysis`): run the analyses on the context
 * read, and write results.json, the tables, the report and the charts. Its own module so that
 * `runAnalysis` can start reading the input before the analyses (and vega) are loaded.
 */
import * as text from '../cli/output/cli-text.js';
import { buildResults, serializeResultsParts } from '../results/build-results.js';
import { schemaValidator } from '../ingest/read-json-config.js';
import type { Results } from '../results/results.js';
import type { AnalysisContext } from '../analyses/analysis-context.js';
import type { AnalysesSections } from '../analyses/analyses-sections.js';
import { ANALYSES, runAnalyses } from '../analyses/run-analyses.js';
import { bulletinSection, type BulletinYears } from '../analyses/bulletin/bulletin-section.js';
import type { OutputFormat } from '../cli/options.js';
import type { ChartRenderer } from '../render/charts/chart-renderer.js';
import type { LoadedInputs } from '../cli/pipeline/load-inputs.js';
import { soqaVersion } from '../cli/version.js';
import { finalOutPath, outPath } from '../cli/output/prepare-out-dir.js';
import { writeAtomic } from '../cli/output/write-atomic.js';
import { writeResultTables } from '../cli/output/write-result-tables.js';
import { sectionFeed } from './section-feed.js';
import { checkOwnResults } from './check-own-results.js';
import type { RunAnalysisOptions, RunEnv } from './run-types.js';

/** What {@link analyseAndWrite} works on. */
export interface Prepared {
  context: AnalysisContext;
  inputs: LoadedInputs;
  bulletin?: BulletinYears;
  /** The staging folder, when writing. */
  outDir?: string;
  renderer?: ChartRenderer;
  resultOptions: Results['provenance']['options'];
  /** The renderer module (`render-outputs.js`), loaded by the caller while it read the input; set when something is rendered. */
  render?: typeof import('../cli/pipeline/render-outputs.js');
}

/** Let queued work run (chart specs whose section is final, answers of the chart threads) before the next analysis. */
const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Run the analyses and write results.json, the tables and the rendered outputs. The charts
 * read none of the supervision section: with charts wanted, each chart is built and handed to
 * the renderer's threads as soon as the analysis section it needs is final (the charts of the
 * counts and regions before the first analysis), so that they are drawn while this thread runs
 * the later analyses, supervision (and the bulletin) and writes results.json. The sections
 * are computed in the same order, by the same functions, either way.
 *
 * @param p the context read, the output folder, the renderer and its module
 * @param options the run's options
 * @param env where progress and warnings go
 * @returns the results
 * @throws SoqaError E_RESULTS_SCHEMA (an internal error) when the results do not match their
 *   schema, and what the analyses and the writing throw
 * @example
 * const results = await analyseAndWrite({ context, inputs, resultOptions }, options, env);
 */
export async function analyseAndWrite(p: Prepared, options: RunAnalysisOptions, env: RunEnv): Promise<Results> {
  const { context, inputs, bulletin, outDir, renderer, render } = p;
  const { ingest, regions, profile } = inputs;
  const input = options.input;
  const formats = options.out?.formats ?? new Set<OutputFormat>();
  const lang = options.out?.lang ?? 'zh';
  const analyses: AnalysesSections = {};
  const resultsOf = (): Results =>
    buildResults({
      version: soqaVersion(),
      ingest,
      cube: context.cube,
      regions,
      profileId: profile.id,
      options: p.resultOptions,
      synthetic: inputs.synthetic,
      analyses,
    });
  const names = ANALYSES.map((a) => a.name);
  const before = names.filter((n) => n !== 'supervision');
  const feed = sectionFeed(before);
  // the preview shares `analyses`: a chart built once its section is in it reads the final section
  const drawing =
    outDir && render && renderer
      ? render.startDrawing(resultsOf(), { formats, lang, renderer, ready: feed.ready })
      : undefined;
  try {
    if (drawing) {
      await tick();
      for (const name of before) {
        Object.assign(analyses, runAnalyses(context, [name]));
        feed.done(name);
        await tick();
      }
      Object.assign(analyses, runAnalyses(context, ['supervision']));
    } else Object.assign(analyses, runAnalyses(context, names));
    if (bulletin) analyses.bulletin = bulletinSection(context, bulletin);
    env.onAnalysed?.(context);
    const results = resultsOf();
    checkOwnResults(schemaValidator('results.schema.json'), results);
    if (outDir) {
      if (formats.has('json')) writeAtomic(outPath(outDir, 'results.json'), serializeResultsParts(results));
      writeResultTables(results, outDir);
    }
    env.onResults?.(results, outDir);
    if (render && outDir)
      await render.renderOutputs(
        results,
        outDir,
        { formats, lang, quiet: input.quiet, bulletin, renderer, drawing },
        env.io,
        env.log,
      );
    else if (outDir && !input.quiet) env.io.stderr(text.wroteRendered(lang, finalOutPath(outDir), [], 0));
    return results;
  } finally {
    feed.all();
    await drawing?.close();
  }
}
