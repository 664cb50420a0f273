import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Portrait } from '../../src/analyses/supervision/portrait.js';
import { registerPortrait } from '../../src/cli/commands/portrait.js';
import { EXIT } from '../../src/core/exit-codes.js';
import { creditCodeCheckChar } from '../../src/domain/credit-code/index.js';
import { isSoqaError } from '../../src/core/soqa-error.js';
import { loadProfile, regionsPathFor } from '../../src/ingest/profile/load-profile.js';
import { loadRegions } from '../../src/ingest/regions/load-regions.js';
import { generateSample, sampleManifest, toCsvLine } from '../../src/sample/index.js';
import { runCommand, runMain } from '../helpers/run-command.js';
import { removeFreshDirs, runSoqa } from '../helpers/run-soqa.js';

// A generated panel (orgs 1500, seed 7, 2008–2024); the planted organizations come from
// sampleManifest with the same options.
const dir = mkdtempSync(join(tmpdir(), 'soqa-portrait-cli-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  removeFreshDirs();
});
const regions = loadRegions(regionsPathFor(loadProfile('default')));
const OPTIONS = { orgs: 1500, seed: 7, regions };
const manifest = sampleManifest(OPTIONS);
const input = join(dir, 'sample.csv');
const rows: string[][] = [];
{
  const lines: string[] = [];
  for (const row of generateSample(OPTIONS)) {
    lines.push(toCsvLine(row));
    rows.push(row);
  }
  writeFileSync(input, `${lines.join('\n')}\n`);
}
const header = rows[0];
const col = (name: string) => header.indexOf(name);
const rowsOf = (id: string) => rows.slice(1).filter((r) => r[0] === id);

const run = (args: string[]) => runCommand(registerPortrait, args);

