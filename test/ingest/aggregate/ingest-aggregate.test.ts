import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ingestAggregate, type AggregateIngestResult } from '../../../src/ingest/aggregate/ingest-aggregate.js';
import { ingestInput } from '../../../src/ingest/ingest-input.js';
import { roundingUnit } from '../../../src/ingest/aggregate/check-totals.js';
import { loadProfile, regionsPathFor } from '../../../src/ingest/profile/load-profile.js';
import { loadRegions } from '../../../src/ingest/regions/load-regions.js';
import { rollup } from '../../../src/cube/cube.js';
import { createLogger } from '../../../src/core/logger.js';
import { isSoqaError } from '../../../src/core/soqa-error.js';
import { encodeGbk } from '../../helpers/gbk.js';

const profile = loadProfile('default');
const im = loadRegions(regionsPathFor(profile));
const china = loadRegions(regionsPathFor(profile, 'china'));
const NATIONAL = resolve(import.meta.dirname, '..', '..', 'fixtures', 'aggregate', 'national-2012-2022.csv');

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'soqa-agg-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
/** Write a CSV (lines joined with \n) to a fresh file. */
function file(lines: string[], name = `t${++n}.csv`): string {
  const p = join(dir, name);
  writeFileSync(p, `${lines.join('\n')}\n`);
  return p;
}
const ingest = (paths: string[], regions = im, log = createLogger()) =>
  ingestAggregate(paths, { profile, regions, logger: log });
const problems = (r: AggregateIngestResult, which: 'rejects' | 'warnings' = 'rejects') =>
  r[which].map((p) => [p.line, p.code, p.column]);

/** Every row is accepted or rejected, per source and in total. */
function expectAccounting(r: AggregateIngestResult): void {
  expect(r.counts.read).toBe(r.counts.accepted + r.counts.rejected);
  for (const s of r.sources) expect(s.counts.read).toBe(s.counts.accepted + s.counts.rejected);
  expect(r.rejects).toHaveLength(r.counts.rejected);
  expect(Object.values(r.rejectCounts).reduce((a, b) => a + b, 0)).toBe(r.counts.rejected);
}

