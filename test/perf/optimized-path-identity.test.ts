import { inputRows } from '../../src/ingest/rows/memory-org-rows.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLogger } from '../../src/core/logger.js';
import { isSoqaError } from '../../src/core/soqa-error.js';
import { cubeFromDataset } from '../../src/cube/cube-from-dataset.js';
import { rollup, type Cube } from '../../src/cube/cube.js';
import { CsvRecordParser, type CsvItem } from '../../src/ingest/csv/csv-record-parser.js';
import { ingestFiles, type IngestResult } from '../../src/ingest/ingest-files.js';
import { loadFramework } from '../../src/ingest/framework/load-framework.js';
import { loadFieldsOfActivity } from '../../src/ingest/load-fields-of-activity.js';
import { loadProfile, regionsPathFor } from '../../src/ingest/profile/load-profile.js';
import type { Profile } from '../../src/ingest/profile/profile.js';
import { loadRegions } from '../../src/ingest/regions/load-regions.js';
import type { RegionsFile } from '../../src/domain/regions/regions.js';
import { runAnalyses } from '../../src/analyses/run-analyses.js';
import { generateSample, toCsvLine } from '../../src/sample/index.js';
import { breakCheckChar } from '../helpers/civil-code.js';
import { seededRandom } from '../../src/measures/random/seeded-random.js';
import { analysisConfig } from '../../src/cli/pipeline/analysis-config.js';
import { loadChinaGazetteer } from '../../src/ingest/regions/load-china-gazetteer.js';

// The speed-ups of issue 7 must not change a single output. Ingest keeps its plain
// reference path (`referencePath`: every row through convertRow, duplicates in a map of
// id|year strings, the CSV parser character by character); these tests read the same
// bytes both ways and require identical results — rows, rejects and warnings with their
// lines and reasons, missing counts (key order too), dataset columns, cube and every
// analysis — on a generated panel, on seeded mutations of it full of awkward cells, and on
// every CSV fixture of the test suite. The cube is also checked against a plain
// aggregation written here, and filtered rollups against the function-filter form.
// No timings: benchmarks live in scripts/bench.mjs.

const profile = loadProfile('default');
const regions = loadRegions(regionsPathFor(profile));
const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));

let dir: string;
let fileNo = 0;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'soqa-identity-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(text: string): string {
  const path = join(dir, `input-${fileNo++}.csv`);
  writeFileSync(path, text);
  return path;
}

type Outcome = { ok: true; result: IngestResult } | { ok: false; code: string; message: string };

async function ingestBoth(
  paths: string[],
  p: Profile = profile,
  r: RegionsFile = regions,
): Promise<[Outcome, Outcome]> {
  const run = async (referencePath: boolean): Promise<Outcome> => {
    try {
      return {
        ok: true,
        result: await ingestFiles(paths, { profile: p, regions: r, logger: createLogger(), referencePath }),
      };
    } catch (e) {
      if (!isSoqaError(e)) throw e;
      return { ok: false, code: e.code, message: e.message };
    }
  };
  return [await run(true), await run(false)];
}

/** Both paths gave the same result, down to key order and NaN positions. */
function expectSame(ref: Outcome, fast: Outcome): void {
  expect(fast.ok).toBe(ref.ok);
  if (!ref.ok || !fast.ok) {
    expect(fast).toEqual(ref);
    return;
  }
  const a = ref.result;
  const b = fast.result;
  expect(b.counts).toEqual(a.counts);
  expect(b.rejects).toEqual(a.rejects);
  expect(b.warnings).toEqual(a.warnings);
  expect(Object.entries(b.rejectCounts)).toEqual(Object.entries(a.rejectCounts));
  expect(Object.entries(b.warningCounts)).toEqual(Object.entries(a.warningCounts));
  expect(Object.entries(b.missingCounts)).toEqual(Object.entries(a.missingCounts));
  expect(b.sources).toEqual(a.sources);
  const x = a.dataset;
  const y = b.dataset;
  expect([y.length, y.shape, y.present]).toEqual([x.length, x.shape, x.present]);
  expect(Object.keys(y.num)).toEqual(Object.keys(x.num));
  for (const k of Object.keys(x.num)) expect(Array.from(y.num[k]), k).toEqual(Array.from(x.num[k]));
  expect(Object.keys(y.cat)).toEqual(Object.keys(x.cat));
  for (const k of Object.keys(x.cat)) {
    expect(y.cat[k].dict, k).toEqual(x.cat[k].dict);
    expect(Array.from(y.cat[k].codes), k).toEqual(Array.from(x.cat[k].codes));
  }
  expect(y.text).toEqual(x.text);
  expect(Array.from(y.source.file)).toEqual(Array.from(x.source.file));
  expect(Array.from(y.source.line)).toEqual(Array.from(x.source.line));
}

