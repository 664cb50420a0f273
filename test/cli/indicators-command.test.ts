import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { registerIndicators, INDICATOR_CSV_COLUMNS } from '../../src/cli/commands/indicators.js';
import { EXIT } from '../../src/core/exit-codes.js';
import { isSoqaError } from '../../src/core/soqa-error.js';
import type { IndicatorsSection } from '../../src/analyses/indicators/run-indicators.js';
import { runCommand } from '../helpers/run-command.js';

const dir = mkdtempSync(join(tmpdir(), 'soqa-indicators-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * A small annual-report panel: 3 regions × 2 years, 3 organizations per region-year, with
 * staff, party organisation, rating and revenue columns but no manager_age, field, beneficiaries…
 */
function panelCsv(): string {
  const header =
    'org_id,name,type,region,registered,year,staff_fulltime,staff_parttime,party_org,rating,rev_gov_purchase,rev_donations,rev_membership,rev_services,rev_other';
  const rows: string[] = [header];
  const regions = ['150100', '150200', '152900'];
  regions.forEach((region, r) => {
    for (let k = 0; k < 3; k++) {
      for (const year of [2023, 2024]) {
        const staff = 1 + r + k + (year - 2023);
        rows.push(
          [
            `ORG${r}${k}`,
            `组织${r}${k}`,
            k === 2 ? '基金会' : '社会团体',
            region,
            '2015-01-01',
            year,
            staff,
            k,
            (r + k) % 2,
            (k + r) % 5,
            1000 * (3 - r),
            500 * k,
            200,
            100 * r,
            50,
          ].join(','),
        );
      }
    }
  });
  return `${rows.join('\n')}\n`;
}
const input = join(dir, 'panel.csv');
writeFileSync(input, panelCsv());

const run = (args: string[]) => runCommand(registerIndicators, args);

describe('soqa indicators', () => {
  it('prints a readable table of the latest year by default', async () => {
    const r = await run(['indicators', input, '--runs', '20', '--lang', 'en']);
    expect(r.error).toBeNull();
    expect(r.code).toBe(EXIT.OK);
    expect(r.out).toContain('quality index 2024');
    expect(r.out).toMatch(/region\s+composition\s+function\s+output\s+composite\s+rank/);
    // region names follow --lang too: Chinese in the default (zh) table
    const zh = await run(['indicators', input, '--runs', '20', '--lang', 'zh', '-q']);
    // the zh table names the province total without its code "total" (issue 22 §12: no English under zh)
    expect(zh.out).not.toContain('total 全区合计');
    for (const name of ['150100 呼和浩特市', '150200 包头市', '152900 阿拉善盟', '全区合计'])
      expect(zh.out).toContain(name);
    expect(r.out).toContain('150100 Hohhot');
    // the absent columns are named on stderr, and the skipped indicators are listed
    expect(r.err).toContain('young_manager_share skipped');
    expect(r.err).toContain('manager_young (derived from manager_age)');
    expect(r.out).toContain('skipped: ');
  });

  it("--json prints the indicators section; --year keeps that year's rows", async () => {
    const r = await run(['indicators', input, '--json', '--year', '2023', '-q', '--runs', '10', '--seed', '5']);
    expect(r.code).toBe(EXIT.OK);
    expect(r.err).toBe('');
    const s = JSON.parse(r.out) as IndicatorsSection;
    expect(new Set(s.scores.map((x) => x.year))).toEqual(new Set([2023]));
    expect(s.scores.map((x) => x.region)).toEqual(['150100', '150200', '152900', 'total']);
    expect(s.method.monteCarlo).toMatchObject({ runs: 10, seed: 5 });
    expect(s.skipped.map((k) => k.id)).toContain('beneficiaries_per_10k');
  });

  it('--csv prints one row per unit with scores, rank interval and obstacles', async () => {
    const r = await run([
      'indicators',
      input,
      '--csv',
      '-q',
      '--weighting',
      'equal',
      '--normalize',
      'per-year',
      '--runs',
      '0',
    ]);
    expect(r.code).toBe(EXIT.OK);
    const parsed = Papa.parse<Record<string, string>>(r.out.replace(/^\uFEFF/, ''), {
      header: true,
      skipEmptyLines: true,
    });
    expect(parsed.meta.fields).toEqual(INDICATOR_CSV_COLUMNS);
    // 3 regions + the total, 2 years
    expect(parsed.data).toHaveLength(8);
    expect(parsed.data.every((row) => row.type === 'all')).toBe(true);
  });

  it('--by-type adds the per-type panels to the CSV', async () => {
    const r = await run(['indicators', input, '--csv', '-q', '--by-type', '--runs', '0', '--year', '2024']);
    const parsed = Papa.parse<Record<string, string>>(r.out.replace(/^\uFEFF/, ''), {
      header: true,
      skipEmptyLines: true,
    });
    expect(new Set(parsed.data.map((row) => row.type))).toEqual(new Set(['all', 'foundation', 'social_group']));
  });

  it('same options, same output (seeded Monte Carlo)', async () => {
    const a = await run(['indicators', input, '--json', '-q', '--runs', '30']);
    const b = await run(['indicators', input, '--json', '-q', '--runs', '30']);
    expect(a.out).toBe(b.out);
  });

  it('a broken --framework is a configuration error (exit 3) naming the field', async () => {
    const fw = JSON.parse(readFileSync(new URL('../../config/framework/default.json', import.meta.url), 'utf8'));
    fw.indicators[0].direction = 2;
    const path = join(dir, 'broken-framework.json');
    writeFileSync(path, JSON.stringify(fw));
    const r = await run(['indicators', input, '--framework', path]);
    expect(isSoqaError(r.error)).toBe(true);
    expect((r.error as { exitCode: number }).exitCode).toBe(EXIT.BAD_OPTIONS);
    expect((r.error as Error).message).toContain('/indicators/0/direction');
  });

  it('bad option values are rejected with exit 3', async () => {
    for (const args of [
      ['--weighting', 'ahp'],
      ['--normalize', 'log'],
      ['--shift', '-1'],
      ['--json', '--csv'],
      ['--year', '1999'],
    ]) {
      const r = await run(['indicators', input, '-q', '--runs', '0', ...args]);
      expect(isSoqaError(r.error), args.join(' ')).toBe(true);
      expect((r.error as { exitCode: number }).exitCode, args.join(' ')).toBe(EXIT.BAD_OPTIONS);
    }
  });

  it('--weighting manual with the default framework (no weights) says which weights are missing', async () => {
    const r = await run(['indicators', input, '-q', '--weighting', 'manual']);
    expect((r.error as Error).message).toContain('--weighting manual needs a "weight" on every indicator');
  });
});
