import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import Papa from 'papaparse';
import type { Results } from '../../src/results/results.js';
import { ingestFiles } from '../../src/ingest/ingest-files.js';
import { catValue } from '../../src/dataset/dataset.js';
import { loadProfile, regionsPathFor } from '../../src/ingest/profile/load-profile.js';
import { loadRegions } from '../../src/ingest/regions/load-regions.js';
import {
  FIXTURES,
  fixture,
  freshDir,
  readCsv,
  readJson,
  removeFreshDirs,
  runSoqa,
  type RunResult,
} from '../helpers/run-soqa.js';
import { runMain } from '../helpers/run-command.js';
import { buildBadFixtures, writeLargeBadInputs } from '../fixtures/bad/make-bad.mjs';

// Hostile inputs and safe outputs (issue 8). Every file of the bad-input corpus in
// test/fixtures/bad/ (made by make-bad.mjs there, which explains each file line by line) is
// run through the whole CLI in this process (`main`, see test/helpers/run-command.ts; the
// tests that compare two runs, and standard input, use the BUILT program `node bin/soqa.js`:
// build first with `npx tsc -p tsconfig.json`) with `validate` and with `analyze --strict`, which share their
// exit codes: 0 clean, 1 rows rejected or warned about, 2 unusable input. Each case states
// the exact outcome: the rows read, accepted and rejected, each rejected row's line, reason
// code and column, the warnings counted, or the error code and the words of its message
// (which names the file and line and says how to fix it). No run may print a stack trace,
// and read = accepted + rejected always.

afterAll(removeFreshDirs);

const BAD = join(FIXTURES, 'bad');
const bad = (name: string): string => join(BAD, name);

/** Stack frames ("    at fn (file:line:col)") never reach the user. */
function expectNoStack(r: RunResult): void {
  expect(r.stderr).not.toMatch(/^ {4}at /m);
  expect(r.stdout).not.toMatch(/^ {4}at /m);
  expect(r.stderr).not.toContain('internal error');
}

/**
 * Run the built soqa and check that no stack trace reaches the user. `analyze` writes
 * results.json, rejects, warnings and tables only (`--format json`) unless the test names
 * its formats (or asks for the defaults with `--format default`): no test here reads the
 * charts or the reports, and drawing them would take most of the run.
 */
async function soqa(args: string[], cwd?: string): Promise<RunResult> {
  const r = await runMain(withFormats(args), cwd);
  expectNoStack(r);
  return r;
}

/**
 * The same, through the BUILT program (`node bin/soqa.js`, a new process per run): for the
 * tests that compare two runs, so that nothing one run leaves in memory can make the second
 * look the same.
 */
function soqaBuilt(args: string[], cwd?: string): RunResult {
  const r = runSoqa(withFormats(args), cwd);
  expectNoStack(r);
  return r;
}

/** `analyze` without `--format` gets `--format json`; `--format default` is dropped (the defaults). */
function withFormats(args: string[]): string[] {
  const named = args.indexOf('--format');
  return args[0] !== 'analyze' || named < 0
    ? [...args, ...(args[0] === 'analyze' ? ['--format', 'json'] : [])]
    : args[named + 1] === 'default'
      ? args.filter((_, i) => i !== named && i !== named + 1)
      : args;
}

interface Rows {
  read: number;
  accepted: number;
  rejected: number;
  blank: number;
}
interface ValidateJson {
  sources: { file: string; encoding: string; rows: Rows }[];
  rows: Rows;
  rejectsByReason: Record<string, number>;
  warningsByCode: Record<string, number>;
  columns: { ignored: string[] };
  rejectExamples: { file: string; line: number; code: string; column: string; value: string; reason: string }[];
}

