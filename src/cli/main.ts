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

/** A command's `register…` function. */
type Register = (program: Command, io: CliIO, setExit: (c: ExitCode) => void) => void;

/**
 * Every command, in the order `soqa --help` lists them, with the module that registers it.
 * A run imports only the module of the command it names (the others pull in modules it does
 * not need: vega for `chart`, the analyses for `spatial`…), so that `soqa analyze` starts
 * reading its input sooner; help and an unknown command register them all.
 */
const COMMANDS: readonly (readonly [string, () => Promise<Register>])[] = [
  ['analyze', async () => (await import('./commands/analyze.js')).registerAnalyze],
  ['validate', async () => (await import('./commands/validate.js')).registerValidate],
  ['sample', async () => (await import('./commands/sample.js')).registerSample],
  ['profiles', async () => (await import('./commands/profiles.js')).registerProfiles],
  ['indicators', async () => (await import('./commands/indicators.js')).registerIndicators],
  ['spatial', async () => (await import('./commands/spatial.js')).registerSpatial],
  ['trends', async () => (await import('./commands/trends.js')).registerTrends],
  ['staff', async () => (await import('./commands/staff.js')).registerStaff],
  ['tension', async () => (await import('./commands/tension.js')).registerTension],
  ['report', async () => (await import('./commands/report.js')).registerReport],
  ['chart', async () => (await import('./commands/chart.js')).registerChart],
  ['risk', async () => (await import('./commands/risk.js')).registerRisk],
  ['portrait', async () => (await import('./commands/portrait.js')).registerPortrait],
];

/**
 * The register functions a run needs: none for `--version` alone, the named command's alone
 * when `argv[0]` names one, else every command (help, a mistyped command and its suggestion).
 *
 * @param argv arguments after the executable
 * @returns the register functions, in help order
 */
async function commandsFor(argv: readonly string[]): Promise<Register[]> {
  if (argv.length === 1 && (argv[0] === '-V' || argv[0] === '--version')) return [];
  const named = COMMANDS.filter(([name]) => name === argv[0]);
  return Promise.all((named.length ? named : COMMANDS).map(([, load]) => load()));
}

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
  for (const register of await commandsFor(argv)) register(program, io, setExit);
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
