import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { fixture, freshDir, readCsv, removeFreshDirs, runSoqa } from '../helpers/run-soqa.js';
import { runMain } from '../helpers/run-command.js';

// These tests run `soqa validate` in this process (`main`, test/helpers/run-command.ts); the
// exit 0 and exit 1 smoke tests and standard input run the BUILT program (bin/soqa.js → dist/;
// build with `npx tsc -p tsconfig.json`).
// They never run the built-in sample: every run names a fixture from test/fixtures/. The rows
// of each fixture, and so the counts expected below, are explained in
// test/fixtures/make-fixtures.mjs.

afterAll(removeFreshDirs);

const validateArgs = (files: string[], args: string[]) => ['validate', ...files.map(fixture), '--lang', 'en', ...args];
const validate = (files: string[], ...args: string[]) => runMain(validateArgs(files, args));
const validateBuilt = (files: string[], ...args: string[]) => runSoqa(validateArgs(files, args));

interface ValidateJson {
  sources: {
    file: string;
    encoding: string;
    delimiter: string;
    rows: { read: number; accepted: number; rejected: number; blank: number };
  }[];
  rows: { read: number; accepted: number; rejected: number; blank: number };
  rejectsByReason: Record<string, number>;
  warningsByCode: Record<string, number>;
  duplicates: number;
  creditCodes: Record<string, number>;
  rejectExamples: { file: string; line: number; code: string; column: string; value: string; reason: string }[];
}