/** One corpus case and its exact expected outcome. */
interface Case {
  name: string;
  file: string;
  args?: string[];
  exit: 0 | 1 | 2;
  /** read, accepted, rejected (when the input is readable at all) */
  rows?: [number, number, number];
  /** each rejected row: line, reason code, column (without the header text in parentheses) */
  rejects?: [number, string, string][];
  warnings?: Record<string, number>;
  encoding?: string;
  /** an error instead of rows: its code and words of its message */
  error?: { code: string; text: string[] };
  /** further words expected on stderr (warnings) */
  stderr?: string[];
}

const CASES: Case[] = [
  {
    name: 'empty file',
    file: 'empty.csv',
    exit: 2,
    error: {
      code: 'E_EMPTY_INPUT',
      text: ['empty.csv is empty: it has no header row', 'Export the table again with its header'],
    },
  },
  {
    name: 'header only',
    file: 'header-only.csv',
    exit: 2,
    rows: [0, 0, 0],
    error: {
      code: 'E_NO_ROWS',
      text: ['the input has a header but no data rows below it', 'Check that you passed the right file'],
    },
  },
  {
    name: 'binary garbage',
    file: 'binary-garbage.bin',
    exit: 2,
    error: {
      code: 'E_BINARY_INPUT',
      text: ['binary-garbage.bin, line 1: the header row holds control characters', 'saved as .xlsx or CSV'],
    },
  },
  {
    name: 'truncated gzip',
    file: 'truncated.csv.gz',
    exit: 2,
    error: { code: 'E_INPUT_READ', text: ['truncated.csv.gz: unexpected end of file'] },
  },
  {
    name: 'unterminated quotes',
    file: 'unterminated-quote.csv',
    exit: 1,
    rows: [4, 2, 2],
    rejects: [
      [3, 'R_UNTERMINATED_QUOTE', ''],
      [5, 'R_UNTERMINATED_QUOTE', ''],
    ],
  },
  {
    name: 'unterminated quote in the header',
    file: 'unterminated-quote-header.csv',
    exit: 2,
    error: {
      code: 'E_BAD_HEADER',
      text: [
        'unterminated-quote-header.csv, line 1: the header row cannot be read (it has a quote that is never closed)',
        'Fix the header line',
      ],
    },
  },
  {
    name: 'ragged rows',
    file: 'ragged-rows.csv',
    exit: 1,
    rows: [5, 2, 3],
    rejects: [
      [3, 'R_FIELD_COUNT', ''],
      [4, 'R_FIELD_COUNT', ''],
      [5, 'R_FIELD_COUNT', ''],
    ],
  },
  {
    name: 'duplicate headers',
    file: 'duplicate-headers.csv',
    exit: 2,
    error: {
      code: 'E_DUPLICATE_COLUMN',
      text: ['duplicate-headers.csv: columns "name" and "name" both map to name', 'Remove or rename one of them'],
    },
  },
  { name: 'blank headers', file: 'blank-headers.csv', exit: 0, rows: [2, 2, 0] },
  {
    name: 'headers differing in case, spaces, underscores and width',
    file: 'header-variants.csv',
    exit: 0,
    rows: [2, 2, 0],
  },
  {
    name: 'headers equal but for full width',
    file: 'header-width-duplicate.csv',
    exit: 2,
    error: { code: 'E_DUPLICATE_COLUMN', text: ['columns "name" and "Ｎａｍｅ" both map to name'] },
  },
  { name: 'GBK, detected', file: 'gbk-chinese-headers.csv', exit: 0, rows: [3, 3, 0], encoding: 'gb18030' },
  {
    name: 'GBK read as UTF-8 (Chinese headers)',
    file: 'gbk-chinese-headers.csv',
    args: ['--encoding', 'utf-8'],
    exit: 2,
    error: {
      code: 'E_MISSING_COLUMN',
      text: [
        'gbk-chinese-headers.csv: required columns org_id, name, type, region, registered not found',
        'could not be decoded as utf-8',
        'try --encoding gb18030',
      ],
    },
  },
  {
    name: 'GBK with English headers, detected',
    file: 'gbk-english-headers.csv',
    exit: 0,
    rows: [3, 3, 0],
    encoding: 'gb18030',
  },
  {
    name: 'GBK read as UTF-8 (English headers)',
    file: 'gbk-english-headers.csv',
    args: ['--encoding', 'utf-8'],
    exit: 2,
    rows: [3, 0, 3],
    rejects: [
      [2, 'R_UNDECODABLE', 'name'],
      [3, 'R_UNDECODABLE', 'name'],
      [4, 'R_UNDECODABLE', 'name'],
    ],
    encoding: 'utf-8',
    error: { code: 'E_NO_ROWS', text: ['3 rows read, 3 rejected'] },
    stderr: [
      'warning: gbk-english-headers.csv: 30 characters could not be decoded as utf-8',
      'read as utf-8 because of --encoding, but its bytes look like gb18030',
      'pass --encoding gb18030',
    ],
  },
  { name: 'UTF-8, detected', file: 'utf8-chinese-headers.csv', exit: 0, rows: [2, 2, 0], encoding: 'utf-8' },
  {
    name: 'UTF-8 read as GBK (Chinese headers)',
    file: 'utf8-chinese-headers.csv',
    args: ['--encoding', 'gbk'],
    exit: 2,
    error: {
      code: 'E_MISSING_COLUMN',
      text: ['utf8-chinese-headers.csv: required columns', 'could not be decoded as gb18030', 'try --encoding utf-8'],
    },
  },
  {
    name: 'UTF-8 read as GBK (English headers): accepted, with a warning',
    file: 'utf8-english-headers.csv',
    args: ['--encoding', 'gbk'],
    exit: 0,
    rows: [2, 2, 0],
    encoding: 'gb18030',
    stderr: [
      'warning: utf8-english-headers.csv: read as gb18030 because of --encoding, but its bytes look like utf-8',
      'Leave out --encoding to detect it',
    ],
  },
  { name: 'UTF-16BE with BOM', file: 'utf16be-bom.csv', exit: 0, rows: [2, 2, 0], encoding: 'utf-16be' },
  { name: 'UTF-16LE with BOM', file: 'utf16le-bom.csv', exit: 0, rows: [2, 2, 0], encoding: 'utf-16le' },
  {
    name: 'UTF-16 read as UTF-8',
    file: 'utf16le-bom.csv',
    args: ['--encoding', 'utf-8'],
    exit: 2,
    error: { code: 'E_BINARY_INPUT', text: ['utf16le-bom.csv, line 1', 'pass --encoding utf-16le'] },
  },
  {
    name: 'mixed line endings',
    file: 'mixed-line-endings.csv',
    exit: 1,
    rows: [6, 5, 1],
    rejects: [[6, 'R_NEGATIVE', 'staff_fulltime']],
  },
  {
    name: 'NUL bytes',
    file: 'nul-bytes.csv',
    exit: 1,
    rows: [4, 2, 2],
    rejects: [
      [3, 'R_CONTROL_CHAR', 'name'],
      [4, 'R_CONTROL_CHAR', 'staff_fulltime'],
    ],
  },
  {
    name: 'numbers 1,234 １２３ 1.2e3 -0 NaN Infinity',
    file: 'numbers.csv',
    exit: 1,
    rows: [8, 4, 4],
    rejects: [
      [6, 'R_BAD_NUMBER', 'staff_fulltime'],
      [7, 'R_BAD_NUMBER', 'staff_fulltime'],
      [8, 'R_BAD_NUMBER', 'assets_net'],
      [9, 'R_BAD_NUMBER', 'staff_fulltime'],
    ],
  },
  {
    name: 'impossible dates, years 1800 and 2100',
    file: 'dates.csv',
    exit: 1,
    rows: [6, 1, 5],
    rejects: [
      [2, 'R_BAD_DATE', 'registered'],
      [3, 'R_YEAR_RANGE', 'registered'],
      [4, 'R_YEAR_RANGE', 'registered'],
      [5, 'R_YEAR_RANGE', 'year'],
      [6, 'R_YEAR_RANGE', 'year'],
    ],
  },
  {
    name: 'unknown type labels',
    file: 'unknown-type.csv',
    exit: 1,
    rows: [4, 2, 2],
    rejects: [
      [2, 'R_UNKNOWN_TYPE', 'type'],
      [3, 'R_UNKNOWN_TYPE', 'type'],
    ],
  },
  {
    name: 'regions not in the regions file',
    file: 'unknown-region.csv',
    exit: 1,
    rows: [4, 2, 2],
    rejects: [
      [2, 'R_UNKNOWN_REGION', 'region'],
      [3, 'R_UNKNOWN_REGION', 'region'],
    ],
  },
  {
    name: 'credit codes: wrong checksum, lower case',
    file: 'credit-codes.csv',
    exit: 1,
    rows: [3, 3, 0],
    warnings: { W_CODE_CHECKSUM: 1, W_CODE_LOWERCASE: 1 },
  },
  {
    name: 'placeholders in required cells',
    file: 'placeholders.csv',
    exit: 1,
    rows: [8, 1, 7],
    rejects: [
      [2, 'R_REQUIRED_MISSING', 'org_id'],
      [3, 'R_REQUIRED_MISSING', 'org_id'],
      [4, 'R_REQUIRED_MISSING', 'name'],
      [5, 'R_REQUIRED_MISSING', 'name'],
      [6, 'R_REQUIRED_MISSING', 'name'],
      [7, 'R_REQUIRED_MISSING', 'type'],
      [8, 'R_REQUIRED_MISSING', 'region'],
    ],
  },
  {
    name: 'spreadsheet formulas in cells',
    file: 'formula-injection.csv',
    exit: 1,
    rows: [4, 2, 2],
    rejects: [
      [3, 'R_UNKNOWN_TYPE', 'type'],
      [4, 'R_UNKNOWN_REGION', 'region'],
    ],
    warnings: { W_CODE_CHECKSUM: 1 },
  },
];

