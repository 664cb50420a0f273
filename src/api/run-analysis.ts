/**
 * The analyze pipeline that `soqa analyze` and the library's `analyze()` both run: read,
 * validate, aggregate, run every analysis, and (with an output folder) write results.json,
 * rejects.csv, warnings.csv, the tables, the report and the charts. Nothing here parses
 * option strings, prints on its own or exits: what it says goes through `env.io` and
 * `env.log`, and what goes wrong is thrown as a `SoqaError`.
 */
import { SoqaError } from '../core/soqa-error.js';
import * as msg from '../core/messages/index.js';
import * as text from '../cli/output/cli-text.js';
import { buildResults, serializeResultsParts } from '../results/build-results.js';
import { schemaValidator } from '../ingest/read-json-config.js';
import type { Results } from '../results/results.js';
import { inputShape, type AnalysisContext } from '../analyses/analysis-context.js';
import { ANALYSES, runAnalyses } from '../analyses/run-analyses.js';
import { bulletinSection, type BulletinYears } from '../analyses/bulletin/bulletin-section.js';
import type { OutputFormat } from '../cli/options.js';
import { needsCharts, startRendererFromEnv } from '../cli/pipeline/chart-renderer-for.js';
import { resolveBulletinYears } from '../cli/pipeline/bulletin-years.js';
import type { LoadedInputs } from '../cli/pipeline/load-inputs.js';
import { digestOf, loadAnalysisContext } from '../cli/pipeline/load-analysis-context.js';
import type { AnyIngestResult } from '../ingest/ingest-input.js';
import { soqaVersion } from '../cli/version.js';
import {
  abandonOutDir,
  commitOutDir,
  defaultOutName,
  finalOutPath,
  outPath,
  prepareOutDir,
} from '../cli/output/prepare-out-dir.js';
import { writeAtomic } from '../cli/output/write-atomic.js';
import { writeProblemsCsv } from '../cli/output/write-problems-csv.js';
import { writeResultTables } from '../cli/output/write-result-tables.js';
import { emitProblems } from './problem-sink.js';
import type { RunAnalysisOptions, RunAnalysisOutput, RunEnv } from './run-types.js';

/** `--format` values that need the renderer (report or charts). */
const RENDERED: readonly OutputFormat[] = ['md', 'html', 'png', 'svg'];

/**
 * Run the analyze pipeline. With `options.out` the output folder is staged beside its
 * target and swapped in whole at the end (see `prepareOutDir`); the charts are drawn in
 * worker threads while supervision runs. Without it, nothing is written. Either way the
 * rejected rows and warnings also go to `env.problems` when given.
 *
 * @param options validated options
 * @param env where progress, warnings and problem rows go
 * @returns the results, the output folder, and whether there were findings
 * @throws SoqaError E_NO_ROWS (exit 2) when no row is usable (the folder then holds
 *   rejects.csv), E_BAD_OPTION (exit 3) for a year or core region not in the data, the
 *   ingest's errors (exit 2) and the output folder's (exit 3)
 * @example
 * const { results } = await runAnalysis({ files: [], input: { profile: 'default', quiet: true }, framework, rules, stream: 'auto', listOrganizations: false }, { io, log });
 */
export async function runAnalysis(options: RunAnalysisOptions, env: RunEnv): Promise<RunAnalysisOutput> {
  const { files, out } = options;
  const { io, log } = env;
  const formats = out?.formats ?? new Set<OutputFormat>();
  // chart worker threads load vega while the input is read and analysed (only when charts are drawn)
  const renderer = needsCharts(formats) ? startRendererFromEnv() : undefined;
  let outDir: string | undefined;
  let close = (): void => undefined;
  try {
    const loaded = await loadAnalysisContext(
      files,
      { lang: options.out?.lang, ...options.input },
      {
        config: { framework: options.framework, rules: options.rules },
        core: options.core,
        need: 'supervision',
        // one report per region selects each region's rows from those kept in memory
        stream: options.each ? 'never' : options.stream,
        log,
        onLoaded: ({ ingest }) => {
          if (out) {
            const name = files.length === 0 ? 'inner-mongolia-sample' : defaultOutName(files[0]);
            const quiet = options.input.quiet;
            outDir = prepareOutDir(out.dir ?? `reports/${name}`, out.force, { note: (t) => quiet || io.stderr(t) });
            writeProblemsCsv(outPath(outDir, 'rejects.csv'), ingest.rejects, ingest.rejectSpill, ingest.sources);
            writeProblemsCsv(outPath(outDir, 'warnings.csv'), ingest.warnings, undefined, ingest.sources);
          }
          if (env.problems) emitProblems(ingest, env.problems);
          ingest.rejectSpill?.close();
        },
        // the run's output is its rejects: the folder gets them
        noRowsError: (ingest) => noAcceptedRowsError(ingest, outDir && commitOutDir(outDir)),
      },
      io,
    );
    close = loaded.close;
    const { ctx: context, inputs } = loaded;
    const bulletin = resolveBulletinYears(options.bulletin, context.cube.years);
    // a bulletin reports the warnings as of its year (organization rows of an annual panel), and
    // the warnings as of the year it is compared with, made in the same reading of the rows
    context.options.extra = {
      supervision: {
        listOrganizations: options.listOrganizations,
        ...(bulletin && inputShape(context) === 'panel' ? { year: bulletin.year, alsoAsOf: [bulletin.compare] } : {}),
      },
      ...(options.permutations !== undefined ? { spatial: { permutations: options.permutations } } : {}),
    };
    const resultOptions = resultOptionsOf(options, inputs, bulletin);
    const results = await analyseAndWrite({ context, inputs, bulletin, outDir, renderer, resultOptions }, options, env);
    if (options.each && outDir) {
      const { runUnits } = await import('./run-units.js');
      await runUnits({ context, inputs, whole: results, bulletin, outDir, renderer, resultOptions, log }, options, env);
    }
    if (outDir) outDir = commitOutDir(outDir);
    const { ingest } = inputs;
    const findings = ingest.counts.rejected > 0 || Object.keys(ingest.warningCounts).length > 0;
    return { results, outDir: outDir && finalOutPath(outDir), findings };
  } finally {
    if (outDir) abandonOutDir(outDir);
    close();
    await renderer?.close();
  }
}

