import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { registerAnalyze } from '../../src/cli/commands/analyze.js';
import { registerReport } from '../../src/cli/commands/report.js';
import type { RegionsFile } from '../../src/domain/regions/regions.js';
import type { Results } from '../../src/results/results.js';
import { generateSample } from '../../src/sample/index.js';
import { runCommand } from '../helpers/run-command.js';
import { freshDir, readCsv, readJson, removeFreshDirs, ROOT } from '../helpers/run-soqa.js';

// Issue 22 item 14: the table behind every section of results.json in tables/. Every expected
// row count below is read from the results.json of the same run (one row per element of the
// section's array), never from the tables themselves; headers are the documented ones
// (docs/RESULTS.md "Tables").

const FORMULA = '=HYPERLINK("http://x","y")';
let out = '';
let res: Results;

beforeAll(async () => {
  const dir = freshDir();
  // Inner Mongolia with Hohhot's English name made formula-like: every table that names regions must neutralise it
  const regions = JSON.parse(readFileSync(join(ROOT, 'data', 'regions', 'inner-mongolia.json'), 'utf8')) as RegionsFile;
  const hohhot = regions.regions.find((r) => r.code === '150100')!;
  hohhot.en = FORMULA;
  const regionsPath = join(dir, 'regions.json');
  writeFileSync(regionsPath, JSON.stringify(regions));
  const rows = [...generateSample({ orgs: 200, years: [2019, 2023], seed: 7, regions })];
  const panel = join(dir, 'panel.csv');
  writeFileSync(panel, rows.map((r) => Papa.unparse([r], { newline: '\n' })).join('\n') + '\n');
  out = join(dir, 'out');
  const run = await runCommand(registerAnalyze, [
    'analyze',
    panel,
    '--regions',
    regionsPath,
    '-o',
    out,
    '--format',
    'json',
    '-q',
  ]);
  expect(run.error, run.err).toBeNull();
  expect(run.code, run.err).toBe(0);
  res = readJson<Results>(join(out, 'results.json'));
}, 120_000);

afterAll(removeFreshDirs);

const table = (file: string) => readCsv(join(out, 'tables', file));
const header = (file: string) => readFileSync(join(out, 'tables', file), 'utf8').split('\n')[0];
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const section = (name: string): any => (res.analyses as Record<string, unknown>)[name];