const asRows = (r: [number, number, number]): Rows => ({ read: r[0], accepted: r[1], rejected: r[2], blank: 0 });

function expectError(r: RunResult, c: Case): void {
  if (!c.error) return;
  expect(r.stderr).toContain(`error [${c.error.code}]: `);
  for (const t of c.error.text) expect(r.stderr).toContain(t);
}

describe('the corpus files are what make-bad.mjs builds', () => {
  it('every file, byte for byte, and nothing else', () => {
    const built = buildBadFixtures();
    const onDisk = readdirSync(BAD).filter((f) => !f.startsWith('make-bad.'));
    expect(onDisk.sort()).toEqual(Object.keys(built).sort());
    for (const [name, bytes] of Object.entries(built))
      expect(readFileSync(bad(name)).equals(bytes), `${name}: run node test/fixtures/bad/make-bad.mjs`).toBe(true);
    // every case names a corpus file, and every corpus file has a case
    expect(new Set(CASES.map((c) => c.file))).toEqual(new Set(Object.keys(built)));
  });
});

describe.each(CASES)('bad input: $name ($file)', (c) => {
  it(`soqa validate: exit ${c.exit}`, async () => {
    const r = await soqa(['validate', bad(c.file), '--json', ...(c.args ?? [])]);
    expect(r.status, r.stderr).toBe(c.exit);
    expectError(r, c);
    for (const t of c.stderr ?? []) expect(r.stderr).toContain(t);
    if (!c.rows) {
      expect(r.stdout).toBe('');
      return;
    }
    const j = JSON.parse(r.stdout) as ValidateJson;
    expect(j.rows).toEqual(asRows(c.rows));
    expect(j.rows.read).toBe(j.rows.accepted + j.rows.rejected);
    for (const s of j.sources) expect(s.rows.read).toBe(s.rows.accepted + s.rows.rejected);
    if (c.encoding) expect(j.sources[0].encoding).toBe(c.encoding);
    expect(j.rejectExamples.map((x) => [x.line, x.code, x.column.replace(/ \(.*\)$/, '')])).toEqual(c.rejects ?? []);
    for (const x of j.rejectExamples) expect(x.file).toBe(c.file);
    expect(j.warningsByCode).toEqual(c.warnings ?? {});
  });

  it(`soqa analyze --strict: exit ${c.exit}, the same rows in rejects.csv and warnings.csv`, async () => {
    const out = join(freshDir(), 'out');
    const r = await soqa(['analyze', bad(c.file), '--strict', '-o', out, ...(c.args ?? [])]);
    expect(r.status, r.stderr).toBe(c.exit);
    expectError(r, c);
    for (const t of c.stderr ?? []) expect(r.stderr).toContain(t);
    if (!c.rows) return;
    // rejects.csv is written even when no row could be used
    expect(
      readCsv(join(out, 'rejects.csv')).map((x) => [Number(x.line), x.code, x.column.replace(/ \(.*\)$/, '')]),
    ).toEqual(c.rejects ?? []);
    const warned: Record<string, number> = {};
    for (const w of readCsv(join(out, 'warnings.csv'))) warned[w.code] = (warned[w.code] ?? 0) + 1;
    expect(warned).toEqual(c.warnings ?? {});
    if (c.error) return;
    const res = readJson<Results>(join(out, 'results.json'));
    expect(res.provenance.rows).toEqual(asRows(c.rows));
    expect(res.quality.rows.read).toBe(res.quality.rows.accepted + res.quality.rows.rejected);
  });
});

