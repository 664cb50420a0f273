/**
 * soqa's command-line entry. The pipeline every command shares:
 *
 *   files ──ingest──▶ Dataset ──cube──▶ Cube ──analyses──▶ results.json ──render──▶ charts, report
 *   (decode, map headers,   (typed,       (region × year ×   (composition, indicators,   (Vega-Lite, SVG/PNG,
 *    validate, reject)       columnar)     type × field)      spatial, trends, staff…)    Markdown, HTML)
 *
 * `main` never exits the process: it returns the exit code for `bin/soqa.js`.
 */
import { escapeMessage } from './output/escape-control.js';
import { Command, CommanderError } from 'commander';
import { EXIT, type ExitCode } from '../core/exit-codes.js';
import { isSoqaError } from '../core/soqa-error.js';
import { isMeasureError } from '../measures/measure-error.js';
import { ERROR_CODES } from '../core/error-codes.js';
import * as msg from '../core/messages/index.js';
import { processIO, type CliIO } from './io.js';
import { soqaVersion } from './version.js';
import { paintLevel } from './output/paint.js';
import { registerAnalyze } from './commands/analyze.js';
import { registerValidate } from './commands/validate.js';
import { registerSample } from './commands/sample.js';
import { registerProfiles } from './commands/profiles.js';
import { registerIndicators } from './commands/indicators.js';
import { registerSpatial } from './commands/spatial.js';
import { registerTrends } from './commands/trends.js';
import { registerStaff } from './commands/staff.js';
import { registerTension } from './commands/tension.js';
import { registerReport } from './commands/report.js';
import { registerChart } from './commands/chart.js';
import { registerRisk } from './commands/risk.js';
import { registerPortrait } from './commands/portrait.js';

/**
 * Run the soqa CLI.
 *
 * @param argv arguments after the executable (e.g. `['analyze', 'x.csv']`)
 * @param io where to write (default: the process streams)
 * @returns the exit code (see README "Exit codes")
 * @example
 * await main(['--version']); // => 0, prints the version
 */
export async function main(argv: string[], io: CliIO = processIO()): Promise<ExitCode> {
  let exit: ExitCode = EXIT.OK;
  const setExit = (c: ExitCode) => (exit = c);
  const program = new Command();
  program
    .name('soqa')
    .description(
      'social-organization quality analytics: indicators, concentration, trends, staff structure and tension from registry exports',
    )
    .version(soqaVersion(), '-V, --version')
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .addHelpText('after', msg.helpFooter())
    .exitOverride();
  registerAnalyze(program, io, setExit);
  registerValidate(program, io, setExit);
  registerSample(program, io, setExit);
  registerProfiles(program, io, setExit);
  registerIndicators(program, io, setExit);
  registerSpatial(program, io, setExit);
  registerTrends(program, io, setExit);
  registerStaff(program, io, setExit);
  registerTension(program, io, setExit);
  registerReport(program, io, setExit);
  registerChart(program, io, setExit);
  registerRisk(program, io, setExit);
  registerPortrait(program, io, setExit);
  for (const c of program.commands)
    c.exitOverride().configureOutput({ writeOut: io.stdout, writeErr: io.stderr }).showHelpAfterError();
  try {
    await program.parseAsync(argv, { from: 'user' });
    return exit;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help')
        return EXIT.OK;
      return EXIT.BAD_OPTIONS;
    }
    if (isSoqaError(e)) {
      io.stderr(`${paintLevel('error')} [${e.code}]: ${escapeMessage(e.message)}\n`);
      return e.exitCode;
    }
    // a measure refused its input: options or a configuration file gave it (exit 3)
    if (isMeasureError(e)) {
      io.stderr(`${paintLevel('error')} [${e.code}]: ${e.message}\n`);
      return ERROR_CODES.E_MEASURE_INPUT;
    }
    io.stderr(`${msg.internalError((e as Error)?.stack ?? String(e))}\n`);
    return EXIT.INTERNAL;
  }
}
