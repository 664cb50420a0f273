import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Papa from 'papaparse';
import { afterAll, describe, expect, it } from 'vitest';
import { registerRisk, RISK_CSV_COLUMNS } from '../../src/cli/commands/risk.js';
import { loadRules } from '../../src/ingest/rules/load-rules.js';
import { EXIT } from '../../src/core/exit-codes.js';
import { isSoqaError } from '../../src/core/soqa-error.js';
import { loadProfile, regionsPathFor } from '../../src/ingest/profile/load-profile.js';
import { loadRegions } from '../../src/ingest/regions/load-regions.js';
import { generateSample, PLANTED_RULES, sampleManifest, toCsvLine } from '../../src/sample/index.js';
import { runCommand, runMain } from '../helpers/run-command.js';
import { removeFreshDirs, runSoqa } from '../helpers/run-soqa.js';

// A generated panel (orgs 1500, seed 7, 2008–2024); what was planted comes from sampleManifest
// with the same options (data/sample/README.md: round(8 × (1500/18000)^¼) = 4 per rule).
const dir = mkdtempSync(join(tmpdir(), 'soqa-risk-cli-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  removeFreshDirs();
});
const regions = loadRegions(regionsPathFor(loadProfile('default')));
const OPTIONS = { orgs: 1500, seed: 7, regions };
const manifest = sampleManifest(OPTIONS);
const input = join(dir, 'sample.csv');
{
  const lines: string[] = [];
  for (const row of generateSample(OPTIONS)) lines.push(toCsvLine(row));
  writeFileSync(input, `${lines.join('\n')}\n`);
}

interface RiskJson {
  notice: unknown;
  asOf: number;
  organizations: { evaluated: number; supervised: number; flagged: number };
  flagged: {
    rank: number;
    org_id: string;
    severity: string;
    grade: string | null;
    warnings: {
      rule: string;
      action: string;
      years: number[];
      evidence: Record<string, unknown>;
      text: { en: string; zh: string };
    }[];
  }[];
  totals: {
    warnings: number;
    byRule: { rule: string; organizations: number }[];
    byRegion: { region: string; flagged: number }[];
    byType: { type: string; flagged: number }[];
  };
}

const run = (args: string[]) => runCommand(registerRisk, args);

const byRule = (j: RiskJson): Map<string, string[]> => {
  const m = new Map<string, string[]>(PLANTED_RULES.map((r) => [r.id, []]));
  for (const o of j.flagged) for (const w of o.warnings) m.get(w.rule)!.push(o.org_id);
  return m;
};

