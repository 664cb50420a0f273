import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import type { SpatialSection } from '../../src/analyses/spatial/spatial-section.js';
import type { Results } from '../../src/results/results.js';
import { fixture, freshDir, readCsv, readJson, removeFreshDirs, ROOT, runSoqa } from '../helpers/run-soqa.js';
import { runMain } from '../helpers/run-command.js';

// These tests run `soqa analyze` in this process (`main`, test/helpers/run-command.ts); a few
// run the BUILT program (bin/soqa.js → dist/; build with `npx tsc -p tsconfig.json`): a clean
// run, two runs compared byte for byte, and the exit codes 2 and 3.
// They never run the built-in sample: every run names a fixture from test/fixtures/. The rows
// of each fixture, and so the counts expected below, are explained in
// test/fixtures/make-fixtures.mjs.

afterAll(removeFreshDirs);

const validateResults = new Ajv({ allErrors: true, strict: false }).compile(
  JSON.parse(readFileSync(join(ROOT, 'schemas', 'results.schema.json'), 'utf8')),
);

/** The outputs these tests read (results.json, rejects, warnings, tables): no charts, no reports. */
const JSON_ONLY = ['--format', 'json'];

/** The arguments of `soqa analyze` into `out` (`--format json` unless args name formats). */
function analyzeArgs(files: string[], out: string, args: string[]): string[] {
  const formats = args.includes('--format') ? [] : JSON_ONLY;
  return ['analyze', ...files.map(fixture), '-o', out, ...formats, ...args];
}

/** Run `soqa analyze` in this process into a fresh folder; returns the run and the folder. */
async function analyze(files: string[], ...args: string[]) {
  const out = join(freshDir(), 'out');
  return { ...(await runMain(analyzeArgs(files, out, args))), out };
}

/** The same through the BUILT program (`node bin/soqa.js`, a process per run). */
function analyzeBuilt(files: string[], ...args: string[]) {
  const out = join(freshDir(), 'out');
  return { ...runSoqa(analyzeArgs(files, out, args)), out };
}

const results = (out: string) => readJson<Results>(join(out, 'results.json'));
const byType = (r: Results, year: number) =>
  Object.fromEntries(r.counts.byYearType.filter((x) => x.year === year).map((x) => [x.type, x.count]));

function expectValid(r: Results): void {
  const ok = validateResults(r);
  expect(validateResults.errors ?? [], 'results.json matches schemas/results.schema.json').toEqual([]);
  expect(ok).toBe(true);
}