describe('ingestAggregate: long layout', () => {
  it('fills the cube directly: counts, totals, reporting counts (n = count when absent)', async () => {
    const r = await ingest([
      file([
        'region,year,type,count,staff_fulltime,n_staff_fulltime,rev_donations',
        '150100,2023,social_group,10,25,8,1000.5',
        '呼和浩特市,2023,基金会,2,6,,',
        'Baotou,2024,民办非企业单位,5,0,0,20',
      ]),
    ]);
    expectAccounting(r);
    expect(r.counts).toEqual({ read: 3, accepted: 3, rejected: 0, blank: 0 });
    expect(r.dataset).toBeNull();
    const cube = r.cube;
    expect(cube.source).toBe('aggregate');
    // rev_total follows from the revenue sources (no governance_field: no field column)
    expect(cube.measures).toEqual(['staff_fulltime', 'rev_donations', 'rev_total']);
    expect(cube.regions).toEqual(['150100', '150200']);
    expect(cube.years).toEqual([2023, 2024]);
    expect(cube.cells).toEqual([
      {
        region: '150100',
        year: 2023,
        type: 'foundation',
        field: '',
        count: 2,
        sum: { staff_fulltime: 6, rev_donations: 0, rev_total: 0 },
        n: { staff_fulltime: 2, rev_donations: 0, rev_total: 0 },
      },
      {
        region: '150100',
        year: 2023,
        type: 'social_group',
        field: '',
        count: 10,
        sum: { staff_fulltime: 25, rev_donations: 1000.5, rev_total: 1000.5 },
        n: { staff_fulltime: 8, rev_donations: 10, rev_total: 10 },
      },
      {
        region: '150200',
        year: 2024,
        type: 'private_non_enterprise',
        field: '',
        count: 5,
        sum: { staff_fulltime: 0, rev_donations: 20, rev_total: 20 },
        n: { staff_fulltime: 0, rev_donations: 5, rev_total: 5 },
      },
    ]);
    expect(r.missingCounts).toMatchObject({
      region: 0,
      count: 0,
      staff_fulltime: 0,
      n_staff_fulltime: 1,
      rev_donations: 1,
    });
  });

  it('rejects bad rows with their line, code and column, and duplicates of region × year × type × field', async () => {
    const r = await ingest([
      file([
        'region,year,type,field,count,staff_fulltime,n_staff_fulltime,party_org',
        '150100,2023,social_group,culture,10,25,8,3', // 2 ok
        '150100,2023,social_group,culture,4,1,1,0', // 3 duplicate of line 2
        '150100,2023,social_group,sports,-1,0,0,0', // 4 negative count
        '150100,2023,social_group,health,2.5,0,0,0', // 5 not whole
        '999999,2023,social_group,health,2,0,0,0', // 6 unknown region
        '150100,1900,social_group,health,2,0,0,0', // 7 implausible year
        '150100,2023,club,health,2,0,0,0', // 8 unknown type
        '150100,2023,social_group,knitting,2,0,0,0', // 9 unknown field
        '150100,2023,social_group,health,2,5,3,0', // 10 n above the count
        '150100,2023,social_group,law,2,5,0,0', // 11 a total reported by nobody
        '150100,2023,social_group,religion,2,,1,0', // 12 n without a total
        '150100,2023,social_group,education,2,1,1,3', // 13 more organizations with a flag than reporting
        '150100,2023,social_group,ecology,,1,1,0', // 14 count missing
        '150100,2023,social_group,other,2,abc,1,0', // 15 not a number
        '150100,2023,social_group', // 16 field count
        '', // blank line
        '150100,2023年,foundation,,3,1.5,1,1', // 18 ok: 2023年, empty field; staff count 1.5 is not whole → reject
        '150100,2023年,foundation,,3,1,1,1', // 19 ok
      ]),
    ]);
    expectAccounting(r);
    expect(r.counts).toEqual({ read: 17, accepted: 2, rejected: 15, blank: 1 });
    expect(problems(r)).toEqual([
      [3, 'R_DUPLICATE', 'region, year, type, field'],
      [4, 'R_NEGATIVE', 'count'],
      [5, 'R_NOT_INTEGER', 'count'],
      [6, 'R_UNKNOWN_REGION', 'region'],
      [7, 'R_YEAR_RANGE', 'year'],
      [8, 'R_UNKNOWN_TYPE', 'type'],
      [9, 'R_UNKNOWN_FIELD', 'field'],
      [10, 'R_N_EXCEEDS_COUNT', 'n_staff_fulltime'],
      [11, 'R_TOTAL_WITHOUT_N', 'staff_fulltime'],
      [12, 'R_N_WITHOUT_TOTAL', 'staff_fulltime'],
      [13, 'R_SUM_EXCEEDS_N', 'party_org'],
      [14, 'R_REQUIRED_MISSING', 'count'],
      [15, 'R_BAD_NUMBER', 'staff_fulltime'],
      [16, 'R_FIELD_COUNT', ''],
      [18, 'R_NOT_INTEGER', 'staff_fulltime'],
    ]);
    expect(r.rejects[0]).toMatchObject({
      value: '150100 2023 social_group culture',
      reason: expect.stringContaining('line 2'),
    });
    expect(r.rejects[4].reason).toContain('1949–2035');
    expect(r.cube.cells.map((c) => [c.type, c.field, c.count])).toEqual([
      ['foundation', '', 3],
      ['social_group', 'culture', 10],
    ]);
    // governance_field follows from the field column (culture is not a governance field; an empty field is unknown)
    expect(r.cube.measures).toEqual(['staff_fulltime', 'party_org', 'governance_field']);
    expect(r.cube.cells[1].n.governance_field).toBe(10);
    expect(r.cube.cells[0].n.governance_field).toBe(0);
    expect(r.rejectCounts.R_DUPLICATE).toBe(1);
  });

  it('checks a type total row (合计) against the rows of the same region and year, and uses the rows', async () => {
    const r = await ingest([
      file([
        '地区,年份,类型,组织数,职工人数',
        '呼和浩特市,2024,社会团体,100,300',
        '呼和浩特市,2024,民办非企业单位,80,500',
        '呼和浩特市,2024,合计,185,800', // count off by 5, staff agrees
        '包头市,2024,合计,50,10', // no rows under it
      ]),
    ]);
    expectAccounting(r);
    expect(r.counts.accepted).toBe(4);
    expect(problems(r, 'warnings')).toEqual([
      [4, 'W_TOTAL_MISMATCH', 'count'],
      [5, 'W_TOTAL_UNUSED', 'count'],
    ]);
    expect(r.warnings[0].reason).toContain('185, but the 2 rows under it add up to 180: difference -5');
    expect(r.cube.cells.map((c) => [c.region, c.type, c.count])).toEqual([
      ['150100', 'private_non_enterprise', 80],
      ['150100', 'social_group', 100],
    ]);
  });
});

