import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { chalkStderr } from 'chalk';
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

/** What one in-process run of the whole CLI gave: the same shape as `runSoqa`'s result. */
export interface MainRun {
  status: number;
  stdout: string;
  stderr: string;
}

/**
 * Run the whole soqa CLI in this process (`main` from the TypeScript sources: every command,
 * the same option parsing and the same error-to-exit-code mapping as `bin/soqa.js`, without
 * starting a Node process and loading ~280 modules for each run). Relative paths in `args`
 * are read from `cwd`: the process's working folder is changed for the run and restored
 * after it (vitest's `forks` pool gives each test file its own process; runs are queued,
 * one at a time). With `input`, `process.stdin` is replaced for the run by a stream of those
 * bytes in 64 KiB chunks, as a pipe delivers them (a few tests pipe data to the built
 * binary, `runSoqa`, as well).
 *
 * @param args the arguments after `soqa`, e.g. `['validate', 'x.csv', '--json']`
 * @param cwd the working folder for the run (default: a fresh empty temp folder)
 * @param input bytes for standard input (`soqa … -`)
 * @returns the exit code `main` returned and the captured stdout and stderr
 * @example
 * const r = await runMain(['validate', fixture('good-utf8.csv'), '--json']); r.status; // => 0
 */
export function runMain(args: string[], cwd?: string, input?: Uint8Array): Promise<MainRun> {
  // one run at a time: each changes the working folder (and maybe stdin) of the whole process
  const run = queue.then(() => runMainNow(args, cwd, input));
  queue = run.catch(() => undefined);
  return run;
}

let queue: Promise<unknown> = Promise.resolve();

/** Standard input as a pipe would give `bytes`: 64 KiB chunks, then the end. */
function pipeOf(bytes: Uint8Array): Readable {
  const chunks: Buffer[] = [];
  for (let at = 0; at < bytes.length; at += 65536) chunks.push(Buffer.from(bytes.subarray(at, at + 65536)));
  return Readable.from(chunks, { objectMode: false });
}

async function runMainNow(args: string[], cwd: string | undefined, input: Uint8Array | undefined): Promise<MainRun> {
  const { main } = await import('../../src/cli/main.js');
  const run: MainRun = { status: -1, stdout: '', stderr: '' };
  const io: CliIO = {
    stdout: (t: string) => void (run.stdout += t),
    stderr: (t: string) => void (run.stderr += t),
    stderrIsTTY: false,
  };
  const before = process.cwd();
  const dir = cwd ?? mkdtempSync(join(tmpdir(), 'soqa-cwd-'));
  const stdin = Object.getOwnPropertyDescriptor(process, 'stdin')!;
  // no colour, as `runSoqa` runs the built program with NO_COLOR=1 (a CI runner may look like a colour terminal)
  const colour = chalkStderr.level;
  chalkStderr.level = 0;
  process.chdir(dir);
  if (input) Object.defineProperty(process, 'stdin', { configurable: true, enumerable: true, value: pipeOf(input) });
  try {
    run.status = await main(args, io);
  } finally {
    Object.defineProperty(process, 'stdin', stdin);
    chalkStderr.level = colour;
    process.chdir(before);
    if (!cwd) rmSync(dir, { recursive: true, force: true });
  }
  return run;
}