describe('bad input: the reasons say what is wrong', () => {
  it('ragged rows name their field counts, dates and numbers their problem', async () => {
    const reasons = async (file: string) =>
      (JSON.parse((await soqa(['validate', bad(file), '--json'])).stdout) as ValidateJson).rejectExamples.map((x) => [
        x.line,
        x.value,
        x.reason,
      ]);
    const ragged = await reasons('ragged-rows.csv');
    const numbers = await reasons('numbers.csv');
    const dates = await reasons('dates.csv');
    const placeholders = await reasons('placeholders.csv');
    expect(ragged).toEqual([
      [3, '', 'has 3 fields, the header has 7'],
      [4, '', 'has 8 fields, the header has 7'],
      [5, '', 'has 8 fields, the header has 7'],
    ]);
    expect(numbers).toEqual([
      [6, 'NaN', 'not a finite number'],
      [7, 'Infinity', 'not a finite number'],
      [8, '-Infinity', 'not a finite number'],
      [9, '1e999', 'not a finite number'],
    ]);
    expect(dates.map((x) => x.slice(0, 2))).toEqual([
      [2, '2024-02-30'],
      [3, '1800'],
      [4, '2100'],
      [5, '1800'],
      [6, '2100'],
    ]);
    expect(dates[0][2]).toBe('impossible date');
    expect(dates[1][2]).toMatch(/^is outside the plausible years 1949–2035/);
    expect(placeholders.map((x) => [x[1], x[2]])[0]).toEqual([
      '-',
      'is required but holds only a placeholder for "no value"',
    ]);
  });
});