describe('ingestAggregate: fields and several files', () => {
  it('checks a field total row against the fields of the same region, year and type; several files are one table', async () => {
    const a = file([
      '地区,年份,类型,领域,数量',
      '150100,2012,社会团体,文化,30',
      '150100,2012,社会团体,体育,12',
      '150100,2012,社会团体,合计,42',
      '150100,2012,社会团体,,5',
    ]);
    const b = file([
      'region,year,social_group,foundation,field',
      '150100,2013,31,2,culture',
      '150100,2012,1,0,ecology',
      '150100,2012,2,0,culture',
    ]);
    const r = await ingest([a, b]);
    expectAccounting(r);
    expect(r.counts).toEqual({ read: 7, accepted: 6, rejected: 1, blank: 0 });
    // the field total 42 is checked against every field of the type, the unknown (empty) one included: 30 + 12 + 5 + 1 (ecology, second file)
    expect(problems(r, 'warnings')).toEqual([[4, 'W_TOTAL_MISMATCH', 'count']]);
    expect(r.warnings[0]).toMatchObject({ file: r.sources[0].name });
    expect(r.warnings[0].reason).toContain('total over field of 42, but the 4 rows under it add up to 48');
    // the second file repeats 150100 2012 social_group culture: rejected with the first file's line
    expect(r.rejects[0]).toMatchObject({
      file: r.sources[1].name,
      line: 4,
      code: 'R_DUPLICATE',
      reason: `duplicates ${r.sources[0].name} line 2`,
    });
    expect(r.cube.fields).toEqual(['', 'culture', 'ecology', 'sports']);
    expect(r.cube.measures).toEqual(['governance_field']);
    // ecology is a governance field; a reported 0 is a cell too
    expect(
      r.cube.cells
        .filter((c) => c.field === 'ecology')
        .map((c) => [c.type, c.count, c.sum.governance_field, c.n.governance_field]),
    ).toEqual([
      ['foundation', 0, 0, 0],
      ['social_group', 1, 1, 1],
    ]);
  });
});

