import { inputOptionsFrom, withReadOptions, type InputRaw } from '../pipeline/input-options.js';
import { escapeMessage } from '../output/escape-control.js';
import { paintLevel } from '../output/paint.js';
import type { Command } from 'commander';
import { createLogger, type Logger } from '../../core/logger.js';
import { EXIT, type ExitCode } from '../../core/exit-codes.js';
import { loadFramework } from '../../ingest/framework/load-framework.js';
import { loadRules } from '../../ingest/rules/load-rules.js';
import type { CliIO } from '../io.js';
import {
  parseBulletinOptions,
  parseChoiceOption,
  parseCoreOption,
  parseFormatOption,
  parsePermutationsOption,
  PERMUTATIONS_HELP,
} from '../options.js';
import { STREAM_AUTO_MB, STREAM_CHOICES } from '../pipeline/stream-choice.js';
import { printRunSummary } from '../pipeline/print-run-summary.js';
import { langFrom, langOption } from '../lang-option.js';
import { runAnalysis } from '../../api/run-analysis.js';
import { EACH_CHOICES } from '../../api/report-units.js';
import { collectAfterAnalyses } from '../pipeline/collect-garbage.js';

/** Raw commander options of `soqa analyze`. */
interface AnalyzeRaw extends InputRaw {
  out?: string;
  strict: boolean;
  force: boolean;
  json: boolean;
  framework: string;
  rules: string;
  format: string;
  listOrganizations: boolean;
  stream: string;
  year?: string;
  compare?: string;
  core?: string;
  each?: string;
  permutations?: string;
}

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
  const cmd = program
    .command('analyze')
    .description(
      'analyse registry or annual-report CSV files, or aggregated yearbook tables (default: the built-in synthetic Inner Mongolia sample), and write results.json and tables',
    )
    .argument('[files...]', 'input files (.csv, .csv.gz, .xlsx; - for stdin); several files are one dataset')
    .option('-o, --out <dir>', 'output folder (default: reports/<input name>/)');
  // the files argument and --quiet are worded for analyze; the rest is shared with the other commands
  withReadOptions(cmd)
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
      '--core <codes>',
      'core region codes, comma-separated (default: zone "core" in the regions file), e.g. 150100,150200,150600',
    )
    .option('--permutations <n>', PERMUTATIONS_HELP)
    .option(
      '--each <unit>',
      `also write one report per ${EACH_CHOICES.join(', ')} into <out>/<code>/ (per prefecture or league, comparing its counties, when the rows are placed in counties), each compared with the whole input, and an index page (index.md, index.html) linking them`,
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

async function analyze(files: string[], raw: AnalyzeRaw, io: CliIO): Promise<ExitCode> {
  const input = inputOptionsFrom(raw);
  const formats = parseFormatOption(raw.format);
  const lang = langFrom(raw.lang);
  const log: Logger = createLogger((e) => {
    if (!raw.quiet && e.level !== 'info') io.stderr(`${paintLevel(e.level)}: ${escapeMessage(e.message)}\n`);
  });
  const { findings } = await runAnalysis(
    {
      files,
      input,
      framework: loadFramework(raw.framework),
      rules: loadRules(raw.rules),
      core: parseCoreOption(raw.core),
      bulletin: parseBulletinOptions(raw.year, raw.compare),
      stream: parseChoiceOption('--stream', raw.stream, STREAM_CHOICES)!,
      listOrganizations: raw.listOrganizations,
      permutations: parsePermutationsOption(raw.permutations),
      out: { dir: raw.out, force: raw.force, formats, lang },
      each: parseChoiceOption('--each', raw.each, EACH_CHOICES),
    },
    {
      io,
      log,
      onAnalysed: collectAfterAnalyses,
      onResults: (results, outDir) =>
        printRunSummary(results, outDir!, io, { json: raw.json, quiet: raw.quiet || !formats.has('json'), lang }),
    },
  );
  return raw.strict && findings ? EXIT.FINDINGS : EXIT.OK;
}