/** The generated panel: header and rows as cells. */
function sampleRows(orgs: number, years: [number, number], seed: number): string[][] {
  return [...generateSample({ orgs, years, seed, regions })];
}

const csvCell = (v: string): string => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** Cells that take every branch of the conversion: placeholders, units, odd dates, bad values. */
const AWKWARD = [
  '',
  ' ',
  '-',
  '--',
  '—',
  '/',
  'N/A',
  'na',
  'NULL',
  '暂无',
  '无数据',
  '空',
  ' 12 ',
  '１２',
  '1,234',
  '1,23',
  '3.5万',
  '2亿',
  '1e3',
  '1.2E-1',
  '-0',
  '-5',
  '0.5',
  '1.25',
  '.5',
  '1.',
  '+5',
  'NaN',
  'Infinity',
  'abc',
  '2024年',
  '2024年度',
  '2024-02-29',
  '2023-02-29',
  '2024/6/1',
  '2024年6月1日',
  '2024年6月',
  '202406',
  '20240601',
  '45444',
  '2024-13-01',
  '2024-00-10',
  '2024-06-00',
  '0099-02-29',
  '0000',
  '1948',
  '2036',
  '2035',
  '1949',
  'AAA',
  '3A',
  '5A级',
  '6A',
  '未评估',
  '无',
  '是',
  '否',
  'yes',
  'Y',
  '√',
  '×',
  '2',
  '10',
  'x\u0000y',
  'bad\uFFFDbyte',
  'quoted, comma',
  'say "hi"',
  'line\nbreak',
  '社会团体',
  '基金会',
  'Foundation',
  'other',
  '其他',
  '呼和浩特市',
  '呼和浩特',
  'Hohhot',
  '150121',
  '150100000000',
  '999999',
  '150100',
  'active',
  '注销',
  'ecology',
  '生态环保',
  '  社区  ',
  '9999999999999999',
  '123456789012345.5',
  '1234567890123456',
  '0.000000000000001',
  '（测试）协会名称',
  'ABCD',
  'a b c d e',
  '\t7\t',
  '\u30007\u3000',
  '２０２４－０６－０１',
];

/**
 * The panel with seeded damage: awkward cells, duplicated, quoted, re-cased and truncated
 * rows, broken check characters, CRLF and blank lines.
 */
function mutated(rows: string[][], seed: number): string {
  const r = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const [header, ...body] = rows;
  const id = header.indexOf('org_id');
  const lines = [header.join(',')];
  for (const row0 of body) {
    const row = [...row0];
    const u = r();
    if (u < 0.25) row[Math.floor(r() * row.length)] = pick(AWKWARD);
    else if (u < 0.3) row[id] = row[id].toLowerCase();
    else if (u < 0.33) row[id] = breakCheckChar(row[id]);
    else if (u < 0.35) row[id] = ` ${row[id].slice(0, 9)} ${row[id].slice(9)}`;
    let line = row.map(csvCell).join(',');
    const v = r();
    if (v < 0.03) line = row.map((c) => `"${c.replace(/"/g, '""')}"`).join(',');
    else if (v < 0.05) line = row.slice(0, -1).map(csvCell).join(',');
    else if (v < 0.06) line = `${line},extra`;
    else if (v < 0.07) line = `${line.slice(0, 20)}"${line.slice(20)}`;
    lines.push(line);
    const w = r();
    if (w < 0.03) lines.push(line);
    else if (w < 0.04) lines.push('');
  }
  return lines.map((l) => (r() < 0.1 ? `${l}\r` : l)).join('\n') + '\n';
}

