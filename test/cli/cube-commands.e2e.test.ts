import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadProfile, regionsPathFor } from '../../src/ingest/profile/load-profile.js';
import { loadRegions } from '../../src/ingest/regions/load-regions.js';
import { generateSample, toCsvLine } from '../../src/sample/index.js';
import { freshDir, removeFreshDirs } from '../helpers/run-soqa.js';
import { runMain } from '../helpers/run-command.js';

// The single-analysis commands that read only the cube (trends, spatial, staff, tension,
// indicators) sum an annual panel's rows chunk by chunk and drop them; `soqa analyze
// --stream never` keeps every row in memory and builds the cube from all of them at once.
// The reference for each command's section is therefore analyze's section of results.json
// on the same file with the same (default) options: the two paths must print the same JSON.
const dir = mkdtempSync(join(tmpdir(), 'soqa-cube-cli-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  removeFreshDirs();
});
const regions = loadRegions(regionsPathFor(loadProfile('default')));
const input = join(dir, 'panel.csv');
{
  const lines: string[] = [];
  for (const row of generateSample({ orgs: 400, seed: 11, regions })) lines.push(toCsvLine(row));
  writeFileSync(input, `${lines.join('\n')}\n`);
}

describe('cube-only commands', () => {
  it('print the same section as soqa analyze (rows kept in memory) on the same panel', async () => {
    const out = join(freshDir('soqa-cube-out-'), 'out');
    const analyzed = await runMain(['analyze', input, '--stream', 'never', '--format', 'json', '--out', out, '-q']);
    expect(analyzed.status, analyzed.stderr).toBe(0);
    const sections = (
      JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as { analyses: Record<string, unknown> }
    ).analyses;
    for (const command of ['trends', 'spatial', 'staff', 'tension', 'indicators']) {
      const r = await runMain([command, input, '--json', '-q']);
      expect(r.status, `${command}: ${r.stderr}`).toBe(0);
      const printed = JSON.parse(r.stdout) as Record<string, unknown>;
      // indicators prints its section itself; the others wrap it with the synthetic-data notice
      const section = command === 'indicators' ? printed : printed[command];
      expect(section, command).toBeTruthy();
      expect(JSON.stringify(section), command).toBe(JSON.stringify(sections[command]));
    }
  });

  it('soqa spatial prints the LISA clusters of the section it computes, unit by unit (zh and en)', async () => {
    const json = await runMain(['spatial', input, '--json', '-q', '--lang', 'en']);
    const lisa = (JSON.parse(json.stdout) as { spatial: { lisa: LisaSection | null } }).spatial.lisa;
    expect(lisa).toBeTruthy();
    const names = new Map(regions.regions.map((r) => [r.code, r] as const));
    for (const lang of ['en', 'zh'] as const) {
      const text = (await runMain(['spatial', input, '-q', '--lang', lang])).stdout;
      for (const [q, zh, en] of [
        ['HH', '高—高聚集', 'high–high'],
        ['LL', '低—低聚集', 'low–low'],
        ['HL', '高—低离群', 'high–low'],
        ['LH', '低—高离群', 'low–high'],
      ]) {
        const units = lisa!.units.filter((u) => u.cluster === q).map((u) => names.get(u.code)![lang]);
        const line = text.split('\n').find((l) => l.startsWith(`  ${lang === 'zh' ? zh : en}`));
        expect(line, `${lang} ${q}`).toBeDefined();
        expect(line).toContain(lang === 'zh' ? `（${units.length}个）` : `(${units.length})`);
        for (const u of units) expect(line).toContain(u);
      }
      const ns = lisa!.units.filter((u) => u.cluster === 'ns').length;
      expect(text).toContain(lang === 'zh' ? `不显著：${ns}个地区` : `not significant: ${ns} regions`);
    }
  });
});

interface LisaSection {
  units: { code: string; cluster: string }[];
}