describe('soqa risk', () => {
  it('--json lists exactly the planted organizations under each rule, ranked by severity, with totals', async () => {
    const r = await run(['risk', input, '--json', '-q']);
    expect(r.error).toBeNull();
    expect(r.code).toBe(EXIT.OK);
    const j = JSON.parse(r.out) as RiskJson;
    expect(j.asOf).toBe(2024);
    expect(j.notice).toBeNull();
    const found = byRule(j);
    // data/sample/README.md: round(8 × (1500 / 18000)^¼) = round(4.30) = 4, plus 8, 7, …, 0 in rule order
    PLANTED_RULES.forEach((rule, k) => {
      expect(manifest.planted[rule.id].length, rule.id).toBe(4 + 8 - k);
      expect(found.get(rule.id)!.sort(), rule.id).toEqual([...manifest.planted[rule.id]].sort());
      expect(j.totals.byRule.find((x) => x.rule === rule.id)!.organizations).toBe(4 + 8 - k);
    });
    expect(j.organizations.flagged).toBe(72); // 9 × 4 + (8 + 7 + … + 0) = 36 + 36
    expect(j.totals.byRegion.reduce((a, x) => a + x.flagged, 0)).toBe(72);
    expect(j.totals.byType.reduce((a, x) => a + x.flagged, 0)).toBe(72);
    const rank = { high: 3, medium: 2, low: 1 } as Record<string, number>;
    for (let k = 1; k < j.flagged.length; k++)
      expect(rank[j.flagged[k - 1].severity]).toBeGreaterThanOrEqual(rank[j.flagged[k].severity]);
    // evidence of each planted deficit: the deficit run holds the planted years (manifest .cases;
    // a natural deficit year next to the plant can lengthen the run)
    for (const c of manifest.cases.filter((x) => x.rule === 'persistent_deficit')) {
      const w = j.flagged.find((o) => o.org_id === c.org_id)!.warnings[0];
      for (let y = c.year; y <= c.until; y++) expect(w.years).toContain(y);
    }
    const w = j.flagged.find((o) => o.org_id === manifest.planted.persistent_deficit[0])!.warnings[0];
    expect(w.action).toBe('interview');
    expect(w.text.en).toMatch(/^expenses above revenue in \d{4}–\d{4}/);
  });

  it('gives the same ranking from standard input, which it streams (rows spilled by organization)', async () => {
    const bytes = readFileSync(input);
    for (const extra of [[], ['--year', '2020']]) {
      const fromFile = await runMain(['risk', input, '--json', '-q', ...extra]);
      // once through the built program (`node bin/soqa.js`), once in this process
      const fromStdin =
        extra.length === 0
          ? runSoqa(['risk', '-', '--json', '-q', ...extra], undefined, bytes)
          : await runMain(['risk', '-', '--json', '-q', ...extra], undefined, bytes);
      expect(fromFile.status).toBe(0);
      expect(fromStdin.status).toBe(0);
      expect(fromStdin.stdout).toBe(fromFile.stdout);
    }
    // a year outside the panel: the same refusal either way
    const bad = await runMain(['risk', '-', '--year', '1990'], undefined, bytes);
    expect(bad.status).toBe(3);
    expect(bad.stderr).toContain('1990');
  });

  it('prints a ranked text list with evidence and the totals by rule, region and type', async () => {
    const r = await run(['risk', input, '-q', '--limit', '5', '--lang', 'en']);
    expect(r.code).toBe(EXIT.OK);
    expect(r.out).toMatch(
      /^risk warnings as of 2024 \(rules default\): \d+ organizations checked, 1500 supervised in 2024, 72 flagged \(16 high, 35 medium, 21 low\)/,
    );
    expect(r.out).toMatch(/\n1 {2}\[high\] /);
    // by the rule counts 12, 11, …, 4 (rule order) and severities: high dormant 12 + deregistered 4 = 16;
    // medium missing 11 + deficit 10 + jump 8 + checksum 6 = 35; low single 9 + cert 7 + mismatch 5 = 21
    expect(r.out).toContain('(first 5 of 72; --limit 0 lists all)');
    for (const h of ['by rule', 'by region', 'by type', 'on-site inspection']) expect(r.out).toContain(h);
    const zh = await run(['risk', input, '-q', '--limit', '2', '--lang', 'zh']);
    expect(zh.out).toContain('风险预警（截至2024年，规则 default）');
    expect(zh.out).toContain('现场检查');
  });

  it('--csv gives one row per warning with the columns documented', async () => {
    const r = await run(['risk', input, '--csv', '-q']);
    expect(r.code).toBe(EXIT.OK);
    const parsed = Papa.parse<Record<string, string>>(r.out.replace(/^\uFEFF/, ''), {
      header: true,
      skipEmptyLines: true,
    });
    expect(parsed.meta.fields).toEqual(RISK_CSV_COLUMNS);
    expect(parsed.data.length).toBe(72); // each planted organization trips one rule
    expect(new Set(parsed.data.map((d) => d.org_id)).size).toBe(72);
    expect(parsed.data[0].severity).toBe('high');
    expect(JSON.parse(parsed.data[0].evidence_json)).toBeTypeOf('object');
  });

  it('--year 2020 reads rows up to 2020: the dormancy planted in 2022–2024 is not there yet', async () => {
    const j = JSON.parse((await run(['risk', input, '--json', '-q', '--year', '2020'])).out) as RiskJson;
    expect(j.asOf).toBe(2020);
    // dormant plants cover the last 2–3 years of the panel (2022 or 2023 to 2024)
    expect(byRule(j).get('dormant')).toEqual([]);
    // credit-code plants hold from the organization's first report year (manifest .cases year)
    const want = manifest.cases
      .filter((c) => c.rule === 'credit_code_checksum' && c.year <= 2020)
      .map((c) => c.org_id)
      .sort();
    expect(byRule(j).get('credit_code_checksum')!.sort()).toEqual(want);
  });

  it('--rules takes a bureau file: dormant minYears 3 keeps only the 3-year dormancy plants', async () => {
    const rules = loadRules();
    const d = rules.rules.find((x) => x.id === 'dormant')!;
    if (d.id === 'dormant') d.params.minYears = 3;
    const path = join(dir, 'bureau-rules.json');
    writeFileSync(path, JSON.stringify({ ...rules, path: undefined }));
    const j = JSON.parse((await run(['risk', input, '--json', '-q', '--rules', path])).out) as RiskJson;
    const want = manifest.cases
      .filter((c) => c.rule === 'dormant' && c.until - c.year + 1 >= 3)
      .map((c) => c.org_id)
      .sort();
    expect(byRule(j).get('dormant')!.sort()).toEqual(want);
  });

  it('refuses bad options (exit 3) and aggregated tables (exit 2)', async () => {
    const expectError = async (args: string[], code: string, exit: number) => {
      const r = await run(args);
      expect(isSoqaError(r.error) && `${r.error.code} ${r.error.exitCode}`, args.join(' ')).toBe(`${code} ${exit}`);
    };
    await expectError(['risk', input, '--json', '--csv', '-q'], 'E_BAD_OPTION', EXIT.BAD_OPTIONS);
    await expectError(['risk', input, '--year', '1999', '-q'], 'E_BAD_OPTION', EXIT.BAD_OPTIONS);
    await expectError(['risk', input, '--rules', 'no-such-rules', '-q'], 'E_UNKNOWN_RULES', EXIT.BAD_OPTIONS);
    await expectError(
      ['risk', resolve('test/fixtures/aggregate/national-2012-2022.csv'), '--regions', 'china', '-q'],
      'E_NEEDS_ORGANIZATIONS',
      EXIT.UNUSABLE_INPUT,
    );
  });
});

describe('soqa risk on the built-in sample (data/sample/inner-mongolia-panel.csv.gz)', () => {
  it('finds the planted organizations of every rule listed in data/sample/planted.json (16, 15, …, 8), and no other', async () => {
    const planted = JSON.parse(readFileSync(resolve('data/sample/planted.json'), 'utf8')).planted as Record<
      string,
      string[]
    >;
    const r = await run(['risk', '--json', '-q']);
    expect(r.error).toBeNull();
    const j = JSON.parse(r.out) as RiskJson;
    expect(j.notice).not.toBeNull(); // synthetic
    const found = byRule(j);
    PLANTED_RULES.forEach((rule, k) => {
      expect(planted[rule.id].length, rule.id).toBe(8 + 8 - k); // data/sample/README.md: 8 + (8 − k) at 18,000 orgs
      expect(found.get(rule.id)!.sort(), rule.id).toEqual([...planted[rule.id]].sort());
    });
    expect(j.organizations).toEqual({ evaluated: 22192, supervised: 18000, flagged: 108 }); // data/sample/README.md: 22,192 organizations, 18,000 in 2024, 9 × 8 + 36 = 108 planted
  }, 240_000);
});
