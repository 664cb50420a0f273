import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { registerAnalyze } from '../../src/cli/commands/analyze.js';
import { analyze } from '../../src/index.js';
import type { Results } from '../../src/results/results.js';
import type { UnitComparison } from '../../src/api/unit-comparison.js';
import { runCommand } from '../helpers/run-command.js';
import { fixture, freshDir, removeFreshDirs } from '../helpers/run-soqa.js';
import { expectValidResultsFile } from '../helpers/expect-valid-results.js';

// soqa analyze --each region: one folder per region with rows, an index page, each unit's
// comparison with the whole input. Expected numbers are counted by hand from the inputs.

afterAll(removeFreshDirs);

const read = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;

describe('--each region on league-level rows (good-utf8.csv)', () => {
  // good-utf8.csv, by region and year (hand count of its 7 rows):
  //   150100: 志愿服务协会 2023, 2024; 书法家协会 2023, 2024  → 2023: 2, 2024: 2
  //   150200: 阳光养老服务中心 2023, 2024                   → 2023: 1, 2024: 1
  //   150600: 生态保护基金会 2024                            → 2024: 1
  let out: string;
  beforeAll(async () => {
    out = join(freshDir(), 'each');
    const r = await runCommand(registerAnalyze, [
      'analyze',
      fixture('good-utf8.csv'),
      '--each',
      'region',
      '-o',
      out,
      '--format',
      'json,md',
      '-q',
    ]);
    expect(r.error).toBeNull();
    expect(r.code).toBe(0);
  });

  it('writes the whole input, one folder per region with rows, and index.md/index.html', () => {
    const entries = readdirSync(out).sort();
    expect(entries.filter((e) => /^\d{6}$/.test(e))).toEqual(['150100', '150200', '150600']);
    for (const f of ['results.json', 'report.md', 'rejects.csv', 'index.md', 'index.html'])
      expect(existsSync(join(out, f)), f).toBe(true);
    for (const code of ['150100', '150200', '150600']) {
      expectValidResultsFile(join(out, code, 'results.json'));
      expect(existsSync(join(out, code, 'report.md')), code).toBe(true);
      expect(existsSync(join(out, code, 'tables')), code).toBe(true);
    }
  });

  it("each region's counts are its rows in the input", () => {
    const counts = (code: string) =>
      read<Results>(join(out, code, 'results.json')).counts.byYear.map((c) => [c.year, c.count]);
    expect(counts('150100')).toEqual([
      [2023, 2],
      [2024, 2],
    ]);
    expect(counts('150200')).toEqual([
      [2023, 1],
      [2024, 1],
    ]);
    expect(counts('150600')).toEqual([[2024, 1]]);
  });

  it('puts each region beside the whole: count, share and rank in the last year (2024: 2, 1, 1 of 4)', () => {
    const unit = (code: string) => read<Results>(join(out, code, 'results.json')).analyses.unit as UnitComparison;
    expect(unit('150100')).toMatchObject({ year: 2024, count: 2, total: 4, share: 0.5, rank: 1, of: 3 });
    expect(unit('150200')).toMatchObject({ count: 1, share: 0.25, rank: 2 });
    expect(unit('150600')).toMatchObject({ count: 1, share: 0.25, rank: 2 });
    // one region each: the spatial sections are skipped with a note, in the report too
    const r = read<Results>(join(out, '150100', 'results.json'));
    expect(r.analyses.spatial).toMatchObject({ skipped: true, reason: 'one-region' });
    expect(readFileSync(join(out, '150100', 'report.md'), 'utf8')).toContain('未细分到旗县区');
  });

  it("each unit's report starts with the comparison (2024: 2 of 4, 50.0%, 1st of 3; 1, 25.0%, tied 2nd)", () => {
    const md = (code: string) => readFileSync(join(out, code, 'report.md'), 'utf8');
    expect(md('150100')).toContain('## 一、与全部数据比较');
    expect(md('150100')).toContain('2024年，呼和浩特市有社会组织2个，占全部数据（4个）的50.0%，在3个地区中居第1位');
    expect(md('150100')).toContain('| 项目 | 呼和浩特市 | 在3个地区中的排名 |');
    expect(md('150100')).toContain('| 社会组织数（2024年） | 2 | 1 |');
    expect(md('150100')).toContain('| 全部数据的社会组织数 | 4 | — |');
    expect(md('150100')).toContain('| 占全部数据 | 50.0% | 1 |');
    expect(md('150600')).toContain('| 社会组织数（2024年） | 1 | 2 |');
    expect(md('150600')).toContain('| 占全部数据 | 25.0% | 2 |');
    expect(existsSync(join(out, '150100', 'tables', 'unit-comparison.csv'))).toBe(true);
    // the whole input's report and tables have no unit section
    expect(readFileSync(join(out, 'report.md'), 'utf8')).not.toContain('与全部数据比较');
    expect(existsSync(join(out, 'tables', 'unit-comparison.csv'))).toBe(false);
  });

  it('the index links every region, best rank first', () => {
    const md = readFileSync(join(out, 'index.md'), 'utf8');
    const links = [...md.matchAll(/\]\((\d{6})\/report\.md\)/g)].map((m) => m[1]);
    expect(links).toEqual(['150100', '150200', '150600']);
    expect(md).toContain('| 1/3 | [呼和浩特市](150100/report.md) | 2 | 50.0% |');
    const html = readFileSync(join(out, 'index.html'), 'utf8');
    expect(html).toContain('<a href="150100/report.md">呼和浩特市</a>');
  });
});

