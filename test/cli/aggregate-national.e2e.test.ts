import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import type { Results } from '../../src/results/results.js';
import type { TrendsSection } from '../../src/analyses/trends/trends-section.js';
import { fixture, freshDir, readCsv, readJson, removeFreshDirs, ROOT, runSoqa } from '../helpers/run-soqa.js';
import { runMain } from '../helpers/run-command.js';
import { expectValidResultsFile } from '../helpers/expect-valid-results.js';

// soqa on published national figures: test/fixtures/aggregate/national-2012-2022.csv (sources
// of every number in test/fixtures/aggregate/README.md), a wide table (a count column per
// type) whose 社会组织合计 column is the published total. soqa uses the type columns; the
// total is only checked. These tests run the commands in this
// process (`main`, test/helpers/run-command.ts); standard input goes to the BUILT program
// (build: npx tsc -p tsconfig.json).
//
// Expected figures, by hand (the total soqa divides by is the sum of the type columns):
//   2012: 271,000 + 225,000 + 3,029 = 499,029 (published 499,000: +29, rounded to thousands)
//         social groups 271,000 / 499,029 = 0.543055 (54.3%; 271,000 / 499,000 = 54.3% too)
//         private non-enterprise 225,000 / 499,029 = 0.450876 (45.1%)
//         foundations 3,029 / 499,029 = 0.006070 (0.6%)
//   2021: 371,110 + 521,900 + 8,877 = 901,887 (published ~901,900: −13)
//   2022: 370,100 + 511,900 + 9,319 = 891,319 (published 891,300: +19)
//         social groups 370,100 / 891,319 = 0.415227 (41.5%)
//         private non-enterprise 511,900 / 891,319 = 0.574317 (57.4%)
//         foundations 9,319 / 891,319 = 0.010455 (1.0%)
//   CAGR 2012→2022 (10 years), (last / first)^(1/10) − 1:
//         all (891,319 / 499,029)^0.1 − 1 = 1.786108^0.1 − 1 = 0.059719 (6.0% a year)
//         social groups (370,100 / 271,000)^0.1 − 1 = 1.365683^0.1 − 1 = 0.031656 (3.2%)
//         private non-enterprise (511,900 / 225,000)^0.1 − 1 = 2.275111^0.1 − 1 = 0.085676 (8.6%)
//         foundations (9,319 / 3,029)^0.1 − 1 = 3.076593^0.1 − 1 = 0.118941 (11.9%)

afterAll(removeFreshDirs);

const NATIONAL = fixture('aggregate/national-2012-2022.csv');
const validateResults = new Ajv({ allErrors: true, strict: false }).compile(
  JSON.parse(readFileSync(join(ROOT, 'schemas', 'results.schema.json'), 'utf8')),
);

describe('soqa trends on the national figures 2012–2022 (aggregated table)', () => {
  it('reports the social-group share falling from 54.3% to 41.5% and the private-non-enterprise share rising from 45.1% to 57.4%, with CAGR', async () => {
    const r = await runMain(['trends', NATIONAL, '--regions', 'china', '--json']);
    expect(r.status, r.stderr).toBe(0);
    const t = (JSON.parse(r.stdout) as { trends: TrendsSection }).trends;
    expect(t.window).toEqual({ from: 2012, to: 2022, requested: null });
    expect(t.types).toEqual(['social_group', 'private_non_enterprise', 'foundation']);
    expect(t.missingYears).toEqual([2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020]);
    expect(t.total?.values.filter((v) => v !== null)).toEqual([499029, 901887, 891319]);
    const sg = t.byType.social_group;
    const pne = t.byType.private_non_enterprise;
    const f = t.byType.foundation;
    expect(sg.share.change).toEqual({ fromYear: 2012, from: 271000 / 499029, toYear: 2022, to: 370100 / 891319 });
    expect(sg.share.change!.from).toBeCloseTo(0.543055, 6);
    expect(sg.share.change!.to).toBeCloseTo(0.415227, 6);
    expect(pne.share.change!.from).toBeCloseTo(0.450876, 6);
    expect(pne.share.change!.to).toBeCloseTo(0.574317, 6);
    expect(f.share.change!.to).toBeCloseTo(0.010455, 6);
    expect(t.total!.cagr).toBeCloseTo(0.059719, 6);
    expect(sg.count.cagr).toBeCloseTo(0.031656, 6);
    expect(pne.count.cagr).toBeCloseTo(0.085676, 6);
    expect(f.count.cagr).toBeCloseTo(0.118941, 6);
    expect(sg.verdict.en).toContain('54.3% in 2012 → 41.5% in 2022');
    expect(pne.verdict.en).toContain('45.1% in 2012 → 57.4% in 2022');
    expect(sg.verdict.en).toContain('CAGR +3.2% a year');
    expect(pne.verdict.en).toContain('CAGR +8.6% a year');
    expect(t.notes.map((n) => n.code)).toContain('N_MISSING_YEARS');
    // the rounded published totals disagree with the type columns: a warning for each year, not a silent fix
    expect(r.stderr).toContain(
      'line 2: count is a total over type of 499,000, but the 3 rows under it add up to 499,029: difference +29',
    );
    expect(r.stderr).toContain('within the rounding of a figure published to the nearest 1,000');
    expect(r.stderr).toContain('line 3: count is a total over type of 901,900');
    expect(r.stderr).toContain('line 4: count is a total over type of 891,300');
  });

  it('prints the stock table with the shares in the text output', async () => {
    const r = await runMain(['trends', NATIONAL, '--regions', 'china']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/2012\s+499029\s+–\s+271000\s+54\.3%\s+225000\s+45\.1%\s+3029\s+0\.6%/);
    expect(r.stdout).toMatch(/2022\s+891319\s+-1\.2%\s+370100\s+41\.5%\s+511900\s+57\.4%\s+9319\s+1\.0%/);
  });
});

