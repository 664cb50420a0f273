import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { registerAnalyze } from '../../src/cli/commands/analyze.js';
import { registerTrends } from '../../src/cli/commands/trends.js';
import { registerValidate } from '../../src/cli/commands/validate.js';
import { registerPortrait } from '../../src/cli/commands/portrait.js';
import { isSoqaError } from '../../src/core/soqa-error.js';
import { runCommand } from '../helpers/run-command.js';

const FIX = resolve(import.meta.dirname, '..', 'fixtures');
const dir = mkdtempSync(join(tmpdir(), 'soqa-i20-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const write = (name: string, text: string): string => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};

describe('messages say why (issue 20, item 9)', () => {
  it('trends on a national table read with the default regions: the reason, an example line and the fix', async () => {
    const r = await runCommand(registerTrends, [
      'trends',
      join(FIX, 'aggregate', 'national-2012-2022.csv'),
      '--regions',
      'inner-mongolia',
    ]);
    expect(isSoqaError(r.error) && r.error.code).toBe('E_NO_ROWS');
    const text = (r.error as Error).message;
    expect(text).toContain('3 of 3 rows were rejected');
    expect(text).toContain('R_UNKNOWN_REGION: 3 rows');
    expect(text).toMatch(/e\.g\. national-2012-2022\.csv line 2, column region \(地区\): "全国"/);
    expect(text).toContain('--regions china');
  });

  it('analyze warns on stderr when more than half of the rows are rejected', async () => {
    const p = write(
      'half.csv',
      [
        'org_id,name,type,region,registered',
        '51150100MJ00010104,某协会,社会团体,150100,2015',
        '52150200MJ00010293,某中心,公司,150200,2018',
        '51150100MJ0001037U,某书法家协会,企业,150100,2010',
      ].join('\n'),
    );
    const r = await runCommand(registerAnalyze, ['analyze', p, '--format', 'json', '-o', join(dir, 'o1')]);
    expect(r.error).toBeNull();
    expect(r.err).toContain('2 of 3 rows were rejected');
    expect(r.err).toMatch(/R_UNKNOWN_TYPE: 2 rows\n +e\.g\. half\.csv line 3, column type: "公司"/);
    expect(r.err).toContain('fix: add the labels to a profile as type aliases');
  });

  it('validate prints the first warnings with their lines and writes them all with --warnings', async () => {
    const out = join(dir, 'w.csv');
    const r = await runCommand(registerValidate, [
      'validate',
      join(FIX, 'issue-20', 'excel-ids.csv'),
      '--warnings',
      out,
      '--lang',
      'en',
    ]);
    expect(r.out).toContain('first warnings (all of them: --warnings FILE):');
    expect(r.out).toContain(`excel-ids.csv line 2 W_ID_APOSTROPHE, column org_id: "'51150100MJ00010104"`);
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('file,line,code,column,value,reason');
    // one warning per artefact (lines 2–8 of the fixture; line 8 ends in a no-break space)
    expect(lines.slice(1).map((l) => l.split(',').slice(1, 3).join(','))).toEqual([
      '2,W_ID_APOSTROPHE',
      '3,W_ID_FORMULA',
      '4,W_ID_INVISIBLE',
      '5,W_ID_SPACES',
      '6,W_ID_FULLWIDTH',
      '7,W_CODE_LOWERCASE',
      '8,W_ID_INVISIBLE',
    ]);
  });

  it('validate lists the lines around the table and the header line', async () => {
    const r = await runCommand(registerValidate, [
      'validate',
      join(FIX, 'issue-20', 'yearbook-units.csv'),
      '--lang',
      'en',
    ]);
    expect(r.out).toContain('header on line 3');
    expect(r.out).toContain('line 2 skipped (unit): "单位：个"');
    expect(r.out).toContain('line 10 skipped (note): "注：本表数据为年末登记数。"');
  });
});

describe('soqa portrait finds an organization under any spelling of its id (issue 20, item 7)', () => {
  it.each([
    "'51150100MJ00010104",
    '="51150100MJ00010104"',
    '51150100MJ00010104\u200b',
    '５１１５０１００ＭＪ０００１０１０４',
  ])('%j', async (q) => {
    const r = await runCommand(registerPortrait, ['portrait', q, join(FIX, 'issue-20', 'excel-ids.csv'), '--json']);
    expect(r.error).toBeNull();
    expect(JSON.parse(r.out).portrait.org_id).toBe('51150100MJ00010104');
  });
});