describe('--each region on county-level rows', () => {
  // 5 organizations in 2024 placed in counties of two leagues (codes of china-counties):
  //   Hohhot 150100: 新城区 150102 ×2, 回民区 150103 ×1; Baotou 150200: 东河区 150202 ×2
  let out: string;
  beforeAll(async () => {
    const dir = freshDir();
    const csv = join(dir, 'counties.csv');
    const row = (id: string, county: string, type: string) =>
      `${id},组织${id.slice(-3)},${type},${county},2015-01-01,2024`;
    writeFileSync(
      csv,
      [
        'org_id,name,type,region,registered,year',
        row('51150102MJ0000001', '150102', 'social_group'),
        row('51150102MJ0000002', '150102', 'private_non_enterprise'),
        row('51150103MJ0000003', '150103', 'social_group'),
        row('51150202MJ0000004', '150202', 'social_group'),
        row('51150202MJ0000005', '150202', 'foundation'),
        '',
      ].join('\n'),
    );
    out = join(freshDir(), 'each');
    await analyze({
      files: [csv],
      regions: 'china-counties',
      within: '内蒙古',
      each: 'region',
      outDir: out,
      formats: ['json', 'md'],
    });
  });

  it('makes one report per league, comparing its counties', () => {
    expect(readdirSync(out).filter((e) => /^\d{6}$/.test(e))).toEqual(['150100', '150200']);
    const hohhot = read<Results>(join(out, '150100', 'results.json'));
    const unit = hohhot.analyses.unit as UnitComparison;
    // the league's regions: its 10 county-level units in china-counties
    expect(unit).toMatchObject({
      zh: '呼和浩特市',
      level: 'parent',
      regions: 10,
      count: 3,
      total: 5,
      share: 0.6,
      rank: 1,
    });
    expect(unit.spatialNote).toBeNull();
    expect(hohhot.counts.byYearRegion.map((c) => [c.region, c.count])).toEqual([
      ['150102', 2],
      ['150103', 1],
    ]);
    const spatial = hohhot.analyses.spatial as { skipped?: boolean; byYear: unknown[] };
    expect(spatial.skipped).toBeUndefined();
    expect(spatial.byYear.length).toBe(1);
    expect((read<Results>(join(out, '150200', 'results.json')).analyses.unit as UnitComparison).count).toBe(2);
    // the report says so too: 3 of 5 = 60.0%, 1st of the 2 leagues; no composite row (not a region of the run)
    const md = readFileSync(join(out, '150100', 'report.md'), 'utf8');
    const section = md.slice(md.indexOf('## 一、与全部数据比较'), md.indexOf('## 二、'));
    expect(section).toContain('2024年，呼和浩特市有社会组织3个，占全部数据（5个）的60.0%，在2个地区中居第1位');
    expect(section).toContain('| 占全部数据 | 60.0% | 1 |');
    expect(section).not.toContain('综合得分');
  });
});
