/**
 * The analyze pipeline that `soqa analyze` and the library's `analyze()` both run: read,
 * validate, aggregate, run every analysis, and (with an output folder) write results.json,
 * rejects.csv, warnings.csv, the tables, the report and the charts. Nothing here parses
 * option strings, prints on its own or exits: what it says goes through `env.io` and
 * `env.log`, and what goes wrong is thrown as a `SoqaError`.
 */
import { SoqaError } from '../core/soqa-error.js';
import * as msg from '../core/messages/index.js';
import type { Results } from '../results/results.js';
import { inputShape } from '../analyses/analysis-context.js';
import type { BulletinYears } from '../analyses/bulletin/bulletin-section.js';
import type { OutputFormat } from '../cli/options.js';
import { needsCharts, startRendererFromEnv } from '../cli/pipeline/chart-renderer-for.js';
import { resolveBulletinYears } from '../cli/pipeline/bulletin-years.js';
import type { LoadedInputs } from '../cli/pipeline/load-inputs.js';
import { digestOf, loadAnalysisContext } from '../cli/pipeline/load-analysis-context.js';
import type { AnyIngestResult } from '../ingest/ingest-input.js';
import {
  abandonOutDir,
  commitOutDir,
  defaultOutName,
  finalOutPath,
  outPath,
  prepareOutDir,
} from '../cli/output/prepare-out-dir.js';
import { writeProblemsCsv } from '../cli/output/write-problems-csv.js';
import { emitProblems } from './problem-sink.js';
import type { RunAnalysisOptions, RunAnalysisOutput, RunEnv } from './run-types.js';

/** `--format` values that need the renderer (report or charts). */
const RENDERED: readonly OutputFormat[] = ['md', 'html', 'png', 'svg'];

/**
 * Run the analyze pipeline. With `options.out` the output folder is staged beside its
 * target and swapped in whole at the end (see `prepareOutDir`); the charts are drawn in
 * worker threads while the later analyses and supervision run, each as soon as the section it
 * needs is computed. Without it, nothing is written. Either way the rejected rows and
 * warnings also go to `env.problems` when given. The analyses and the renderer's modules are
 * imported while a large input's ranges are read in worker threads (after reading otherwise),
 * so that the reading starts without waiting for them.
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
  // the analyses, and the renderer's modules when something is rendered (vega and the chart
  // builders: about half a second), load on this thread while a large input's ranges are read
  // in worker threads (not before: they would hold up the start of the reading and the
  // decompression of a gzip file), else after reading
  const rendering = out && RENDERED.some((f) => formats.has(f));
  let later: Promise<typeof import('./analyse-and-write.js')> | undefined;
  let render: Promise<typeof import('../cli/pipeline/render-outputs.js')> | undefined;
  const loadLater = (): void => {
    later ??= settledLater(import('./analyse-and-write.js'));
    if (rendering) render ??= settledLater(import('../cli/pipeline/render-outputs.js'));
  };
  let outDir: string | undefined;
  let close = (): void => undefined;
  try {
    const loaded = await loadAnalysisContext(
      files,
      {
        lang: options.out?.lang,
        ...options.input,
        onReading: () => {
          loadLater();
          options.input.onReading?.();
        },
      },
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
    loadLater();
    const { analyseAndWrite } = await later!;
    const results = await analyseAndWrite(
      { context, inputs, bulletin, outDir, renderer, resultOptions, render: await render },
      options,
      env,
    );
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

/**
 * A module being imported, with its failure handled until it is awaited: the run may end
 * (an input error) before it awaits the module, and an import that failed meanwhile must not
 * end the process as an unhandled rejection. Awaiting the returned promise still throws.
 */
function settledLater<T>(loading: Promise<T>): Promise<T> {
  loading.catch(() => undefined);
  return loading;
}
