import type { Command } from 'commander';
import { inputShape, type AnalysisContext } from '../../analyses/analysis-context.js';
import { bulletinSection, type BulletinYears } from '../../analyses/bulletin/bulletin-section.js';
import { ANALYSES, runAnalyses } from '../../analyses/run-analyses.js';
import type { RulesFile } from '../../domain/rules/rules.js';
import { EXIT, type ExitCode } from '../../core/exit-codes.js';
import * as msg from '../../core/messages.js';
import { SoqaError } from '../../core/soqa-error.js';
import { INPUT_KINDS } from '../../ingest/aggregate/detect-input-kind.js';
import type { Framework } from '../../domain/framework/framework.js';
import { loadFramework } from '../../ingest/framework/load-framework.js';
import type { AnyIngestResult } from '../../ingest/ingest-input.js';
import { schemaValidator } from '../../ingest/read-json-config.js';
import { loadRules } from '../../ingest/rules/load-rules.js';
import type { ChartRenderer } from '../../render/charts/chart-renderer.js';
import { buildResults, serializeResults } from '../../results/build-results.js';
import type { Results } from '../../results/results.js';
import type { CliIO } from '../io.js';
import { langFrom, langOption } from '../lang-option.js';
import {
  parseBulletinOptions,
  parseByteSizeOption,
  parseChoiceOption,
  parseDelimiterOption,
  parseEncodingOption,
  parseFormatOption,
  parseIntOption,
  type BulletinOption,
  type OutputFormat,
} from '../options.js';
import {
  abandonOutDir,
  commitOutDir,
  defaultOutName,
  finalOutPath,
  outPath,
  prepareOutDir,
} from '../output/prepare-out-dir.js';
import { writeAtomic } from '../output/write-atomic.js';
import { writeProblemsCsv } from '../output/write-problems-csv.js';
import { writeResultTables } from '../output/write-result-tables.js';
import { resolveBulletinYears } from '../pipeline/bulletin-years.js';
import { needsCharts, startRendererFromEnv } from '../pipeline/chart-renderer-for.js';
import { MAX_INPUT_BYTES_HELP } from '../pipeline/input-options.js';
import { digestOf, loadAnalysisContext } from '../pipeline/load-analysis-context.js';
import type { InputOptions, LoadedInputs } from '../pipeline/load-inputs.js';
import { printRunSummary } from '../pipeline/print-run-summary.js';
import { STREAM_AUTO_MB, STREAM_CHOICES, type StreamChoice } from '../pipeline/stream-choice.js';
import { soqaVersion } from '../version.js';

/** Raw commander options of `soqa analyze`. */
interface AnalyzeRaw {
  out?: string;
  profile: string;
  regions?: string;
  within?: string;
  encoding?: string;
  delimiter?: string;
  headerRow?: string;
  sheet?: string;
  strict: boolean;
  quiet: boolean;
  force: boolean;
  json: boolean;
  framework: string;
  rules: string;
  inputKind?: string;
  maxInputBytes?: string;
  format: string;
  lang?: string;
  listOrganizations: boolean;
  stream: string;
  year?: string;
  compare?: string;
}

/** `--format` values that need the renderer (report or charts). */
const RENDERED: readonly OutputFormat[] = ['md', 'html', 'png', 'svg'];

/**
 * Register `soqa analyze`: read, validate, aggregate, run the analyses and write
 * results.json, rejects.csv, warnings.csv and tables under the output folder, then the
 * report (report.md, report.html) and charts (charts/) chosen with `--format`, in `--lang`.
 *
 * @param program the commander program
 * @param io CLI streams
 * @param setExit receives the command's exit code
 */