/** E_NO_ROWS (exit 2) for an input without one accepted row, naming the rejects file written when there is one. */
function noAcceptedRowsError(ingest: AnyIngestResult, folder: string | undefined): SoqaError {
  return new SoqaError(
    'E_NO_ROWS',
    (folder
      ? msg.noAcceptedRows(ingest.counts.read, ingest.counts.rejected, outPath(folder, 'rejects.csv'))
      : msg.noRowsForCommand(ingest.counts.read, ingest.counts.rejected)) +
      (ingest.counts.rejected ? `\n${digestOf(ingest)}` : ''),
  );
}

/** What {@link analyseAndWrite} works on. */
interface Prepared {
  context: AnalysisContext;
  inputs: LoadedInputs;
  bulletin?: BulletinYears;
  /** The staging folder, when writing. */
  outDir?: string;
  renderer?: ReturnType<typeof startRendererFromEnv>;
  resultOptions: Results['provenance']['options'];
}

/**
 * Run the analyses and write results.json, the tables and the rendered outputs. The charts
 * read none of the supervision section: with charts wanted, they are drawn in the
 * renderer's threads while this thread runs supervision (and the bulletin) and writes
 * results.json.
 */
async function analyseAndWrite(p: Prepared, options: RunAnalysisOptions, env: RunEnv): Promise<Results> {
  const { context, inputs, bulletin, outDir, renderer } = p;
  const { ingest, regions, profile } = inputs;
  const input = options.input;
  const formats = options.out?.formats ?? new Set<OutputFormat>();
  const lang = options.out?.lang ?? 'zh';
  const later = renderer ? ['supervision'] : [];
  const analyses = runAnalyses(
    context,
    ANALYSES.map((a) => a.name).filter((n) => !later.includes(n)),
  );
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
  const rendered = outDir && RENDERED.some((f) => formats.has(f));
  // vega, vega-lite and resvg are loaded only when something is rendered: they take most of a second to load
  const render = rendered ? await import('../cli/pipeline/render-outputs.js') : undefined;
  const drawing = render && renderer ? render.startDrawing(resultsOf(), { formats, lang, renderer }) : undefined;
  try {
    if (later.length) Object.assign(analyses, runAnalyses(context, later));
    if (bulletin) analyses.bulletin = bulletinSection(context, bulletin);
    const results = resultsOf();
    const valid = schemaValidator('results.schema.json');
    if (!valid(results))
      throw new SoqaError(
        'E_RESULTS_SCHEMA',
        msg.internalError(`results.json does not match its schema: ${JSON.stringify(valid.errors?.slice(0, 3))}`),
      );
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
    await drawing?.close();
  }
}

/** The options results.json records: those that change numbers, never output paths. */
function resultOptionsOf(
  options: RunAnalysisOptions,
  inputs: LoadedInputs,
  bulletin: BulletinYears | undefined,
): Results['provenance']['options'] {
  const input = options.input;
  return {
    profile: inputs.profile.id,
    regions: inputs.regions.id,
    encoding: input.encoding ?? null,
    delimiter: input.delimiter ?? null,
    ...(input.headerRow ? { headerRow: input.headerRow } : {}),
    ...(input.sheet !== undefined ? { sheet: input.sheet } : {}),
    ...(options.core ? { core: options.core.join(',') } : {}),
    ...(bulletin ? { year: bulletin.year, compare: bulletin.compare } : {}),
  };
}