describe('soqa analyze / validate on an aggregated table', () => {
  it('writes a valid results.json with shape aggregate, the total mismatches in warnings.csv and the quality note', async () => {
    const out = join(freshDir(), 'out');
    const r = await runMain(['analyze', NATIONAL, '--regions', 'china', '-o', out, '--strict', '--format', 'json']);
    // --strict: the total mismatches are findings (exit 1), the outputs are written
    expect(r.status, r.stderr).toBe(1);
    expectValidResultsFile(join(out, 'results.json'));
    const res = readJson<Results>(join(out, 'results.json'));
    expect(validateResults(res), JSON.stringify(validateResults.errors)).toBe(true);
    expect(res.provenance.shape).toBe('aggregate');
    expect(res.provenance.rows).toEqual({ read: 3, accepted: 3, rejected: 0, blank: 0 });
    expect(res.regions).toEqual([
      { code: 'CN', zh: '全国', en: 'China (national)', population: 1411778724, zone: 'periphery', tags: ['national'] },
    ]);
    expect(res.counts.byYear).toEqual([
      { year: 2012, count: 499029 },
      { year: 2021, count: 901887 },
      { year: 2022, count: 891319 },
    ]);
    expect(res.quality.warningsByCode).toEqual({ W_TOTAL_MISMATCH: 3 });
    expect((res.quality as { notes?: { code: string }[] }).notes?.map((n) => n.code)).toEqual(['N_AGGREGATE_INPUT']);
    expect(readCsv(join(out, 'warnings.csv')).map((w) => [w.line, w.code, w.column, w.value])).toEqual([
      ['2', 'W_TOTAL_MISMATCH', 'count', '499000'],
      ['3', 'W_TOTAL_MISMATCH', 'count', '901900'],
      ['4', 'W_TOTAL_MISMATCH', 'count', '891300'],
    ]);
    // every cube-level analysis ran
    expect(Object.keys(res.analyses)).toEqual(expect.arrayContaining(['indicators', 'spatial', 'trends', 'staff']));
    expect((res.analyses.staff as { skipped: boolean }).skipped).toBe(true); // no staff columns in the table
  });

  it('validate reports the findings (exit 1) and says the organization-level checks do not apply', async () => {
    const r = await runMain(['validate', NATIONAL, '--regions', 'china', '--lang', 'en']);
    expect(r.status, r.stderr).toBe(1);
    expect(r.stdout).toContain('rows read 3 = accepted 3 + rejected 0');
    expect(r.stdout).toContain('W_TOTAL_MISMATCH');
    expect(r.stdout).toContain('aggregated table: the checks of individual organizations');
  });

  it('detects the kind on standard input too, and --input-kind forces it', async () => {
    const stdin = runSoqa(['trends', '-', '--regions', 'china', '--json', '-q'], undefined, readFileSync(NATIONAL));
    expect(stdin.status, stdin.stderr).toBe(0);
    expect((JSON.parse(stdin.stdout) as { trends: TrendsSection }).trends.total?.values.at(-1)).toBe(891319);
    const forced = await runMain(['trends', NATIONAL, '--regions', 'china', '--input-kind', 'organizations']);
    expect(forced.status).toBe(2);
    expect(forced.stderr).toContain('required columns org_id, name, type, registered not found');
    const bad = await runMain(['trends', NATIONAL, '--input-kind', 'yearbook']);
    expect(bad.status).toBe(3);
    expect(bad.stderr).toContain('--input-kind');
  });

  it('a provincial table with only whole-area rows is one pseudo-region, said on stderr', async () => {
    const dir = freshDir();
    const p = join(dir, 'im-total.csv');
    writeFileSync(p, '地区,年份,社会团体,民办非企业单位,基金会\n全区,2020,6000,7000,50\n全区,2024,6500,9000,80\n');
    const r = await runMain(['trends', p, '--json']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain('analysed as one region 150000 内蒙古自治区');
    const t = (JSON.parse(r.stdout) as { trends: TrendsSection }).trends;
    expect(t.byType.private_non_enterprise.share.change).toEqual({
      fromYear: 2020,
      from: 7000 / 13050,
      toYear: 2024,
      to: 9000 / 15580,
    });
  });
});
