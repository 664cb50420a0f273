import { beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { MeasureError } from '../../src/measures/measure-error.js';
import { SoqaError } from '../../src/core/soqa-error.js';
import { EXIT } from '../../src/core/exit-codes.js';
import { loadInputs } from '../../src/cli/pipeline/load-inputs.js';
import { soqaVersion } from '../../src/cli/version.js';

// The documented exit codes (README "Exit codes"), reached through main() in-process: an
// unexpected exception inside a command is exit 4 with a line asking to report it; a
// SoqaError keeps its own code and prints no stack. The failure is injected by mocking the
// module every data command reads its inputs through; the CLI itself has no test hook.
// only loadInputs is replaced; the module's other exports (parallelFromEnv…) stay real
vi.mock('../../src/cli/pipeline/load-inputs.js', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../src/cli/pipeline/load-inputs.js')>()),
  loadInputs: vi.fn(),
}));

async function run(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    stderrIsTTY: false,
  });
  return { code, stdout, stderr };
}

const REPORT_LINE = 'This is a bug in soqa. Please report it with the command you ran and, if you can, the input file.';

beforeEach(() => {
  vi.mocked(loadInputs).mockReset();
});

describe('main: exit codes and messages', () => {
  it.each([['validate'], ['analyze']])(
    'an unexpected exception in %s is exit 4 with the report-it line',
    async (command) => {
      vi.mocked(loadInputs).mockRejectedValue(new TypeError("Cannot read properties of undefined (reading 'fields')"));
      const r = await run([command, 'x.csv', '--quiet']);
      expect(r.code).toBe(EXIT.INTERNAL);
      expect(r.code).toBe(4);
      expect(r.stderr).toMatch(/^internal error: TypeError: Cannot read properties of undefined \(reading 'fields'\)/);
      expect(r.stderr).toContain(REPORT_LINE);
      expect(r.stdout).toBe('');
    },
  );

  it('a thrown non-Error value is exit 4 too', async () => {
    vi.mocked(loadInputs).mockRejectedValue('a string');
    const r = await run(['validate', 'x.csv']);
    expect(r.code).toBe(4);
    expect(r.stderr).toBe(`internal error: a string\n${REPORT_LINE}\n`);
  });

  it('a SoqaError keeps its exit code and prints one line with its code, no stack', async () => {
    vi.mocked(loadInputs).mockRejectedValue(
      new SoqaError('E_EMPTY_INPUT', 'x.csv is empty: it has no header row.', { file: 'x.csv' }),
    );
    const r = await run(['validate', 'x.csv']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('error [E_EMPTY_INPUT]: x.csv is empty: it has no header row.\n');
  });

  it("a measure's MeasureError (a plain Error with a code) is exit 3, one line, no stack", async () => {
    vi.mocked(loadInputs).mockRejectedValue(new MeasureError('entropyWeights', 'matrix has no rows'));
    const r = await run(['validate', 'x.csv']);
    expect(r.code).toBe(3);
    expect(r.stderr).toBe('error [E_MEASURE_INPUT]: entropyWeights: matrix has no rows\n');
  });

  it('bad options are exit 3 before any input is read', async () => {
    const r = await run(['validate', 'x.csv', '--encoding', 'latin1']);
    expect(r.code).toBe(EXIT.BAD_OPTIONS);
    expect(r.stderr).toContain(
      'error [E_BAD_OPTION]: option --encoding: "latin1" is not valid; expected utf-8, gb18030 (gbk), utf-16le or utf-16be.',
    );
    const unknown = await run(['validate', '--no-such-option']);
    expect(unknown.code).toBe(3);
    expect(vi.mocked(loadInputs)).not.toHaveBeenCalled();
  });

  it('--help and --version are exit 0', async () => {
    expect((await run(['--help'])).code).toBe(0);
    expect((await run(['--version'])).code).toBe(0);
  });

  it('registers only the command named (its help and errors as before), none for --version, every command otherwise', async () => {
    const help = (await run(['--help'])).stdout;
    const listed = help.slice(help.indexOf('Commands:'), help.indexOf('Environment:'));
    const every = 'analyze validate sample profiles indicators spatial trends staff tension report chart risk portrait';
    for (const c of every.split(' ')) expect(listed).toMatch(new RegExp(`\\n  ${c}\\b`));
    const analyze = await run(['analyze', '--help']);
    expect(analyze.code).toBe(0);
    expect(analyze.stdout).toMatch(/^Usage: soqa analyze \[options\] \[files\.\.\.\]/);
    expect(await run(['--version'])).toEqual({ code: 0, stdout: `${soqaVersion()}\n`, stderr: '' });
    const typo = await run(['analyse']);
    expect(typo.code).toBe(EXIT.BAD_OPTIONS);
    expect(typo.stderr).toContain('(Did you mean analyze?)');
  });

  it('--help ends with the environment variables and every exit code of src/core/exit-codes.ts', async () => {
    const help = (await run(['--help'])).stdout;
    const tail = help.slice(help.indexOf('Environment:'));
    for (const v of ['SOQA_THREADS', 'SOQA_FONT', 'SOQA_LANG', 'NO_COLOR', 'TMPDIR']) expect(tail).toContain(v);
    const codes = tail.slice(tail.indexOf('Exit codes:'));
    for (const code of Object.values(EXIT)) expect(codes).toMatch(new RegExp(`(^|\\s)${code} \\w`));
  });
});
