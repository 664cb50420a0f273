import { Command } from 'commander';
import type { ExitCode } from '../../src/core/exit-codes.js';
import type { CliIO } from '../../src/cli/io.js';

/** What one in-process run of a command gave: stdout, stderr, the exit code it set, and what it threw. */
export interface CommandRun {
  out: string;
  err: string;
  code: number | null;
  error: unknown;
}

/**
 * Run one soqa command in this process, from its `register…` function (the TypeScript
 * sources, no build needed), capturing stdout and stderr.
 *
 * @param register the command's register function, e.g. `registerRisk`
 * @param args the arguments, e.g. `['risk', 'x.csv', '--json']`
 * @returns the captured run
 * @example
 * const r = await runCommand(registerRisk, ['risk', '--json']); r.code; // => 0
 */
export async function runCommand(
  register: (program: Command, io: CliIO, setExit: (c: ExitCode) => void) => void,
  args: string[],
): Promise<CommandRun> {
  const run: CommandRun = { out: '', err: '', code: null, error: null };
  const io: CliIO = {
    stdout: (t: string) => void (run.out += t),
    stderr: (t: string) => void (run.err += t),
    stderrIsTTY: false,
  };
  const program = new Command().exitOverride().configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
  register(program, io, (c) => (run.code = c));
  try {
    await program.parseAsync(args, { from: 'user' });
  } catch (e) {
    run.error = e;
  }
  return run;
}