describe('bad input: values as read (in-process ingest of the same files)', () => {
  const profile = loadProfile('default');
  const regions = loadRegions(regionsPathFor(profile));

  it('numbers: 1,234 → 1234, １２３ → 123, 1.2e3 → 1200, -0 → 0 (not -0)', async () => {
    const r = await ingestFiles([bad('numbers.csv')], { profile, regions });
    expect(Array.from(r.dataset.num.staff_fulltime)).toEqual([1234, 123, 1200, 0]);
    expect(Array.from(r.dataset.num.assets_net)).toEqual([0, 123, -1500, -1234.5]);
    expect(Object.is(r.dataset.num.staff_fulltime[3], -0)).toBe(false);
    expect(Object.is(r.dataset.num.assets_net[0], -0)).toBe(false);
  });

  it('a formula-like name is kept as given (it is data; only CSV outputs neutralise it)', async () => {
    const r = await ingestFiles([bad('formula-injection.csv')], { profile, regions });
    expect(r.dataset.text.name[0]).toBe('=HYPERLINK("http://x","y")');
  });

  it('mixed line endings keep every line number; the CRLF inside a quoted name is kept', async () => {
    const r = await ingestFiles([bad('mixed-line-endings.csv')], { profile, regions });
    expect(Array.from(r.dataset.source.line)).toEqual([2, 3, 4, 7, 8]);
    expect(r.dataset.text.name[2]).toBe('呼和浩特市\r\n换行协会');
  });

  it('lower-case credit codes are read as upper case; 12-digit statistical codes roll up', async () => {
    const codes = await ingestFiles([bad('credit-codes.csv')], { profile, regions });
    expect(codes.dataset.text.org_id[1]).toMatch(/^51150100MJ[0-9A-Z]{8}$/);
    const reg = await ingestFiles([bad('unknown-region.csv')], { profile, regions });
    expect([0, 1].map((i) => catValue(reg.dataset.cat.region, i))).toEqual(['150100', '150100']);
  });
});

