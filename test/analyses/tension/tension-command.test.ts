import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, describe, expect, it } from 'vitest';
import type { TensionSection } from '../../../src/analyses/tension/run-tension.js';
import { registerTension, TENSION_CSV_COLUMNS } from '../../../src/cli/commands/tension.js';
import { EXIT } from '../../../src/core/exit-codes.js';
import { isSoqaError } from '../../../src/core/soqa-error.js';
import { loadProfile, regionsPathFor } from '../../../src/ingest/profile/load-profile.js';
import { loadRegions } from '../../../src/ingest/regions/load-regions.js';
import { generateSample, toCsvLine } from '../../../src/sample/index.js';
import { runCommand } from '../../helpers/run-command.js';

const dir = mkdtempSync(join(tmpdir(), 'soqa-tension-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const input = join(dir, 'sample.csv');
{
  const regions = loadRegions(regionsPathFor(loadProfile('default')));
  const lines: string[] = [];
  for (const row of generateSample({ orgs: 1500, years: [2020, 2024], seed: 11, regions })) lines.push(toCsvLine(row));
  writeFileSync(input, `${lines.join('\n')}\n`);
}

const run = (args: string[]) => runCommand(registerTension, args);

describe('soqa tension', () => {
  it('prints a table per tension for the latest year with the change since the first year, and the verdicts', async () => {
    const r = await run(['tension', input, '--runs', '20', '-q', '--lang', 'en']);
    expect(r.error).toBeNull();
    expect(r.code).toBe(EXIT.OK);
    expect(r.out).toContain('triple tension 2024');
    for (const t of ['结构性张力 structural tension', '适应性张力 adaptive tension', '资源张力 resource tension'])
      expect(r.out).toContain(t);
    expect(r.out).toMatch(/region\s+U1\s+U2\s+C\s+D\s+tension\s+Δ since 2020\s+class/);
    expect(r.out).toContain('152900 Alxa');
    expect(r.out).toContain(
      'structural tension (governance efficacy vs organizational development), 2024: highest tension in',
    );
    expect(r.out).toContain('note [N_TENSION_INDICATOR_SKIPPED]');
  });

  it('--lang zh prints Chinese names, classes and verdicts', async () => {
    const r = await run(['tension', input, '--runs', '0', '-q', '--lang', 'zh']);
    expect(r.code).toBe(EXIT.OK);
    expect(r.out).toContain('152900 阿拉善盟');
    expect(r.out).toContain('结构性张力（治理效能—组织发展），2024年：张力最高的是');
  });

  it('--json prints the section with every year; --variant, --alpha and --seed reach the method', async () => {
    const r = await run([
      'tension',
      input,
      '--json',
      '-q',
      '--runs',
      '10',
      '--seed',
      '5',
      '--variant',
      'modified',
      '--alpha',
      '0.6',
    ]);
    expect(r.code).toBe(EXIT.OK);
    const { tension } = JSON.parse(r.out) as { tension: TensionSection };
    expect(tension.method).toMatchObject({ variant: 'modified', monteCarlo: { runs: 10, seed: 5 } });
    expect(tension.tensions.map((t) => t.alpha)).toEqual([0.6, 0.6, 0.6]);
    expect(tension.tensions[0].beta).toBeCloseTo(0.4, 12);
    expect(new Set(tension.tensions[0].units.map((u) => u.year))).toEqual(new Set([2020, 2021, 2022, 2023, 2024]));
  });

  it('--csv prints one row per tension, region and year', async () => {
    const r = await run(['tension', input, '--csv', '-q', '--runs', '0', '--weighting', 'equal']);
    expect(r.code).toBe(EXIT.OK);
    const parsed = Papa.parse<Record<string, string>>(r.out.replace(/^\uFEFF/, ''), {
      header: true,
      skipEmptyLines: true,
    });
    expect(parsed.meta.fields).toEqual(TENSION_CSV_COLUMNS);
    // 3 tensions × (12 regions + total) × 5 years
    expect(parsed.data).toHaveLength(3 * 13 * 5);
    expect(new Set(parsed.data.map((d) => d.tension))).toEqual(new Set(['structural', 'adaptive', 'resource']));
  });

  it('bad options exit 3', async () => {
    for (const args of [
      ['--alpha', '1.5'],
      ['--variant', 'other'],
      ['--normalize', 'zscore'],
      ['--json', '--csv'],
    ]) {
      const r = await run(['tension', input, '-q', ...args]);
      expect(isSoqaError(r.error) && r.error.exitCode, args.join(' ')).toBe(EXIT.BAD_OPTIONS);
    }
  });
});