export function registerAnalyze(program: Command, io: CliIO, setExit: (c: ExitCode) => void): void {
  program
    .command('analyze')
    .description(
      'analyse registry or annual-report CSV files, or aggregated yearbook tables (default: the built-in synthetic Inner Mongolia sample), and write results.json and tables',
    )
    .argument('[files...]', 'input files (.csv, .csv.gz, .xlsx; - for stdin); several files are one dataset')
    .option('-o, --out <dir>', 'output folder (default: reports/<input name>/)')
    .option('-p, --profile <name|path>', 'input profile: built-in name or JSON file', 'default')
    .option(
      '--regions <name|path>',
      'regions file (default: the profile\'s; "auto": the smallest built-in file that places 95% of the rows)',
    )
    .option(
      '--within <province>',
      'narrow a regions file of all China (china-prefectures, china-counties) to one province: 440000, 广东省 or 广东',
    )
    .option('--encoding <name>', 'force the text encoding: utf-8, gb18030 (gbk), utf-16le, utf-16be (default: detect)')
    .option('--delimiter <char>', 'force the delimiter: , tab ; | (default: detect)')
    .option(
      '--sheet <name|n>',
      'Excel workbooks: the sheet to read, by name or number (default: the first sheet with a recognisable table)',
    )
    .option(
      '--input-kind <kind>',
      `what the input holds: ${INPUT_KINDS.join(' or ')} (an aggregated region × year × type table; default: detect from the header)`,
    )
    .option(
      '--header-row <line>',
      'the line of the header row (default: the first row within the first 30 that maps the required columns; titles and unit lines above it are skipped)',
    )
    .option('--max-input-bytes <size>', MAX_INPUT_BYTES_HELP)
    .option('--strict', 'exit 1 when any row was rejected or warned about', false)
    .option('--force', 'write into an existing folder that soqa did not create', false)
    .option('-q, --quiet', 'no progress or summary on stderr', false)
    .option('--json', 'print the run summary as JSON on stdout', false)
    .option(
      '--framework <name|path>',
      'indicator framework: built-in name or JSON file (see config/framework/default.json)',
      'default',
    )
    .option(
      '--rules <name|path>',
      'warning rules: built-in name or JSON file (see config/rules/default.json)',
      'default',
    )
    .option(
      '--format <list>',
      'outputs to write, comma-separated: json (results.json), md (report.md), html (report.html), png and svg (charts/)',
      'json,md,html,png,svg',
    )
    .addOption(langOption('the report and charts'))
    .option(
      '--year <year>',
      'yearly bulletin: the year to report on (default with --compare: the last year of the data); risk warnings are as of this year',
    )
    .option(
      '--compare <year>',
      'yearly bulletin: add a "what changed" section comparing --year with this earlier year (default with --year: the year before)',
    )
    .option(
      '--stream <when>',
      `read organization rows chunk by chunk and spill them to temporary files by organization, so that memory does not grow with the rows: ${STREAM_CHOICES.join(', ')} (auto: standard input, and inputs of ${STREAM_AUTO_MB} MB or more; registry lists are always kept in memory)`,
      'auto',
    )
    .option(
      '--list-organizations',
      'list the flagged organizations (ids, names, evidence) in analyses.supervision of results.json (default: counts only)',
      false,
    )
    .action(async (files: string[], raw: AnalyzeRaw) => setExit(await analyze(files, raw, io)));
}

/** The options of `soqa analyze`, validated. */
interface AnalyzeOptions {
  input: InputOptions;
  framework: Framework;
  rules: RulesFile;
  formats: Set<OutputFormat>;
  lang: msg.Lang;
  bulletin: BulletinOption | undefined;
  stream: StreamChoice;
}

/** Validate the options of `soqa analyze` (in the order they are reported). */
function analyzeOptions(raw: AnalyzeRaw): AnalyzeOptions {
  const encoding = parseEncodingOption(raw.encoding);
  const delimiter = parseDelimiterOption(raw.delimiter);
  const inputKind = parseChoiceOption('--input-kind', raw.inputKind, INPUT_KINDS);
  const headerRow = raw.headerRow === undefined ? undefined : parseIntOption('--header-row', raw.headerRow, 1);
  const framework = loadFramework(raw.framework);
  const rules = loadRules(raw.rules);
  const formats = parseFormatOption(raw.format);
  const lang = langFrom(raw.lang);
  const bulletin = parseBulletinOptions(raw.year, raw.compare);
  const stream = parseChoiceOption('--stream', raw.stream, STREAM_CHOICES)!;
  const { profile, regions, within, sheet, quiet } = raw;
  const input = { profile, regions, within, encoding, delimiter, sheet, quiet, inputKind, headerRow };
  return { input, framework, rules, formats, lang, bulletin, stream };
}

async function analyze(files: string[], raw: AnalyzeRaw, io: CliIO): Promise<ExitCode> {
  const opts = analyzeOptions(raw);
  // chart worker threads load vega while the input is read and analysed (only when charts are drawn)
  const renderer = needsCharts(opts.formats) ? startRendererFromEnv() : undefined;
  let outDir: string | undefined;
  let close = (): void => undefined;
  try {
    const name = files.length === 0 ? 'inner-mongolia-sample' : defaultOutName(files[0]);
    const loaded = await loadAnalysisContext(
      files,
      { ...opts.input, maxInputBytes: parseByteSizeOption('--max-input-bytes', raw.maxInputBytes) },
      {
        config: { framework: opts.framework, rules: opts.rules },
        need: 'supervision',
        stream: opts.stream,
        onLoaded: ({ ingest }) => {
          outDir = prepareOutDir(raw.out ?? `reports/${name}`, raw.force, { note: (t) => raw.quiet || io.stderr(t) });
          writeProblems(ingest, outDir);
        },
        // the run's output is its rejects: the folder gets them
        noRowsError: (ingest) => noAcceptedRowsError(ingest, commitOutDir(outDir!)),
      },
      io,
    );
    close = loaded.close;
    const { ctx, inputs } = loaded;
    const bulletin = resolveBulletinYears(opts.bulletin, ctx.cube.years);
    // a bulletin reports the warnings as of its year (organization rows of an annual panel)
    ctx.options.extra = {
      supervision: {
        listOrganizations: raw.listOrganizations,
        // and the warnings as of the year it is compared with, made in the same reading of the rows
        ...(bulletin && inputShape(ctx) === 'panel' ? { year: bulletin.year, alsoAsOf: [bulletin.compare] } : {}),
      },
    };
    const render = RENDERED.some((f) => opts.formats.has(f))
      ? await import('../pipeline/render-outputs.js')
      : undefined;
    await analyzeAndWrite({ ctx, inputs, outDir: outDir!, bulletin, render, renderer }, opts, raw, io);
    commitOutDir(outDir!);
    const { ingest } = inputs;
    const findings = ingest.counts.rejected > 0 || Object.keys(ingest.warningCounts).length > 0;
    return raw.strict && findings ? EXIT.FINDINGS : EXIT.OK;
  } finally {
    if (outDir) abandonOutDir(outDir);
    close();
    await renderer?.close();
  }
}