describe('bad input: large files (generated at test time, not committed)', () => {
  let big: ReturnType<typeof writeLargeBadInputs>;
  beforeAll(() => {
    big = writeLargeBadInputs(freshDir('soqa-bad-large-'));
  });

  it.each(['longField', 'quotedLongField'] as const)(
    'a 20 MiB single field (%s): R_FIELD_TOO_LONG on line 2, the rows after it kept',
    (which) => {
      expect(statSync(big[which]).size).toBeGreaterThan(20 * 1024 * 1024);
      // the built program: a file this large is read by byte ranges in worker threads
      const r = soqaBuilt(['validate', big[which], '--json']);
      expect(r.status, r.stderr).toBe(1);
      const j = JSON.parse(r.stdout) as ValidateJson;
      expect(j.rows).toEqual(asRows([3, 2, 1]));
      expect(j.rejectExamples.map((x) => [x.line, x.code, x.column, x.value.length])).toEqual([
        [2, 'R_FIELD_TOO_LONG', '', 80],
      ]);
      expect(j.rejectExamples[0].reason).toBe('has a field longer than 1048576 characters');
    },
  );

  it('a 20 MiB single field through analyze: results.json and rejects.csv stay small', () => {
    const out = join(freshDir(), 'out');
    const r = soqaBuilt(['analyze', big.longField, '-o', out, '--quiet']);
    expect(r.status, r.stderr).toBe(0);
    expect(readJson<Results>(join(out, 'results.json')).provenance.rows).toEqual(asRows([3, 2, 1]));
    expect(statSync(join(out, 'rejects.csv')).size).toBeLessThan(1000);
  });

  it('10,000 columns: the 7 known ones are used, 9,993 ignored, every row accepted', async () => {
    const v = await soqa(['validate', big.wide, '--json']);
    expect(v.status, v.stderr).toBe(0);
    const j = JSON.parse(v.stdout) as ValidateJson;
    expect(j.rows).toEqual(asRows([3, 3, 0]));
    expect(j.columns.ignored).toHaveLength(9993);
    // the text report lists a few ignored columns, not ten thousand
    const text = await soqa(['validate', big.wide, '--lang', 'en']);
    expect(text.stdout).toMatch(/columns ignored: c8, c9, .*… \(9993 in all\)\n/);
    expect(text.stdout.length).toBeLessThan(5000);
    const out = join(freshDir(), 'out');
    const a = await soqa(['analyze', big.wide, '-o', out, '--quiet']);
    expect(a.status, a.stderr).toBe(0);
    expect(readJson<Results>(join(out, 'results.json')).provenance.rows).toEqual(asRows([3, 3, 0]));
  });

  it('GBK whose first 100 KiB are ASCII: detection waits for the first non-ASCII bytes', async () => {
    const bytes = readFileSync(big.gbkLate);
    expect(bytes.findIndex((b) => b >= 0x80)).toBeGreaterThan(100 * 1024);
    const r = await soqa(['validate', big.gbkLate, '--json']);
    expect(r.status, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout) as ValidateJson;
    expect(j.sources[0].encoding).toBe('gb18030');
    expect(j.rows).toEqual(asRows([1503, 1503, 0]));
    const profile = loadProfile('default');
    const ing = await ingestFiles([big.gbkLate], { profile, regions: loadRegions(regionsPathFor(profile)) });
    expect(ing.dataset.text.name.slice(-3)).toEqual(['呼和浩特市晚到协会', '包头市社会团体', '鄂尔多斯市慈善基金会']);
    expect(ing.sources[0].replacementChars).toBe(0);
  });
});