describe('ingestAggregate: wide layout (a count column per type)', () => {
  it('reads the national fixture: 合计 checked against the type columns, a warning for each rounded total', async () => {
    const log = createLogger();
    const r = await ingest([NATIONAL], china, log);
    expectAccounting(r);
    expect(r.counts).toEqual({ read: 3, accepted: 3, rejected: 0, blank: 0 });
    expect(r.wholeArea).toBe('none'); // 全国 is the one region of china.json (an alias)
    expect(r.cube.regions).toEqual(['CN']);
    expect(rollup(r.cube, ['year']).map((g) => [g.key.year, g.count])).toEqual([
      [2012, 499029],
      [2021, 901887],
      [2022, 891319],
    ]);
    expect(problems(r, 'warnings')).toEqual([
      [2, 'W_TOTAL_MISMATCH', 'count'],
      [3, 'W_TOTAL_MISMATCH', 'count'],
      [4, 'W_TOTAL_MISMATCH', 'count'],
    ]);
    expect(r.warnings[0].reason).toContain(
      '499,000, but the 3 rows under it add up to 499,029: difference +29 (0.006%); within the rounding of a figure published to the nearest 1,000',
    );
    // also logged, so that every command shows them
    expect(log.entries.filter((e) => e.code === 'W_TOTAL_MISMATCH')).toHaveLength(3);
  });

  it('reads GBK, 万 units, an empty type cell (not reported) and a total that agrees', async () => {
    const p = join(dir, 'gbk-wide.csv');
    writeFileSync(
      p,
      encodeGbk(
        '地区,年份,合计,社会团体,民办非企业单位,基金会,其他\n呼和浩特市,2024年,1.2万,5000,6990,10,\n包头市,2024,,40,30,,\n',
      ),
    );
    const r = await ingest([p]);
    expectAccounting(r);
    expect(r.sources[0].encoding).toBe('gb18030');
    expect(r.warnings).toEqual([]);
    expect(r.cube.cells.map((c) => [c.region, c.type, c.count])).toEqual([
      ['150100', 'foundation', 10],
      ['150100', 'private_non_enterprise', 6990],
      ['150100', 'social_group', 5000],
      ['150200', 'private_non_enterprise', 30],
      ['150200', 'social_group', 40],
    ]);
    expect(r.missingCounts).toMatchObject({ 'count:other': 2, count_total: 1, 'count:foundation': 1 });
  });

  it('warns that totals of a wide table are ignored, and rejects a row with no type count', async () => {
    const log = createLogger();
    const r = await ingest(
      [file(['地区,年份,社会团体,基金会,职工人数', '150100,2024,5,1,30', '150200,2024,,,4'])],
      im,
      log,
    );
    expect(log.entries.find((e) => e.code === 'W_WIDE_TOTALS_IGNORED')?.message).toContain('"职工人数"');
    expect(r.cube.measures).toEqual([]);
    expect(problems(r)).toEqual([[3, 'R_REQUIRED_MISSING', 'count']]);
  });
});

describe('ingestAggregate: whole-area rows', () => {
  it('beside rows by region they are checks only', async () => {
    const r = await ingest([
      file([
        '地区,年份,社会团体,基金会',
        '呼和浩特市,2024,5,1',
        '包头市,2024,7,0',
        '全区,2024,12,2',
        '内蒙古,2023,3,3',
      ]),
    ]);
    expect(r.wholeArea).toBe('checks');
    expect(problems(r, 'warnings')).toEqual([
      [4, 'W_TOTAL_MISMATCH', 'count'],
      [5, 'W_TOTAL_UNUSED', 'count'],
      [5, 'W_TOTAL_UNUSED', 'count'],
    ]);
    expect(r.warnings[0].reason).toContain('total over region of 2, but the 2 rows under it add up to 1');
    expect(r.cube.regions).toEqual(['150100', '150200']);
  });

  it('without any region breakdown they are one pseudo-region with the whole population', async () => {
    const log = createLogger();
    const r = await ingest(
      [file(['地区,年份,社会团体,民办非企业单位,基金会', '全区,2020,6000,7000,50', 'total,2024,6500,9000,80'])],
      im,
      log,
    );
    expect(r.wholeArea).toBe('pseudo-region');
    expect(r.regions.regions).toEqual([
      {
        code: '150000',
        zh: '内蒙古自治区',
        en: 'Inner Mongolia Autonomous Region',
        population: 24049155,
        area: expect.any(Number),
        zone: 'periphery',
        tags: ['whole-area'],
        neighbours: [],
      },
    ]);
    expect(r.cube.regions).toEqual(['150000']);
    expect(r.cube.cells).toHaveLength(6);
    expect(log.entries.find((e) => e.code === 'W_WHOLE_AREA_ONLY')?.message).toContain('analysed as one region 150000');
  });

  it('names the fix for a national row read with a provincial regions file', async () => {
    const r = await ingest([NATIONAL]);
    expect(r.counts.rejected).toBe(3);
    expect(r.rejects[0]).toMatchObject({ code: 'R_UNKNOWN_REGION', value: '全国' });
    expect(r.rejects[0].reason).toContain('--regions china');
  });
});

