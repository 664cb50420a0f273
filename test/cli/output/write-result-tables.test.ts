import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Results } from '../../../src/results/results.js';
import { sectionTableMakers, sectionTables } from '../../../src/results/section-tables.js';
import { writeResultTables } from '../../../src/cli/output/write-result-tables.js';

// A results document with counts and one spatial year of two regions (made up, small enough
// to write the expected CSV by hand); the other sections are absent and give no table.
const region = (code: string, zh: string, count: number, per10k: number) => ({
  region: code,
  zh,
  en: `R${code}`,
  zone: 'east',
  population: 100,
  count,
  share: count / 4,
  popShare: 0.5,
  per10k,
  lq: count / 2,
});
const RESULTS = {
  regions: [],
  counts: {
    byYearRegionType: [
      { year: 2024, region: '11', type: 'social_group', count: 3 },
      { year: 2024, region: '12', type: 'foundation', count: 1 },
    ],
  },
  analyses: {
    spatial: {
      byYear: [{ year: 2024, all: { regions: [region('11', '甲', 3, 0.3), region('12', '=乙', 1, 0.1)] }, byType: {} }],
      series: [{ year: 2024, total: 4 }],
    },
  },
} as unknown as Results;

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('sectionTableMakers', () => {
  it('makes the tables of sectionTables, section by section', () => {
    const made = sectionTableMakers(RESULTS).map((make) => make().map((t) => t.file));
    // seven sections in order; only spatial has data here
    expect(made).toEqual([[], ['spatial-units.csv', 'spatial-years.csv'], [], [], [], [], []]);
    expect(sectionTables(RESULTS).map((t) => t.file)).toEqual(made.flat());
  });
});

describe('writeResultTables', () => {
  it('writes each table with a BOM, its header and rows, formulas neutralised', () => {
    const dir = mkdtempSync(join(tmpdir(), 'soqa-tables-'));
    dirs.push(dir);
    const files = writeResultTables(RESULTS, dir);
    expect(files).toEqual([
      'counts-by-year-region-type.csv',
      'spatial-regions.csv',
      'spatial-units.csv',
      'spatial-years.csv',
    ]);
    expect(readdirSync(join(dir, 'tables')).sort()).toEqual([...files].sort());
    const read = (f: string) => readFileSync(join(dir, 'tables', f), 'utf8');
    expect(read('counts-by-year-region-type.csv')).toBe(
      '\uFEFFyear,region,type,count\n2024,11,social_group,3\n2024,12,foundation,1\n',
    );
    // share = count / 4, lq = count / 2; '=乙' gets an apostrophe (a formula in a spreadsheet)
    expect(read('spatial-units.csv')).toBe(
      '\uFEFFyear,type,region,region_zh,region_en,zone,population,count,share,pop_share,per_10k,lq\n' +
        '2024,all,11,甲,R11,east,100,3,0.75,0.5,0.3,1.5\n' +
        "2024,all,12,'=乙,R12,east,100,1,0.25,0.5,0.1,0.5\n",
    );
    // the series row has only year and total; the other columns are empty
    expect(read('spatial-years.csv').split('\n')[1]).toBe('2024,4,,,,,,,,,,,');
  });
});