describe('soqa analyze', () => {
  it('good-utf8.csv: exit 0, results.json valid, rows accounted for on stdout and in the file', () => {
    const r = analyzeBuilt(['good-utf8.csv'], '--lang', 'en');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('rows read 7 = accepted 7 + rejected 0');
    const res = results(r.out);
    expectValid(res);
    expect(res.provenance.rows).toEqual({ read: 7, accepted: 7, rejected: 0, blank: 0 });
    expect(res.provenance.rows.read).toBe(res.provenance.rows.accepted + res.provenance.rows.rejected);
    expect(res.quality.rows).toEqual(res.provenance.rows);
    expect(res.provenance.inputs).toHaveLength(1);
    expect(res.provenance.inputs[0]).toMatchObject({
      file: 'good-utf8.csv',
      encoding: 'utf-8',
      delimiter: ',',
      gzip: false,
      bytes: readFileSync(fixture('good-utf8.csv')).length,
    });
    expect(res.provenance.shape).toBe('panel');
    expect(res.notice).toBeNull();
    // fixture: 3 organizations report in 2023; in 2024 the Ordos foundation joins them
    expect(res.counts.byYear).toEqual([
      { year: 2023, count: 3 },
      { year: 2024, count: 4 },
    ]);
    expect(byType(res, 2024)).toEqual({ foundation: 1, private_non_enterprise: 1, social_group: 2 });
    // 2024 by region: Hohhot 2 social groups, Baotou 1, Ordos 1
    expect(res.counts.byYearRegion.filter((x) => x.year === 2024).map((x) => [x.region, x.count])).toEqual([
      ['150100', 2],
      ['150200', 1],
      ['150600', 1],
    ]);
    // a clean input gives header-only problem files
    expect(readFileSync(join(r.out, 'rejects.csv'), 'utf8')).toBe('\uFEFFfile,line,code,column,value,reason\n');
    expect(readFileSync(join(r.out, 'warnings.csv'), 'utf8')).toBe('\uFEFFfile,line,code,column,value,reason\n');
    expect(existsSync(join(r.out, '.soqa-output'))).toBe(true);
    const table = readCsv(join(r.out, 'tables', 'counts-by-year-region-type.csv'));
    expect(table.filter((x) => x.year === '2024').reduce((s, x) => s + Number(x.count), 0)).toBe(4);
  });

  it('writes a byte-identical results.json for the same input, whatever the output folder', () => {
    const a = analyzeBuilt(['gbk-chinese-headers.csv']);
    const b = analyzeBuilt(['gbk-chinese-headers.csv']);
    expect([a.status, b.status]).toEqual([0, 0]);
    const first = readFileSync(join(a.out, 'results.json'));
    expect(readFileSync(join(b.out, 'results.json')).equals(first)).toBe(true);
    // again into the first folder (a soqa output folder: allowed without --force)
    const again = runSoqa(['analyze', fixture('gbk-chinese-headers.csv'), '-o', a.out, ...JSON_ONLY]);
    expect(again.status, again.stderr).toBe(0);
    expect(readFileSync(join(a.out, 'results.json')).equals(first)).toBe(true);
  });

  it('loads a GBK file with Chinese headers and maps its Chinese type labels', async () => {
    const r = await analyze(['gbk-chinese-headers.csv'], '--lang', 'en');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('rows read 4 = accepted 4 + rejected 0');
    const res = results(r.out);
    expectValid(res);
    expect(res.provenance.inputs[0]).toMatchObject({ file: 'gbk-chinese-headers.csv', encoding: 'gb18030' });
    // 社会团体 + 社团 → social_group 2, 民办非企业单位 → 1, 基金会 → 1
    expect(byType(res, 2024)).toEqual({ foundation: 1, private_non_enterprise: 1, social_group: 2 });
    // 呼和浩特市, 鄂尔多斯, 包头市, 乌海市
    expect(res.counts.regions).toEqual(['150100', '150200', '150300', '150600']);
    expect(res.quality.columns.present).toEqual(
      expect.arrayContaining(['org_id', 'name', 'type', 'region', 'registered', 'year', 'staff_fulltime']),
    );
  });

  it('negative-staff.csv: rejects.csv names line, code, column and value; --strict exits 1', async () => {
    const r = await analyze(['negative-staff.csv'], '--lang', 'en');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('rows read 5 = accepted 2 + rejected 3');
    const rejects = readCsv(join(r.out, 'rejects.csv'));
    expect(rejects.map((x) => [x.file, x.line, x.code, x.column, x.value])).toEqual([
      ['negative-staff.csv', '3', 'R_NEGATIVE', 'staff_fulltime', '-3'], // a plain negative number is not prefixed with '
      ['negative-staff.csv', '4', 'R_NEGATIVE', 'staff_parttime', '-1'],
      ['negative-staff.csv', '5', 'R_NOT_INTEGER', 'staff_fulltime', '2.5'],
    ]);
    const res = results(r.out);
    expectValid(res);
    expect(res.provenance.rows).toEqual({ read: 5, accepted: 2, rejected: 3, blank: 0 });
    expect(res.quality.rejectsByReason).toEqual({ R_NEGATIVE: 2, R_NOT_INTEGER: 1 });

    const strict = await analyze(['negative-staff.csv'], '--strict');
    expect(strict.status).toBe(1);
    expect(existsSync(join(strict.out, 'results.json'))).toBe(true);
  });

  it('--strict exits 1 for warnings alone, and 0 for a clean file', async () => {
    expect((await analyze(['credit-code-warnings.csv'], '--strict')).status).toBe(1);
    expect((await analyze(['good-utf8.csv'], '--strict')).status).toBe(0);
  });

  it('broken-quotes.csv: each broken row is rejected on its own line, the rows after it are kept', async () => {
    const r = await analyze(['broken-quotes.csv'], '--lang', 'en');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('rows read 7 = accepted 5 + rejected 2');
    expect(readCsv(join(r.out, 'rejects.csv')).map((x) => [x.line, x.code])).toEqual([
      ['5', 'R_UNTERMINATED_QUOTE'],
      ['8', 'R_UNTERMINATED_QUOTE'],
    ]);
    expect(readCsv(join(r.out, 'warnings.csv'))).toEqual([]);
  });

  it('duplicate-rows.csv: duplicates counted in quality and listed with the line they repeat', async () => {
    const r = await analyze(['duplicate-rows.csv']);
    expect(r.status, r.stderr).toBe(0);
    const res = results(r.out);
    expect(res.quality.duplicates).toBe(2);
    expect(readCsv(join(r.out, 'rejects.csv')).map((x) => [x.line, x.code, x.column, x.reason])).toEqual([
      ['5', 'R_DUPLICATE', 'org_id, year', 'duplicates duplicate-rows.csv line 3'],
      ['6', 'R_DUPLICATE', 'org_id, year', 'duplicates duplicate-rows.csv line 4'],
    ]);
  });

  it('credit-code-warnings.csv: warnings.csv and the credit-code counts', async () => {
    const r = await analyze(['credit-code-warnings.csv']);
    expect(r.status, r.stderr).toBe(0);
    expect(readCsv(join(r.out, 'warnings.csv')).map((x) => [x.line, x.code, x.column])).toEqual([
      ['2', 'W_CODE_CHECKSUM', 'org_id'],
      ['3', 'W_CODE_TYPE', 'org_id'],
      ['4', 'W_CODE_REGION', 'org_id'],
      ['5', 'W_CODE_LOWERCASE', 'org_id'],
    ]);
    expect(results(r.out).quality.creditCodes).toEqual({
      checksumFailures: 1,
      typeMismatches: 1,
      regionMismatches: 1,
      lowercase: 1,
    });
  });

  it('dates-mixed.csv: a registry list counted as year-end stocks', async () => {
    const r = await analyze(['dates-mixed.csv']);
    expect(r.status, r.stderr).toBe(0);
    const res = results(r.out);
    expectValid(res);
    expect(res.provenance.shape).toBe('registry');
    expect(res.provenance.rows).toEqual({ read: 8, accepted: 6, rejected: 2, blank: 0 });
    // accepted: five organizations registered in 2024 and one registered in 2020 (bare
    // year), none deregistered; as-of year 2024. So 2020–2023: 1 each; 2024: 1 + 5 = 6.
    expect(res.counts.byYear).toEqual([
      { year: 2020, count: 1 },
      { year: 2021, count: 1 },
      { year: 2022, count: 1 },
      { year: 2023, count: 1 },
      { year: 2024, count: 6 },
    ]);
    expect(byType(res, 2024)).toEqual({ foundation: 1, private_non_enterprise: 2, social_group: 3 });
  });

  it('reads several files as one dataset', async () => {
    const r = await analyze(['good-utf8.csv', 'negative-staff.csv', 'fullwidth-numbers.csv'], '--lang', 'en');
    expect(r.status, r.stderr).toBe(0);
    // 7 + 5 + 2 read; 7 + 2 + 2 accepted; 0 + 3 + 0 rejected
    expect(r.stdout).toContain('rows read 14 = accepted 11 + rejected 3');
    const res = results(r.out);
    expectValid(res);
    expect(res.provenance.inputs.map((i) => [i.file, i.rows.read, i.rows.accepted, i.rows.rejected])).toEqual([
      ['good-utf8.csv', 7, 7, 0],
      ['negative-staff.csv', 5, 2, 3],
      ['fullwidth-numbers.csv', 2, 2, 0],
    ]);
  });

  it('reads BOM + semicolon, UTF-16LE + tab and full-width numbers', async () => {
    for (const [name, encoding, delimiter, read] of [
      ['bom-semicolon.csv', 'utf-8', ';', 2],
      ['utf16le.csv', 'utf-16le', '\t', 3],
      ['fullwidth-numbers.csv', 'utf-8', ',', 2],
    ] as const) {
      const r = await analyze([name]);
      expect(r.status, `${name}: ${r.stderr}`).toBe(0);
      const res = results(r.out);
      expectValid(res);
      expect(res.provenance.inputs[0]).toMatchObject({ encoding, delimiter });
      expect(res.provenance.rows).toEqual({ read, accepted: read, rejected: 0, blank: 0 });
    }
  });

  it('--json prints the run summary as JSON on stdout', async () => {
    const r = await analyze(['good-utf8.csv'], '--json', '--quiet');
    expect(r.status, r.stderr).toBe(0);
    const summary = JSON.parse(r.stdout) as {
      rows: Results['provenance']['rows'];
      year: number;
      byType: Record<string, number>;
      synthetic: boolean;
    };
    expect(summary.rows).toEqual({ read: 7, accepted: 7, rejected: 0, blank: 0 });
    expect(summary.year).toBe(2024);
    expect(summary.byType).toEqual({ foundation: 1, private_non_enterprise: 1, social_group: 2 });
    expect(summary.synthetic).toBe(false);
  });

  it('missing-column.csv: exit 2 with a message naming the column and listing the headers found', () => {
    const r = analyzeBuilt(['missing-column.csv']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('E_MISSING_COLUMN');
    expect(r.stderr).toContain('required column registered not found');
    expect(r.stderr).toContain('headers found: "org_id", "name", "type", "region", "year", "staff_fulltime"');
    expect(existsSync(join(r.out, 'results.json'))).toBe(false);
  });

  it('exit 2 for a missing input file and for a registry list mixed with a panel', async () => {
    const missing = await runMain(['analyze', join(freshDir(), 'nope.csv'), '-o', join(freshDir(), 'o'), ...JSON_ONLY]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('E_INPUT_READ');
    const mixed = await analyze(['good-utf8.csv', 'dates-mixed.csv']);
    expect(mixed.status).toBe(2);
    expect(mixed.stderr).toContain('E_MIXED_SHAPES');
  });

  it('exit 2 when no row can be used, rejects.csv still written', async () => {
    const dir = freshDir();
    const p = join(dir, 'all-bad.csv');
    writeFileSync(p, 'org_id,name,type,region,registered\nA,协会,企业,150100,2020\nB,协会,social_group,北京,2020\n');
    const out = join(dir, 'out');
    // --regions: without it the two rows (150100, 北京) would pick china-provinces, which places both
    const r = await runMain(['analyze', p, '-o', out, '--regions', 'inner-mongolia', ...JSON_ONLY]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('E_NO_ROWS');
    expect(readCsv(join(out, 'rejects.csv')).map((x) => [x.line, x.code])).toEqual([
      ['2', 'R_UNKNOWN_TYPE'],
      ['3', 'R_UNKNOWN_REGION'],
    ]);
  });

  it('--stream always writes the same files as --stream never; a bad --stream value exits 3', async () => {
    // streamed: rows summed into the cube chunk by chunk and spilled by organization to
    // temporary files that supervision reads back; the files must not change by a byte.
    // Duplicates, bad cells and credit-code findings on damaged panels are compared in
    // test/perf/streamed-analyze-identity.test.ts; here, what only the command's reading
    // adds (decoding, files written by `analyze`): other encodings and broken quotes, and a clean file
    for (const f of ['good-utf8.csv', 'gbk-chinese-headers.csv', 'utf16le.csv', 'broken-quotes.csv']) {
      const kept = await analyze([f], '--stream', 'never', '--format', 'json', '--list-organizations');
      const streamed = await analyze([f], '--stream', 'always', '--format', 'json', '--list-organizations');
      expect(streamed.status, f).toBe(kept.status);
      for (const file of ['results.json', 'rejects.csv', 'warnings.csv'])
        expect(readFileSync(join(streamed.out, file), 'utf8'), `${f} ${file}`).toBe(
          readFileSync(join(kept.out, file), 'utf8'),
        );
    }
    const bad = await analyze(['good-utf8.csv'], '--stream', 'sometimes');
    expect(bad.status).toBe(3);
    expect(bad.stderr).toContain('--stream: "sometimes" is not valid');
  });

  it('exit 3 for an unknown option', () => {
    const r = analyzeBuilt(['good-utf8.csv'], '--no-such-option');
    expect(r.status).toBe(3);
    expect(r.stderr).toContain("unknown option '--no-such-option'");
  });

  it('exit 3 for a bad --encoding or --delimiter value', async () => {
    const enc = await analyze(['good-utf8.csv'], '--encoding', 'latin1');
    expect(enc.status).toBe(3);
    expect(enc.stderr).toContain('E_BAD_OPTION');
    expect(enc.stderr).toContain('--encoding: "latin1" is not valid');
    expect(existsSync(enc.out)).toBe(false);
    const del = await analyze(['good-utf8.csv'], '--delimiter', ':');
    expect(del.status).toBe(3);
    expect(del.stderr).toContain('--delimiter');
  });

  it('--permutations sets the Moran and LISA permutation count (results record it); a bad value exits 3', async () => {
    const r = await analyze(['good-utf8.csv'], '--permutations', '99');
    expect(r.status, r.stderr).toBe(0);
    const spatial = results(r.out).analyses.spatial as SpatialSection;
    expect(spatial.method.moran.permutations).toBe(99);
    // every Moran's I with a permutation test ran 99 (pseudo p = (larger + 1)/100, a multiple of 0.01)
    const tests = spatial.byYear.flatMap((y) => (y.all.moran?.permutation ? [y.all.moran.permutation] : []));
    expect(tests.length).toBeGreaterThan(0);
    for (const t of tests) {
      expect(t.permutations).toBe(99);
      expect(Math.abs(t.pPseudo * 100 - Math.round(t.pPseudo * 100))).toBeLessThan(1e-9);
    }
    for (const bad of ['1.5', '-1', '100000', 'many']) {
      const b = await analyze(['good-utf8.csv'], '--permutations', bad);
      expect(b.status, bad).toBe(3);
      expect(b.stderr).toContain('--permutations');
    }
  });

  it('--encoding gbk forces GB18030', async () => {
    const r = await analyze(['gbk-chinese-headers.csv'], '--encoding', 'gbk');
    expect(r.status, r.stderr).toBe(0);
    expect(results(r.out).provenance.inputs[0].encoding).toBe('gb18030');
    expect(results(r.out).provenance.options.encoding).toBe('gb18030');
  });

  it('refuses to write into a folder soqa did not create, unless --force', async () => {
    const out = join(freshDir(), 'mine');
    mkdirSync(out);
    writeFileSync(join(out, 'notes.txt'), 'my notes\n');
    const r = await runMain(['analyze', fixture('good-utf8.csv'), '-o', out, ...JSON_ONLY]);
    expect(r.status).toBe(3);
    expect(r.stderr).toContain('E_OUT_NOT_SOQA');
    expect(r.stderr).toContain('--force');
    expect(existsSync(join(out, 'results.json'))).toBe(false);
    expect(existsSync(join(out, '.soqa-output'))).toBe(false);

    const forced = await runMain(['analyze', fixture('good-utf8.csv'), '-o', out, '--force', ...JSON_ONLY]);
    expect(forced.status, forced.stderr).toBe(0);
    expect(existsSync(join(out, 'results.json'))).toBe(true);
    expect(readFileSync(join(out, 'notes.txt'), 'utf8')).toBe('my notes\n');
  });

  it('writes into an empty existing folder', async () => {
    const out = freshDir();
    const r = await runMain(['analyze', fixture('good-utf8.csv'), '-o', out, ...JSON_ONLY]);
    expect(r.status, r.stderr).toBe(0);
    expect(existsSync(join(out, 'results.json'))).toBe(true);
  });
});