describe('ingest: the fast path gives exactly what the reference path gives', () => {
  it('on a generated panel', async () => {
    const rows = sampleRows(120, [2016, 2024], 7);
    const [ref, fast] = await ingestBoth([write(rows.map(toCsvLine).join('\n') + '\n')]);
    expect(ref.ok && ref.result.counts.accepted).toBeGreaterThan(500);
    expectSame(ref, fast);
  });

  it.each([1, 2, 3, 4, 5, 6])('on a damaged panel (seed %i)', async (seed) => {
    const [ref, fast] = await ingestBoth([write(mutated(sampleRows(80, [2018, 2024], seed), seed))]);
    expect(ref.ok && ref.result.counts.rejected).toBeGreaterThan(10);
    expect(ref.ok && Object.keys(ref.result.warningCounts).length).toBeGreaterThan(0);
    expectSame(ref, fast);
  });

  it('on several files read as one dataset (duplicates across files, different headers)', async () => {
    const rows = sampleRows(60, [2020, 2024], 11);
    const [header, ...body] = rows;
    const first = write([header, ...body.slice(0, 200)].map(toCsvLine).join('\n') + '\n');
    // the second file drops two optional columns and repeats rows of the first
    const keep = header.map((_, i) => i).filter((i) => !['volunteers', 'rating'].includes(header[i]));
    const second = write(
      [header, ...body.slice(150)].map((r) => toCsvLine(keep.map((i) => r[i]))).join('\r\n') + '\r\n',
    );
    const [ref, fast] = await ingestBoth([first, second]);
    expect(ref.ok && ref.result.rejectCounts.R_DUPLICATE).toBeGreaterThan(0);
    expectSame(ref, fast);
  });

  it('on every CSV fixture of the test suite', async () => {
    const files: string[] = [];
    const walk = (d: string): void => {
      for (const e of readdirSync(d, { withFileTypes: true })) {
        if (e.isDirectory()) walk(join(d, e.name));
        else if (/\.csv(\.gz)?$/.test(e.name)) files.push(join(d, e.name));
      }
    };
    walk(FIXTURES);
    expect(files.length).toBeGreaterThan(20);
    for (const f of files) {
      const [ref, fast] = await ingestBoth([f]);
      expectSame(ref, fast);
    }
    const cn = loadProfile('cn-registry');
    const registry = join(FIXTURES, 'cn-registry', 'registry.csv');
    if (existsSync(registry)) {
      const [ref, fast] = await ingestBoth([registry], cn, loadRegions(regionsPathFor(cn)));
      expectSame(ref, fast);
    }
  });
});

