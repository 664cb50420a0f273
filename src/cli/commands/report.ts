import { escapeMessage } from '../output/escape-control.js';
import { paintLevel } from '../output/paint.js';
import type { Command } from 'commander';
import { dirname, resolve } from 'node:path';
import { createLogger } from '../../core/logger.js';
import { EXIT, type ExitCode } from '../../core/exit-codes.js';
import type { CliIO } from '../io.js';
import { parseBulletinOptions, parseFormatOption } from '../options.js';
import { readResultsFile } from '../pipeline/read-results.js';
import { langFrom, langOption } from '../lang-option.js';
import { writeReport } from '../../api/write-report.js';

/** Raw commander options of `soqa report`. */
interface ReportRaw {
  out?: string;
  lang?: string;
  format: string;
  force: boolean;
  quiet: boolean;
  year?: string;
  compare?: string;
}

/**
 * Register `soqa report RESULTS.json`: re-render the report and charts from a results file
 * without recomputing anything. The file is validated against the results schema first
 * (exit 2 when it does not match).
 *
 * @param program the commander program
 * @param io CLI streams
 * @param setExit receives the command's exit code
 */
export function registerReport(program: Command, io: CliIO, setExit: (c: ExitCode) => void): void {
  program
    .command('report')
    .description('re-render report.md, report.html and the charts from a results.json, without recomputing')
    .argument('<results>', 'a results.json written by soqa analyze')
    .option('-o, --out <dir>', 'output folder (default: the folder of the results file)')
    .addOption(langOption('the report and charts'))
    .option(
      '--format <list>',
      'outputs, comma-separated: md, html, png, svg; json copies results.json into --out',
      'md,html,png,svg',
    )
    .option(
      '--year <year>',
      'yearly bulletin: the year to report on (default with --compare: the last year in the results)',
    )
    .option(
      '--compare <year>',
      'yearly bulletin: add a "what changed" section comparing --year with this earlier year (default with --year: the year before; default without either: the years of soqa analyze --year/--compare)',
    )
    .option('--force', 'write into an existing folder that soqa did not create', false)
    .option('-q, --quiet', 'no summary or warnings on stderr', false)
    .action(async (file: string, raw: ReportRaw) => setExit(await report(file, raw, io)));
}

async function report(file: string, raw: ReportRaw, io: CliIO): Promise<ExitCode> {
  const formats = parseFormatOption(raw.format);
  const lang = langFrom(raw.lang);
  const bulletin = parseBulletinOptions(raw.year, raw.compare);
  const results = readResultsFile(file);
  const source = resolve(file);
  const target = raw.out ?? dirname(source);
  const log = createLogger((e) => {
    if (!raw.quiet && e.level !== 'info') io.stderr(`${paintLevel(e.level)}: ${escapeMessage(e.message)}\n`);
  });
  // next to the results it reads, a report updates the folder: its other files stay
  await writeReport(
    results,
    {
      outDir: target,
      formats,
      lang,
      force: raw.force,
      carryOver: resolve(target) === dirname(source),
      bulletin,
      quiet: raw.quiet,
      source,
    },
    io,
    log,
  );
  return EXIT.OK;
}