/** Every file under `dir`, relative, sorted. */
function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.push(relative(dir, p));
    }
  };
  walk(dir);
  return out.sort();
}

/** A cell a spreadsheet would run as a formula (a plain number such as -3 is not one). */
const isFormula = (cell: string): boolean => /^[=+\-@\t\r]/.test(cell) && !/^[+-]?\d+(\.\d+)?(e[+-]?\d+)?$/i.test(cell);

describe('outputs: spreadsheet formulas are neutralised', () => {
  it('=HYPERLINK(…) and other formulas start with an apostrophe in rejects.csv, warnings.csv and every table', async () => {
    const dir = freshDir();
    // the file name shows up in the file column of rejects.csv and warnings.csv
    const input = join(dir, '=HYPERLINK("x","y").csv');
    copyFileSync(bad('formula-injection.csv'), input);
    const out = join(dir, 'out');
    const r = await soqa(['analyze', input, '-o', out, '--quiet']);
    expect(r.status, r.stderr).toBe(0);
    const rejects = readCsv(join(out, 'rejects.csv'));
    expect(rejects.map((x) => [x.file, x.line, x.code, x.value])).toEqual([
      ['\'=HYPERLINK("x","y").csv', '3', 'R_UNKNOWN_TYPE', "'@SUM(1+1)"],
      ['\'=HYPERLINK("x","y").csv', '4', 'R_UNKNOWN_REGION', "'+cmd|' /C calc'!A0"],
    ]);
    expect(readCsv(join(out, 'warnings.csv')).map((x) => [x.file, x.line, x.code])).toEqual([
      ['\'=HYPERLINK("x","y").csv', '5', 'W_CODE_CHECKSUM'],
    ]);
    const csvs = listFiles(out).filter((f) => f.endsWith('.csv'));
    expect(csvs).toEqual(
      expect.arrayContaining(['rejects.csv', 'warnings.csv', 'tables/counts-by-year-region-type.csv']),
    );
    for (const f of csvs) {
      const text = readFileSync(join(out, f), 'utf8');
      expect(text.startsWith('\uFEFF'), f).toBe(true);
      const cells = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true }).data.flat();
      expect(cells.filter(isFormula), f).toEqual([]);
    }
  });

  it('a formula-like organization name stays data in results.json (JSON is not run by spreadsheets)', async () => {
    const out = join(freshDir(), 'out');
    const r = await soqa(['analyze', bad('formula-injection.csv'), '-o', out, '--quiet']);
    expect(r.status, r.stderr).toBe(0);
    expect(() => readJson<Results>(join(out, 'results.json'))).not.toThrow();
  });
});