describe('ingestAggregate: header errors', () => {
  const code = async (lines: string[]) => {
    try {
      await ingest([file(lines)]);
      return null;
    } catch (e) {
      if (!isSoqaError(e)) throw e;
      return [e.code, e.exitCode, e.message] as const;
    }
  };
  it('missing, duplicate and mixed-layout columns are exit 2 with a message that says what to do', async () => {
    const missing = await code(['地区,类型,数量', '150100,社会团体,3']);
    expect(missing?.slice(0, 2)).toEqual(['E_MISSING_COLUMN', 2]);
    expect(missing?.[2]).toContain('no year column');
    expect((await code(['region,year,type,count,数量', '150100,2024,social_group,3,3']))?.[0]).toBe(
      'E_DUPLICATE_COLUMN',
    );
    const mixed = await code(['region,year,type,社会团体', '150100,2024,social_group,3']);
    expect(mixed?.[0]).toBe('E_AGGREGATE_LAYOUT');
    expect(mixed?.[2]).toContain('Use one layout');
    const empty = join(dir, 'empty.csv');
    writeFileSync(empty, '');
    await expect(ingest([empty])).rejects.toMatchObject({ code: 'E_EMPTY_INPUT' });
  });
});

describe('ingestInput: the kind from the header, the bytes read once', () => {
  it('detects an aggregated table (also gzipped) and organization rows', async () => {
    const gz = join(dir, 'wide.csv.gz');
    writeFileSync(gz, gzipSync(Buffer.from('地区,年份,社会团体,基金会\n150100,2024,5,1\n')));
    const a = await ingestInput([gz], { profile, regions: im });
    expect(a.kind).toBe('aggregate');
    expect(a.ingest.counts.accepted).toBe(1);
    expect(a.ingest.sources[0]).toMatchObject({ gzip: true, name: 'wide.csv.gz', encoding: 'utf-8' });
    expect(a.ingest.sources[0].sha256).toMatch(/^[0-9a-f]{64}$/);
    const o = await ingestInput([file(['org_id,name,type,region,registered', '1,甲协会,社会团体,150100,2015'])], {
      profile,
      regions: im,
    });
    expect(o.kind).toBe('organizations');
    expect(o.ingest.dataset?.length).toBe(1);
  });

  it('--input-kind forces the reader', async () => {
    const p = file(['region,year,type,count', '150100,2024,social_group,3']);
    await expect(ingestInput([p], { profile, regions: im, inputKind: 'organizations' })).rejects.toMatchObject({
      code: 'E_MISSING_COLUMN',
    });
    const r = await ingestInput([p], { profile, regions: im, inputKind: 'aggregate' });
    expect(r.ingest.dataset).toBeNull();
    if (r.ingest.dataset === null) expect(r.ingest.cube.cells).toHaveLength(1);
  });

  it('reads the same bytes as a direct read (sha256 and size of the peeked file)', async () => {
    const direct = await ingest([NATIONAL], china);
    const peeked = await ingestInput([NATIONAL], { profile, regions: china });
    expect(peeked.ingest.sources[0].sha256).toBe(direct.sources[0].sha256);
    expect(peeked.ingest.sources[0].bytes).toBe(direct.sources[0].bytes);
    expect(peeked.ingest.counts).toEqual(direct.counts);
  });
});

describe('roundingUnit', () => {
  it('is the power of ten a whole figure seems rounded to', () => {
    expect(roundingUnit(499000)).toBe(1000);
    expect(roundingUnit(891300)).toBe(100);
    expect(roundingUnit(3029)).toBe(1);
    expect(roundingUnit(0)).toBe(1);
    expect(roundingUnit(12.5)).toBe(1);
  });
});
