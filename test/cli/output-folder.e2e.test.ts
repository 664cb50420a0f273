import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { registerAnalyze } from '../../src/cli/commands/analyze.js';
import { runCommand } from '../helpers/run-command.js';

// Issue 23 through `soqa analyze` (in process): a narrower rerun leaves only its own
// files, a folder as input is a clean exit 2 naming it, and rejects.csv escapes control
// characters. The expected file lists are what each --format writes (README "Outputs").
const FIXTURES = resolve(import.meta.dirname, '..', 'fixtures');
const dir = mkdtempSync(join(tmpdir(), 'soqa-outfolder-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const analyze = (...args: string[]) => runCommand(registerAnalyze, ['analyze', ...args, '-q']);

describe('analyze and its output folder', () => {
  it('a narrower rerun (--format json after md) leaves no file of the earlier run', async () => {
    const out = join(dir, 'rerun');
    const good = join(FIXTURES, 'good-utf8.csv');
    expect((await analyze(good, '-o', out, '--format', 'json,md')).code).toBe(0);
    expect(readdirSync(out)).toContain('report.md');
    expect((await analyze(good, '-o', out, '--format', 'json')).code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['.soqa-output', 'rejects.csv', 'results.json', 'tables', 'warnings.csv']);
    // nothing is left beside the folder: no staging folder, no lock
    expect(readdirSync(dir)).toEqual(['rerun']);
  });

  it('a folder as input: exit 2 (E_INPUT_IS_DIR) naming the path, and no output folder', async () => {
    const folder = join(dir, 'inputs');
    mkdirSync(folder);
    const r = await analyze(folder, '-o', join(dir, 'never'));
    expect(r.error).toMatchObject({ code: 'E_INPUT_IS_DIR', exitCode: 2, message: expect.stringContaining(folder) });
    expect(existsSync(join(dir, 'never'))).toBe(false);
  });

  it('rejects.csv shows NUL and ESC in a value as \\u0000 and \\u001b', async () => {
    const p = join(dir, 'controls.csv');
    const good = readFileSync(join(FIXTURES, 'good-utf8.csv'), 'utf8').split('\n');
    // the second data row's name holds NUL and ESC: rejected (R_CONTROL_CHARS or the like)
    const cells = good[2].split(',');
    cells[1] = `坏\u0000名\u001b[2J`;
    writeFileSync(p, [good[0], good[1], cells.join(','), ''].join('\n'));
    const out = join(dir, 'controls');
    const r = await analyze(p, '-o', out, '--format', 'json');
    expect(r.error).toBeNull();
    const rejects = readFileSync(join(out, 'rejects.csv'), 'utf8');
    expect(rejects).toContain('坏\\u0000名\\u001b[2J');
    // eslint-disable-next-line no-control-regex
    expect(/[\u0000\u001b]/.test(rejects)).toBe(false);
  });
});
