/**
 * A panel written by `soqa sample` and analysed later is recognised as synthetic: its
 * results carry the notice, and the report says so on the first line (item 15 of issue 22).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { registerAnalyze } from '../../src/cli/commands/analyze.js';
import { registerSample } from '../../src/cli/commands/sample.js';
import { runCommand } from '../helpers/run-command.js';

const dir = mkdtempSync(join(tmpdir(), 'soqa-sample-synthetic-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('soqa sample, analysed later', () => {
  it('marks its file with a soqa_synthetic column, and analyze says the data are synthetic', async () => {
    const file = join(dir, 'panel.csv');
    const s = await runCommand(registerSample, ['sample', '--orgs', '60', '--years', '2022-2024', '-o', file]);
    expect(s.error).toBeNull();
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    expect(lines[0].endsWith(',soqa_synthetic')).toBe(true);
    expect(lines.slice(1).every((l) => l.endsWith(',1'))).toBe(true);
    const out = join(dir, 'out');
    const a = await runCommand(registerAnalyze, ['analyze', file, '-o', out, '--format', 'json,md', '-q']);
    expect(a.error).toBeNull();
    const results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as { notice: { synthetic: boolean } };
    expect(results.notice.synthetic).toBe(true);
    expect(readFileSync(join(out, 'report.md'), 'utf8').split('\n')[0]).toMatch(/^> \*\*注意：本数据为/);
  }, 120_000);
});