describe('soqa validate', () => {
  it('exit 0 for a clean file, with the row accounting', () => {
    const r = validateBuilt(['good-utf8.csv']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('good-utf8.csv: utf-8, delimiter ",", 7 rows (7 accepted, 0 rejected)');
    expect(r.stdout).toContain('rows read 7 = accepted 7 + rejected 0');
    expect(r.stdout).toContain('rejected rows by reason: none');
    expect(r.stdout).toContain('warnings by code: none');
  });

  it('exit 0 for the clean GBK, BOM-semicolon and UTF-16LE files, naming their encodings', async () => {
    const gbk = await validate(['gbk-chinese-headers.csv']);
    expect(gbk.status, gbk.stderr).toBe(0);
    expect(gbk.stdout).toContain('gbk-chinese-headers.csv: gb18030, delimiter ",", 4 rows (4 accepted, 0 rejected)');
    const semi = await validate(['bom-semicolon.csv']);
    expect(semi.status).toBe(0);
    expect(semi.stdout).toContain('bom-semicolon.csv: utf-8, delimiter ";"');
    const u16 = await validate(['utf16le.csv']);
    expect(u16.status).toBe(0);
    expect(u16.stdout).toContain('utf16le.csv: utf-16le, delimiter "\\t"');
  });

  it('exit 1 with rejected rows, listing reasons and the first rows with line and column', async () => {
    const r = await validate(['negative-staff.csv']);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('rows read 5 = accepted 2 + rejected 3');
    expect(r.stdout).toMatch(/R_NEGATIVE\s+2\n/);
    expect(r.stdout).toMatch(/R_NOT_INTEGER\s+1\n/);
    expect(r.stdout).toContain('negative-staff.csv line 3, column staff_fulltime: "-3" is negative');
    expect(r.stdout).toContain('negative-staff.csv line 4, column staff_parttime: "-1" is negative');
    expect(r.stdout).toContain('negative-staff.csv line 5, column staff_fulltime: "2.5" is not a whole number');
  });

  it('exit 1 for warnings alone', () => {
    const r = validateBuilt(['credit-code-warnings.csv']);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('rows read 5 = accepted 5 + rejected 0');
    expect(r.stdout).toContain('credit codes: 1 fail the checksum, 1 disagree with type, 1 with region, 1 lower-case');
  });

  it('exit 1 for broken quotes, duplicates and impossible dates, with the right lines', async () => {
    const bq = await validate(['broken-quotes.csv']);
    expect(bq.status).toBe(1);
    expect(bq.stdout).toContain('broken-quotes.csv line 5:');
    expect(bq.stdout).toContain('broken-quotes.csv line 8:');
    const dup = await validate(['duplicate-rows.csv']);
    expect(dup.status).toBe(1);
    expect(dup.stdout).toContain('duplicates: 2');
    const dates = await validate(['dates-mixed.csv']);
    expect(dates.status).toBe(1);
    expect(dates.stdout).toContain('dates-mixed.csv line 7, column registered: "2024-02-30" impossible date');
    expect(dates.stdout).toContain('dates-mixed.csv line 8, column registered: "2023-02-29" impossible date');
  });

  it('--json gives the report as JSON with read = accepted + rejected', async () => {
    const r = await validate(['negative-staff.csv', 'good-utf8.csv'], '--json', '--quiet');
    expect(r.status).toBe(1);
    const j = JSON.parse(r.stdout) as ValidateJson;
    expect(j.rows).toEqual({ read: 12, accepted: 9, rejected: 3, blank: 0 });
    expect(j.rows.read).toBe(j.rows.accepted + j.rows.rejected);
    for (const s of j.sources) expect(s.rows.read).toBe(s.rows.accepted + s.rows.rejected);
    expect(j.sources.map((s) => s.file)).toEqual(['negative-staff.csv', 'good-utf8.csv']);
    expect(j.rejectsByReason).toEqual({ R_NEGATIVE: 2, R_NOT_INTEGER: 1 });
    expect(j.rejectExamples.map((x) => [x.line, x.column])).toEqual([
      [3, 'staff_fulltime'],
      [4, 'staff_parttime'],
      [5, 'staff_fulltime'],
    ]);
  });

  it('--rejects writes the rejected rows to a CSV', async () => {
    const path = join(freshDir(), 'rejects.csv');
    const r = await validate(['duplicate-rows.csv'], '--rejects', path);
    expect(r.status).toBe(1);
    expect(readCsv(path).map((x) => [x.file, x.line, x.code])).toEqual([
      ['duplicate-rows.csv', '5', 'R_DUPLICATE'],
      ['duplicate-rows.csv', '6', 'R_DUPLICATE'],
    ]);
  });

  it('exit 2 for unusable input: a missing column, a missing file, no usable row', async () => {
    const col = await validate(['missing-column.csv']);
    expect(col.status).toBe(2);
    expect(col.stderr).toContain('required column registered not found');
    expect(col.stderr).toContain('headers found: "org_id", "name", "type", "region", "year", "staff_fulltime"');

    const dir = freshDir();
    const none = await runMain(['validate', join(dir, 'nope.csv')]);
    expect(none.status).toBe(2);
    expect(none.stderr).toContain('E_INPUT_READ');

    const bad = join(dir, 'all-bad.csv');
    writeFileSync(bad, 'org_id,name,type,region,registered\nA,协会,企业,150100,2020\n');
    const allBad = await runMain(['validate', bad, '--lang', 'en']);
    expect(allBad.status).toBe(2);
    expect(allBad.stdout).toContain('rows read 1 = accepted 0 + rejected 1');
  });

  it('exit 3 for a bad option value or an unknown option', async () => {
    const enc = await validate(['good-utf8.csv'], '--encoding', 'big5');
    expect(enc.status).toBe(3);
    expect(enc.stderr).toContain('--encoding: "big5" is not valid');
    const unknown = await validate(['good-utf8.csv'], '--frobnicate');
    expect(unknown.status).toBe(3);
    expect(unknown.stderr).toContain("unknown option '--frobnicate'");
    const profile = await validate(['good-utf8.csv'], '--profile', 'no-such-profile');
    expect(profile.status).toBe(3);
    expect(profile.stderr).toContain('E_UNKNOWN_PROFILE');
  });

  it('reads standard input (-) and gzipped files', async () => {
    // standard input piped to the built program
    const stdin = runSoqa(
      ['validate', '-', '--lang', 'en'],
      freshDir(),
      readFileSync(fixture('gbk-chinese-headers.csv')),
    );
    expect(stdin.status, stdin.stderr).toBe(0);
    expect(stdin.stdout).toContain('stdin: gb18030, delimiter ",", 4 rows (4 accepted, 0 rejected)');
    const gz = join(freshDir(), 'negative-staff.csv.gz');
    writeFileSync(gz, gzipSync(readFileSync(fixture('negative-staff.csv'))));
    const r = await runMain(['validate', gz, '--lang', 'en']);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('negative-staff.csv.gz: utf-8, delimiter ",", 5 rows (2 accepted, 3 rejected)');
    expect(r.stdout).toContain('negative-staff.csv.gz line 3, column staff_fulltime');
  });

  it('writes no output folder', async () => {
    const cwd = freshDir();
    const r = await runMain(['validate', fixture('good-utf8.csv')], cwd);
    expect(r.status).toBe(0);
    expect(existsSync(join(cwd, 'reports'))).toBe(false);
  });
});