describe('tables/ behind every section (analyze --format json)', () => {
  it('writes every table, each UTF-8 with a byte order mark', () => {
    const files = readdirSync(join(out, 'tables')).sort();
    expect(files).toEqual([
      'counts-by-year-region-type.csv',
      'indicator-scores.csv',
      'indicator-values.csv',
      'indicator-weights.csv',
      'risk-by-region.csv',
      'risk-by-rule.csv',
      'risk-by-type.csv',
      'spatial-regions.csv',
      'spatial-units.csv',
      'spatial-years.csv',
      'staff.csv',
      'tension-units.csv',
      'trends-by-type-year.csv',
      'trends-by-type.csv',
    ]);
    for (const f of files)
      expect(readFileSync(join(out, 'tables', f)).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it('indicators: one row per value, per region-year score and per indicator weight', () => {
    const ind = section('indicators');
    expect(header('indicator-values.csv')).toBe('\uFEFFregion,region_zh,region_en,year,indicator,layer,raw,normalized');
    expect(table('indicator-values.csv')).toHaveLength(ind.values.length);
    const layers = ind.layers.map((l: { id: string }) => `score_${l.id}`).join(',');
    expect(header('indicator-scores.csv')).toBe(
      `\uFEFFregion,region_zh,region_en,year,${layers},composite,rank,topsis,topsis_rank,median_rank,rank_p05,rank_p95`,
    );
    const scores = table('indicator-scores.csv');
    expect(scores).toHaveLength(ind.scores.length);
    const first = ind.scores[0];
    const row = scores.find((r) => r.region === first.region && Number(r.year) === first.year)!;
    expect(Number(row.composite)).toBe(first.composite);
    expect(Number(row.topsis_rank)).toBe(first.topsisRank);
    const weights = table('indicator-weights.csv');
    expect(weights.map((w) => w.indicator)).toEqual(ind.indicators.map((i: { id: string }) => i.id));
    // entropy weights sum to 1 (Fu 2025 / METHODS.md: Σ_j w_j = 1)
    expect(weights.reduce((s, w) => s + Number(w.weight), 0)).toBeCloseTo(1, 9);
  });

  it('spatial: one row per unit × year × group (all and each type), one per year of the series', () => {
    const sp = section('spatial');
    let n = 0;
    for (const y of sp.byYear) {
      n += y.all.regions.length;
      for (const g of Object.values(y.byType) as { regions: unknown[] }[]) n += g.regions.length;
    }
    expect(header('spatial-units.csv')).toBe(
      '\uFEFFyear,type,region,region_zh,region_en,zone,population,count,share,pop_share,per_10k,lq',
    );
    const units = table('spatial-units.csv');
    expect(units).toHaveLength(n);
    expect(units.filter((u) => u.type === 'all').length).toBe(sp.byYear.length * sp.byYear[0].all.regions.length);
    expect(table('spatial-years.csv')).toHaveLength(sp.series.length);
  });

  it('trends: one row per type (and total) × year, one summary row per type (and total)', () => {
    const tr = section('trends');
    const types = Object.keys(tr.byType);
    expect(header('trends-by-type-year.csv')).toBe('\uFEFFtype,year,count,growth,share');
    const yearly = table('trends-by-type-year.csv');
    expect(yearly).toHaveLength((types.length + 1) * tr.years.length);
    const last = tr.years.length - 1;
    expect(Number(yearly.find((r) => r.type === 'total' && Number(r.year) === tr.years[last])!.count)).toBe(
      tr.total.values[last],
    );
    expect(table('trends-by-type.csv').map((r) => r.type)).toEqual(['total', ...types]);
  });

  it('staff: one row per year for all, each region and each type', () => {
    const st = section('staff');
    const n = st.byYear.reduce(
      (s: number, y: { byRegion: unknown[]; byType: unknown[] }) => s + 1 + y.byRegion.length + y.byType.length,
      0,
    );
    const rows = table('staff.csv');
    expect(rows).toHaveLength(n);
    expect(header('staff.csv').startsWith('\uFEFFyear,scope,region,region_zh,region_en,type,organizations,')).toBe(
      true,
    );
    expect(Number(rows[0].cert_total)).toBe(st.byYear[0].all.certified.total);
  });

  it('tension: one row per tension × unit', () => {
    const te = section('tension');
    const n = te.tensions.reduce((s: number, t: { units: unknown[] }) => s + t.units.length, 0);
    expect(n).toBeGreaterThan(0);
    expect(table('tension-units.csv')).toHaveLength(n);
    expect(header('tension-units.csv')).toBe(
      '\uFEFFtension_id,region,region_zh,region_en,year,u1_subsystem,u1,u2_subsystem,u2,coupling,coordination,degree,tension,class_index,class_zh,class_en,lagging,gap,tension_p05,tension_p95,class_agreement,robust,informative',
    );
  });

  it('risk: totals by rule, region and type add up to the supervision section', () => {
    const w = section('supervision').warnings;
    expect(header('risk-by-rule.csv')).toBe('\uFEFFrule,rule_zh,rule_en,severity,action,applied,organizations');
    expect(table('risk-by-rule.csv')).toHaveLength(w.byRule.length);
    const byRegion = table('risk-by-region.csv');
    expect(byRegion).toHaveLength(w.byRegion.length);
    expect(header('risk-by-region.csv')).toBe(
      '\uFEFFregion,region_zh,region_en,evaluated,supervised,flagged,warnings,high,medium,low',
    );
    // every warning is in exactly one region and one type
    expect(byRegion.reduce((s, r) => s + Number(r.warnings), 0)).toBe(w.total);
    expect(table('risk-by-type.csv').reduce((s, r) => s + Number(r.warnings), 0)).toBe(w.total);
  });

  it('neutralises a formula-like region name in every table that names regions', () => {
    const named = [
      'indicator-values.csv',
      'indicator-scores.csv',
      'spatial-units.csv',
      'staff.csv',
      'tension-units.csv',
      'risk-by-region.csv',
    ];
    for (const f of named) {
      const cells = table(f)
        .filter((r) => r.region === '150100')
        .map((r) => r.region_en);
      expect(cells.length, f).toBeGreaterThan(0);
      expect(new Set(cells), f).toEqual(new Set([`'${FORMULA}`]));
    }
  });

  it('soqa report writes the same bytes from results.json', async () => {
    const other = join(freshDir(), 'again');
    const run = await runCommand(registerReport, [
      'report',
      join(out, 'results.json'),
      '-o',
      other,
      '--format',
      'json',
      '-q',
    ]);
    expect(run.code, run.err).toBe(0);
    for (const f of readdirSync(join(out, 'tables')))
      expect(readFileSync(join(other, 'tables', f)).equals(readFileSync(join(out, 'tables', f))), f).toBe(true);
  }, 60_000);
});