describe('outputs: --out stays inside the chosen folder', () => {
  it('-o with .. resolves to one folder; nothing is written beside it', async () => {
    const cwd = freshDir();
    const r = await soqa(['analyze', bad('credit-codes.csv'), '-o', 'a/../b/../out', '--quiet'], cwd);
    expect(r.status, r.stderr).toBe(0);
    expect(readdirSync(cwd)).toEqual(['out']);
    expect(listFiles(join(cwd, 'out'))).toEqual(
      expect.arrayContaining(['.soqa-output', 'rejects.csv', 'results.json', 'warnings.csv']),
    );
  });

  it('an input named "...csv" gets the default folder reports/input, not the working folder', async () => {
    const src = freshDir();
    const input = join(src, '...csv');
    copyFileSync(bad('credit-codes.csv'), input);
    const cwd = freshDir();
    writeFileSync(join(cwd, 'notes.txt'), 'mine\n');
    const r = await soqa(['analyze', input, '--quiet'], cwd);
    expect(r.status, r.stderr).toBe(0);
    expect(readdirSync(cwd).sort()).toEqual(['notes.txt', 'reports']);
    expect(readdirSync(join(cwd, 'reports'))).toEqual(['input']);
    expect(readFileSync(join(cwd, 'reports', 'input', 'results.json')).length).toBeGreaterThan(0);
  });

  it('standard input gets reports/stdin', () => {
    const cwd = freshDir();
    const r = runSoqa(['analyze', '-', '--quiet', '--format', 'json'], cwd, readFileSync(bad('credit-codes.csv')));
    expectNoStack(r);
    expect(r.status, r.stderr).toBe(0);
    expect(readdirSync(join(cwd, 'reports'))).toEqual(['stdin']);
  });

  it('refuses the working folder itself when it holds other files (exit 3), and writes nothing', async () => {
    const cwd = freshDir();
    writeFileSync(join(cwd, 'thesis.docx'), 'mine\n');
    mkdirSync(join(cwd, 'data'));
    const r = await soqa(['analyze', bad('credit-codes.csv'), '-o', '.'], cwd);
    expect(r.status).toBe(3);
    expect(r.stderr).toContain('error [E_OUT_NOT_SOQA]: --out . already holds files that soqa did not write');
    expect(r.stderr).toContain('pass --force');
    expect(readdirSync(cwd).sort()).toEqual(['data', 'thesis.docx']);
  });

  it('refuses an --out that is a file (exit 3)', async () => {
    const cwd = freshDir();
    writeFileSync(join(cwd, 'report'), 'x');
    const r = await soqa(['analyze', bad('credit-codes.csv'), '-o', 'report'], cwd);
    expect(r.status).toBe(3);
    expect(r.stderr).toContain('error [E_OUT_NOT_DIR]: --out report exists and is not a folder');
    expect(readFileSync(join(cwd, 'report'), 'utf8')).toBe('x');
  });
});

describe('outputs: the same input and options give byte-identical outputs', () => {
  // the default formats write results.json, rejects, warnings, tables, report.md,
  // report.html and charts/ (SVG, PNG, Vega-Lite JSON): every one of them is compared
  // (`--format json` alone was a second case: its files are a subset of these)
  it.each([[['--format', 'default']]])(
    'analyze %j twice (different folders and working folders): every file equal, byte for byte',
    async (formats) => {
      const runs = [freshDir(), freshDir()].map((cwd) => {
        const r = soqaBuilt(
          ['analyze', bad('formula-injection.csv'), fixture('good-utf8.csv'), '-o', 'out', '--quiet', ...formats],
          cwd,
        );
        expect(r.status, r.stderr).toBe(0);
        return join(cwd, 'out');
      });
      const files = listFiles(runs[0]);
      expect(files).toEqual(expect.arrayContaining(['results.json', 'rejects.csv', 'warnings.csv']));
      expect(listFiles(runs[1])).toEqual(files);
      for (const f of files)
        expect(readFileSync(join(runs[1], f)).equals(readFileSync(join(runs[0], f))), f).toBe(true);
    },
    180_000, // two built-program runs drawing every chart: seconds on a quiet 2-core machine, over a minute on a loaded one
  );

  it('validate --json twice: identical reports', () => {
    const a = soqaBuilt(['validate', bad('placeholders.csv'), bad('numbers.csv'), '--json']);
    const b = soqaBuilt(['validate', bad('placeholders.csv'), bad('numbers.csv'), '--json']);
    expect(a.status).toBe(1);
    expect(b.stdout).toBe(a.stdout);
  });
});