/** rejects.csv and warnings.csv of the run (the rejects past the first 10,000 streamed from their spill). */
function writeProblems(ingest: AnyIngestResult, outDir: string): void {
  writeProblemsCsv(outPath(outDir, 'rejects.csv'), ingest.rejects, ingest.rejectSpill, ingest.sources);
  writeProblemsCsv(outPath(outDir, 'warnings.csv'), ingest.warnings, undefined, ingest.sources);
  ingest.rejectSpill?.close();
}

/** E_NO_ROWS (exit 2) for an input without one accepted row, naming the rejects file written. */
function noAcceptedRowsError(ingest: AnyIngestResult, folder: string): SoqaError {
  return new SoqaError(
    'E_NO_ROWS',
    msg.noAcceptedRows(ingest.counts.read, ingest.counts.rejected, outPath(folder, 'rejects.csv')) +
      (ingest.counts.rejected ? `\n${digestOf(ingest)}` : ''),
    EXIT.UNUSABLE_INPUT,
  );
}

/** What {@link analyzeAndWrite} works on. */
interface AnalyzeRun {
  ctx: AnalysisContext;
  inputs: LoadedInputs;
  outDir: string;
  bulletin: BulletinYears | undefined;
  render: typeof import('../pipeline/render-outputs.js') | undefined;
  renderer: ChartRenderer | undefined;
}

/**
 * Run the analyses and write results.json, the tables, the report and the charts. The charts
 * read none of the supervision section: with charts wanted, they are drawn in the renderer's
 * threads while this thread runs supervision (and the bulletin) and writes results.json.
 */
async function analyzeAndWrite(run: AnalyzeRun, opts: AnalyzeOptions, raw: AnalyzeRaw, io: CliIO): Promise<void> {
  const { ctx, outDir, bulletin, render, renderer } = run;
  const { formats, lang } = opts;
  const later = renderer ? ['supervision'] : [];
  const analyses = runAnalyses(
    ctx,
    ANALYSES.map((a) => a.name).filter((n) => !later.includes(n)),
  );
  const resultsOf = (): Results => resultsFrom(run, opts, analyses);
  const drawing = render && renderer ? render.startDrawing(resultsOf(), { formats, lang, renderer }) : undefined;
  try {
    if (later.length) Object.assign(analyses, runAnalyses(ctx, later));
    if (bulletin) analyses.bulletin = bulletinSection(ctx, bulletin);
    const results = resultsOf();
    const valid = schemaValidator('results.schema.json');
    if (!valid(results))
      throw new SoqaError(
        'E_RESULTS_SCHEMA',
        msg.internalError(`results.json does not match its schema: ${JSON.stringify(valid.errors?.slice(0, 3))}`),
        EXIT.INTERNAL,
      );
    if (formats.has('json')) writeAtomic(outPath(outDir, 'results.json'), serializeResults(results));
    writeResultTables(results, outDir);
    printRunSummary(results, outDir, io, raw.json, raw.quiet || !formats.has('json'), lang);
    // vega, vega-lite and resvg are loaded only when something is rendered: they take most of a second to load
    if (render)
      await render.renderOutputs(
        results,
        outDir,
        { formats, lang, quiet: raw.quiet, bulletin, renderer, drawing },
        io,
        ctx.log,
      );
    else if (!raw.quiet) io.stderr(msg.wroteRendered(finalOutPath(outDir), [], 0));
  } finally {
    await drawing?.close();
  }
}

/** results.json of the run from the sections computed so far. */
function resultsFrom(run: AnalyzeRun, opts: AnalyzeOptions, analyses: Results['analyses']): Results {
  const { inputs, ctx, bulletin } = run;
  const { ingest, regions, profile } = inputs;
  const { encoding, delimiter, headerRow, sheet } = opts.input;
  return buildResults({
    version: soqaVersion(),
    ingest,
    cube: ctx.cube,
    regions,
    profileId: profile.id,
    options: {
      profile: profile.id,
      regions: regions.id,
      encoding: encoding ?? null,
      delimiter: delimiter ?? null,
      ...(headerRow ? { headerRow } : {}),
      ...(sheet !== undefined ? { sheet } : {}),
      ...(bulletin ? { year: bulletin.year, compare: bulletin.compare } : {}),
    },
    synthetic: inputs.synthetic,
    analyses,
  });
}