describe('soqa portrait', () => {
  const jump = manifest.cases.find((c) => c.rule === 'implausible_jump' && c.kind === 'revenue')!;

  it('--json: identity, every report year, indicator percentiles among peers, the warning, transparency and grade', async () => {
    const r = await run(['portrait', jump.org_id, input, '--json', '-q']);
    expect(r.error).toBeNull();
    expect(r.code).toBe(EXIT.OK);
    const p = (JSON.parse(r.out) as { portrait: Portrait }).portrait;
    const mine = rowsOf(jump.org_id);
    expect(p.org_id).toBe(jump.org_id);
    expect(p.name).toBe(mine[0][col('name')]);
    expect(p.identity.type).toBe(mine[0][col('type')]);
    expect(p.identity.region).toBe(mine[0][col('region')]);
    expect(p.identity.creditCode.valid).toBe(true);
    expect(p.years.map((y) => y.year)).toEqual(mine.map((x) => Number(x[col('year')])));
    const last = mine[mine.length - 1];
    const y = p.years[p.years.length - 1];
    expect(y.finances.govPurchase).toBe(Number(last[col('rev_gov_purchase')]));
    expect(y.finances.revenue).toBe(
      ['rev_gov_purchase', 'rev_donations', 'rev_membership', 'rev_services', 'rev_other'].reduce(
        (a, c) => a + Number(last[col(c)]),
        0,
      ),
    );
    expect(y.staff.fulltime).toBe(Number(last[col('staff_fulltime')]));
    expect(y.certificates.junior).toBe(Number(last[col('cert_junior')]));
    // the planted revenue jump (×12–18 in the plant year, data/sample/README.md)
    expect(p.warnings.map((w) => w.rule)).toEqual(['implausible_jump']);
    expect(p.warnings[0].evidence).toMatchObject({ year: jump.year, quantity: 'revenue' });
    expect(Number(p.warnings[0].evidence.ratio)).toBeGreaterThanOrEqual(10);
    // medium warning → grade at best C (config/rules/default.json caps)
    expect(['C', 'D']).toContain(p.grade.grade);
    expect(p.indicators.list.length).toBeGreaterThan(10);
    for (const d of p.indicators.list)
      if (d.percentile !== null) expect(d.percentile >= 0 && d.percentile <= 1).toBe(true);
    expect(p.indicators.peerGroup?.type).toBe(p.identity.type);
    expect(p.transparency.index).not.toBeNull();
  });

  it('prints a text portrait by default, in English or Chinese', async () => {
    const r = await run(['portrait', jump.org_id, input, '-q', '--lang', 'en']);
    expect(r.code).toBe(EXIT.OK);
    for (const s of [
      jump.org_id,
      'years',
      'indicator percentiles',
      '[medium] implausible jump (data check): total revenue',
      'transparency (last 3 years)',
      'index (0–100)',
    ])
      expect(r.out).toContain(s);
    const zh = await run(['portrait', jump.org_id, input, '-q', '--lang', 'zh']);
    expect(zh.out).toContain('数据异常跳变（数据核实）：收入合计由');
  });

  it('finds an organization by its exact name too', async () => {
    const id = manifest.planted.dormant[0];
    const name = rowsOf(id)[0][col('name')];
    const p = (JSON.parse((await run(['portrait', name, input, '--json', '-q'])).out) as { portrait: Portrait })
      .portrait;
    expect(p.org_id).toBe(id);
    expect(p.warnings.map((w) => w.rule)).toEqual(['dormant']);
    expect(p.grade.grade).toBe('D'); // high severity → D
  });

  it('says a planted bad check character in English and Chinese, and keeps it in English in --json', async () => {
    // the sample replaces a valid code's check character (character 18) by another one
    // (planned-org-id.ts); the expected one is GB 32100's check character of the first 17
    const bad = manifest.cases.find((c) => c.rule === 'credit_code_checksum')!;
    const found = bad.org_id[17];
    const expected = creditCodeCheckChar(bad.org_id.slice(0, 17));
    expect(found).not.toBe(expected);
    const en = await run(['portrait', bad.org_id, input, '--lang', 'en', '-q']);
    expect(en.out).toContain(`credit code: INVALID (check character is "${found}", expected "${expected}")`);
    const zh = await run(['portrait', bad.org_id, input, '--lang', 'zh', '-q']);
    expect(zh.out).toContain(`信用代码：校验失败（校验位（第18位）为"${found}"，应为"${expected}"）`);
    const json = await run(['portrait', bad.org_id, input, '--json', '-q']);
    const p = (JSON.parse(json.out) as { portrait: { identity: { creditCode: { problems: unknown } } } }).portrait;
    expect(p.identity.creditCode.problems).toEqual([`check character is "${found}", expected "${expected}"`]);
  });

  it('an unknown id is an error (exit 3) naming ids that begin alike', async () => {
    const r = await run(['portrait', jump.org_id.slice(0, 12), input, '-q']);
    expect(isSoqaError(r.error) && r.error.code).toBe('E_ORG_NOT_FOUND');
    expect(isSoqaError(r.error) && r.error.exitCode).toBe(EXIT.BAD_OPTIONS);
    expect((r.error as Error).message).toContain(`ids that begin alike: ${jump.org_id}`);
  });

  it('gives the same portrait from standard input, which it streams (rows spilled by organization, the organization read back from its bucket)', async () => {
    // reference: the same file read in memory (a file under 64 MB is not streamed)
    const bytes = readFileSync(input);
    const dormant = manifest.planted.dormant[0];
    const queries: string[][] = [
      [jump.org_id],
      [jump.org_id, '--year', '2018'],
      [rowsOf(dormant)[0][col('name')]], // by name
      [manifest.planted.dormant[1].toLowerCase()], // upper-cased before matching
      [rows[1][0]], // the first organization of the file
    ];
    for (const q of queries) {
      const fromFile = await runMain(['portrait', q[0], input, '--json', '-q', ...q.slice(1)]);
      const fromStdin = await runMain(['portrait', q[0], '-', '--json', '-q', ...q.slice(1)], undefined, bytes);
      expect(fromFile.status, `${q.join(' ')}: ${fromFile.stderr}`).toBe(0);
      expect(fromStdin.status, q.join(' ')).toBe(0);
      expect(fromStdin.stdout, q.join(' ')).toBe(fromFile.stdout);
      // the indicator details (percentiles among peers) were kept for a supervised organization
      const p = (JSON.parse(fromStdin.stdout) as { portrait: Portrait }).portrait;
      if (q[0] === jump.org_id) expect(p.supervised && p.indicators.list.length, q.join(' ')).toBeGreaterThan(0);
    }
    // not found: the same suggestions; a year outside the panel: the same refusal
    for (const args of [[jump.org_id.slice(0, 12)], [jump.org_id, '--year', '1990']]) {
      const fromFile = await runMain(['portrait', args[0], input, '-q', ...args.slice(1)]);
      const fromStdin = await runMain(['portrait', args[0], '-', '-q', ...args.slice(1)], undefined, bytes);
      expect(fromFile.status, args.join(' ')).toBe(3);
      expect(fromStdin.status, args.join(' ')).toBe(3);
      expect(fromStdin.stderr, args.join(' ')).toBe(fromFile.stderr);
    }
  }, 240_000); // 14 runs on the 1,500-organization panel: a few seconds on a quiet 2-core machine, minutes on a loaded one

  it('on damaged input, the streamed portrait (stdin, built binary) equals the in-memory one and shows only the accepted rows', async () => {
    // the jump organization's first row again (a duplicate), its last row moved to 2025 with
    // staff_fulltime "-3" (rejected: negative), and a broken quote on the last line
    const mine = rowsOf(jump.org_id);
    const negative = [...mine[mine.length - 1]];
    negative[col('year')] = '2025';
    negative[col('staff_fulltime')] = '-3';
    const damaged = join(dir, 'damaged.csv');
    writeFileSync(
      damaged,
      `${readFileSync(input, 'utf8')}${toCsvLine(mine[0])}\n${toCsvLine(negative)}\n"broken,quote\n`,
    );
    const fromFile = await runMain(['portrait', jump.org_id, damaged, '--json', '-q']);
    // standard input piped to the built program (`node bin/soqa.js`)
    const fromStdin = runSoqa(['portrait', jump.org_id, '-', '--json', '-q'], undefined, readFileSync(damaged));
    expect(fromFile.status, fromFile.stderr).toBe(0);
    expect(fromStdin.stdout).toBe(fromFile.stdout);
    const p = (JSON.parse(fromStdin.stdout) as { portrait: Portrait }).portrait;
    // one year per accepted row of the clean file: the duplicate and the rejected 2025 row are not shown
    expect(p.years.map((y) => y.year)).toEqual(mine.map((r) => Number(r[col('year')])).sort((a, b) => a - b));
  });
});
