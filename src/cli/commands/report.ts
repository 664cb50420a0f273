import { escapeMessage } from '../output/escape-control.js';
import { paintLevel } from '../output/paint.js';
import type { Command } from 'commander';
import { dirname, resolve } from 'node:path';
import { createLogger } from '../../core/logger.js';
import { EXIT, type ExitCode } from '../../core/exit-codes.js';
import { serializeResults } from '../../results/build-results.js';
import type { CliIO } from '../io.js';
import { parseBulletinOptions, parseFormatOption } from '../options.js';
import { resolveBulletinYears } from '../pipeline/bulletin-years.js';
import { countYears } from '../../render/results-view.js';
import { abandonOutDir, commitOutDir, finalOutPath, outPath, prepareOutDir } from '../output/prepare-out-dir.js';
import { writeAtomic } from '../output/write-atomic.js';
import { writeResultTables } from '../output/write-result-tables.js';
import { readResultsFile } from '../pipeline/read-results.js';
import { needsCharts, startRendererFromEnv } from '../pipeline/chart-renderer-for.js';
import { langFrom, langOption } from '../lang-option.js';
// renderOutputs is imported when the command runs: vega, vega-lite and resvg take most of a second to load

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
  const bulletinOption = parseBulletinOptions(raw.year, raw.compare);
  // chart worker threads load vega while the results file is read and checked
  const renderer = needsCharts(formats) ? startRendererFromEnv() : undefined;
  let outDir: string | undefined;
  try {
    const results = readResultsFile(file);
    const bulletin = resolveBulletinYears(bulletinOption, countYears(results));
    const source = resolve(file);
    const target = raw.out ?? dirname(source);
    // next to the results it reads, a report updates the folder: its other files stay
    outDir = prepareOutDir(target, raw.force, {
      carryOver: resolve(target) === dirname(source),
      note: (t) => raw.quiet || io.stderr(t),
    });
    const log = createLogger((e) => {
      if (!raw.quiet && e.level !== 'info') io.stderr(`${paintLevel(e.level)}: ${escapeMessage(e.message)}\n`);
    });
    if (formats.has('json') && finalOutPath(outPath(outDir, 'results.json')) !== source)
      writeAtomic(outPath(outDir, 'results.json'), serializeResults(results));
    writeResultTables(results, outDir);
    const { renderOutputs } = await import('../pipeline/render-outputs.js');
    await renderOutputs(results, outDir, { formats, lang, quiet: raw.quiet, bulletin, renderer }, io, log);
    commitOutDir(outDir);
    return EXIT.OK;
  } finally {
    if (outDir) abandonOutDir(outDir);
    await renderer?.close();
  }
}