describe('cube and analyses: the same from both paths, and the same as a plain aggregation', () => {
  it('on a generated panel', async () => {
    const rows = sampleRows(150, [2014, 2024], 3);
    const [ref, fast] = await ingestBoth([write(rows.map(toCsvLine).join('\n') + '\n')]);
    if (!ref.ok || !fast.ok) throw new Error('the generated panel must be readable');
    expect(ref.result.counts.rejected).toBe(0);
    const fieldsOfActivity = loadFieldsOfActivity();
    const governanceFields = new Set(fieldsOfActivity.filter((f) => f.governance).map((f) => f.code));
    const cubes = [ref, fast].map((o) =>
      cubeFromDataset((o as { result: IngestResult }).result.dataset, { governanceFields }),
    );
    expect(cubes[1]).toEqual(cubes[0]);
    const analyses = [ref, fast].map((o, k) =>
      runAnalyses({
        cube: cubes[k],
        rows: inputRows((o as { result: IngestResult }).result.dataset),
        regions,
        fieldsOfActivity,
        gazetteer: loadChinaGazetteer,
        options: { seed: 1, config: analysisConfig({ framework: loadFramework('default') }), extra: {} },
        log: createLogger(),
      }),
    );
    expect(JSON.stringify(analyses[1])).toBe(JSON.stringify(analyses[0]));

    // a plain aggregation of the CSV cells: organizations and full-time staff per year × region × type
    const [header, ...body] = rows;
    const col = (n: string) => header.indexOf(n);
    const plain = new Map<string, { count: number; sum: number; n: number }>();
    for (const r of body) {
      const key = `${r[col('year')]}|${r[col('region')]}|${r[col('type')]}`;
      const g = plain.get(key) ?? { count: 0, sum: 0, n: 0 };
      g.count++;
      if (r[col('staff_fulltime')] !== '') {
        g.sum += Number(r[col('staff_fulltime')]);
        g.n++;
      }
      plain.set(key, g);
    }
    const cube = cubes[1];
    const groups = rollup(cube, ['year', 'region', 'type']);
    expect(
      new Map(
        groups.map((g) => [
          `${g.key.year}|${g.key.region}|${g.key.type}`,
          { count: g.count, sum: g.sum.staff_fulltime, n: g.n.staff_fulltime },
        ]),
      ),
    ).toEqual(plain);
    expectFilteredRollups(cube);
  });
});

/** Rollups with a dimension filter equal rollups with the same filter as a function. */
function expectFilteredRollups(cube: Cube): void {
  for (const year of [...cube.years, 1900]) {
    for (const type of [undefined, ...cube.types, 'none']) {
      const byObject = rollup(cube, ['region'], type === undefined ? { year } : { year, type });
      const byFunction = rollup(cube, ['region'], (c) => c.year === year && (type === undefined || c.type === type));
      expect(byObject).toEqual(byFunction);
    }
    expect(rollup(cube, ['field', 'region'], { year })).toEqual(
      rollup(cube, ['field', 'region'], (c) => c.year === year),
    );
    expect(rollup(cube, [], { year })).toEqual(rollup(cube, [], (c) => c.year === year));
  }
  expect(rollup(cube, ['region', 'year'], { type: cube.types[0] })).toEqual(
    rollup(cube, ['region', 'year'], (c) => c.type === cube.types[0]),
  );
}

describe('CSV parser: the one-line shortcut makes the same records', () => {
  const PIECES = ['a', 'bb', '', ' ', ',', '"', '""', '"x,y"', '\n', '\r\n', '\r', '中文', '"\n"', 'z"z', ';'];
  it.each([1, 2, 3, 4, 5, 6, 7, 8])('on seeded CSV-like text cut into chunks (seed %i)', (seed) => {
    const r = seededRandom(seed);
    let text = 'h1,h2,h3\n';
    for (let i = 0; i < 400; i++) text += PIECES[Math.floor(r() * PIECES.length)];
    const chunks: string[] = [];
    for (let p = 0; p < text.length;) {
      const n = 1 + Math.floor(r() * 40);
      chunks.push(text.slice(p, p + n));
      p += n;
    }
    const parse = (noLineShortcut: boolean, sinkLines: boolean): CsvItem[] => {
      const parser = new CsvRecordParser({ delimiter: ',', maxFieldChars: 30, noLineShortcut });
      const out: CsvItem[] = [];
      if (!sinkLines) {
        for (const c of chunks) out.push(...parser.push(c));
        out.push(...parser.end());
        return out;
      }
      // a line consumer that takes every other plain line and records it as the parser would
      let take = false;
      const sink = {
        item: (item: CsvItem) => out.push(item),
        line: (t: string, start: number, end: number, line: number) => {
          take = !take;
          if (take) out.push({ kind: 'record', fields: t.slice(start, end).split(','), line });
          return take;
        },
      };
      for (const c of chunks) parser.pushTo(c, sink);
      parser.endTo(sink);
      return out;
    };
    const reference = parse(true, false);
    expect(parse(false, false)).toEqual(reference);
    expect(parse(false, true)).toEqual(reference);
  });
});
