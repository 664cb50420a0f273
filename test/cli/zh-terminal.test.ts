import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Command } from 'commander';
import type { CliIO } from '../../src/cli/io.js';
import type { ExitCode } from '../../src/core/exit-codes.js';
import { registerAnalyze } from '../../src/cli/commands/analyze.js';
import { registerIndicators } from '../../src/cli/commands/indicators.js';
import { registerPortrait } from '../../src/cli/commands/portrait.js';
import { registerProfiles } from '../../src/cli/commands/profiles.js';
import { registerReport } from '../../src/cli/commands/report.js';
import { registerRisk } from '../../src/cli/commands/risk.js';
import { registerSpatial } from '../../src/cli/commands/spatial.js';
import { registerStaff } from '../../src/cli/commands/staff.js';
import { registerTension } from '../../src/cli/commands/tension.js';
import { registerTrends } from '../../src/cli/commands/trends.js';
import { registerValidate } from '../../src/cli/commands/validate.js';
import { loadProfile, regionsPathFor } from '../../src/ingest/profile/load-profile.js';
import { loadRegions } from '../../src/ingest/regions/load-regions.js';
import { generateSample, toCsvLine } from '../../src/sample/index.js';
import { runCommand } from '../helpers/run-command.js';

// Issue 22 §12: with --lang zh, the default, no English words on stdout or stderr (progress and
// diagnostics included). Words that stay: names (soqa, TOPSIS, HHI, CR, Mann–Kendall, Sen), the
// ids of built-in files (default, inner-mongolia, china) and codes (W_…, field ids with "_",
// file names, options), which are not English text.
const dir = mkdtempSync(join(tmpdir(), 'soqa-zh-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeEach(() => vi.stubEnv('SOQA_LANG', ''));
const regions = loadRegions(regionsPathFor(loadProfile('default')));
const input = join(dir, 'panel.csv');
writeFileSync(input, `${[...generateSample({ orgs: 300, seed: 7, regions })].map(toCsvLine).join('\n')}\n`);
const firstId = readFileSync(input, 'utf8').split('\n')[1].split(',')[0];

const NAMES = new Set([
  'soqa',
  'TOPSIS',
  'HHI',
  'CR',
  'Mann',
  'Kendall',
  'Sen',
  'null',
  'default',
  'inner',
  'mongolia',
]);
NAMES.add('china').add('gdp');

/** English words of a terminal text: letters-only tokens that are neither codes, paths, options nor {@link NAMES}. */
function englishWords(text: string): string[] {
  const words = new Set<string>();
  for (const token of text.match(/[A-Za-z0-9_./:'’-]+/g) ?? []) {
    if (/[\d_./]|^-/.test(token)) continue; // codes, numbers, file names, options
    for (const w of token.match(/[A-Za-z]{2,}/g) ?? []) if (!NAMES.has(w)) words.add(w);
  }
  return [...words].sort();
}

type Register = (program: Command, io: CliIO, setExit: (c: ExitCode) => void) => void;
const COMMANDS: [string, Register, string[]][] = [
  ['indicators', registerIndicators, ['indicators', input, '--runs', '0']],
  ['spatial', registerSpatial, ['spatial', input]],
  ['spatial --by type', registerSpatial, ['spatial', input, '--by', 'type']],
  ['spatial --by field', registerSpatial, ['spatial', input, '--by', 'field']],
  ['trends', registerTrends, ['trends', input]],
  ['staff', registerStaff, ['staff', input]],
  ['tension', registerTension, ['tension', input, '--runs', '0']],
  ['risk', registerRisk, ['risk', input, '--limit', '3']],
  ['portrait', registerPortrait, ['portrait', firstId, input]],
];

describe('terminal output in zh has no English words', () => {
  for (const [name, register, args] of COMMANDS)
    it(name, async () => {
      const r = await runCommand(register, args);
      expect(r.error).toBeNull();
      expect(r.out).toMatch(/[\u4e00-\u9fff]/);
      // stderr is read too: the regions detection line
      expect(r.err).toContain('地区文件：inner-mongolia（自动识别');
      expect(englishWords(`${r.out}\n${r.err}`)).toEqual([]);
    });

  it('analyze and report: the summary and the "wrote" lines', async () => {
    const out = join(dir, 'out');
    const a = await runCommand(registerAnalyze, ['analyze', input, '-o', out, '--format', 'json', '--force']);
    expect(a.error).toBeNull();
    expect(a.err).toContain(`已写入 ${out}/results.json`);
    expect(englishWords(`${a.out}\n${a.err}`)).toEqual([]);
    const r = await runCommand(registerReport, ['report', join(out, 'results.json'), '--format', 'md']);
    expect(r.error).toBeNull();
    expect(r.err).toBe(`已写入 report.md 到 ${out}\n`);
    const en = await runCommand(registerReport, [
      'report',
      join(out, 'results.json'),
      '--format',
      'md',
      '--lang',
      'en',
    ]);
    expect(en.err).toBe(`wrote report.md to ${out}\n`);
    // the detector itself finds English where there is some
    expect(englishWords(en.err)).toEqual(['to', 'wrote']);
  });

  it('profiles: the heading and each profile’s facts', async () => {
    const r = await runCommand(registerProfiles, ['profiles']);
    expect(r.out.split('\n')[0]).toBe(
      '内置输入配置（用 --profile 名称 选用；`soqa profiles show 名称` 显示其内容；--profile 也可以是自己的配置文件路径）：',
    );
    expect(r.out).toContain('（地区文件 auto；组织编号 credit-code）');
    expect(r.out).not.toContain('built-in profiles');
  });

  it('validate: the file line, the regions line and where each warning is', async () => {
    const r = await runCommand(registerValidate, ['validate', input]);
    expect(r.out.split('\n')[0]).toMatch(/^panel\.csv：编码 utf-8，分隔符 ","，\d+行（接受\d+行，拒收\d+行）$/);
    expect(r.err).toContain('地区文件：inner-mongolia（自动识别');
    // the place of a warning is Chinese; its detail text comes from the checks (English for now)
    const places = r.out.split('\n').filter((l) => / W_[A-Z_]+/.test(l) && l.startsWith('  panel.csv'));
    expect(places.length).toBeGreaterThan(0);
    for (const line of places) expect(line).toMatch(/^ {2}panel\.csv 第\d+行 W_[A-Z_]+(，列 [^：]+)?：/);
  });

  it('validate and risk: a credit code that fails its GB 32100 check is explained in Chinese', async () => {
    // the first organization's code with its check character (18th) changed: '0' never is the
    // expected one here, or else 'Y' (GB 32100-2015: the 18th character is computed from the first 17)
    const bad = `${firstId.slice(0, 17)}${firstId[17] === '0' ? 'Y' : '0'}`;
    const file = join(dir, 'bad-code.csv');
    writeFileSync(file, readFileSync(input, 'utf8').replaceAll(`${firstId},`, `${bad},`));
    const v = await runCommand(registerValidate, ['validate', file]);
    const lines = v.out.split('\n').filter((l) => / W_CODE_[A-Z]+/.test(l) && l.startsWith('  bad-code.csv'));
    expect(lines.some((l) => l.includes(`"${bad}" 未通过GB 32100校验：校验位（第18位）为"${bad[17]}"`))).toBe(true);
    expect(englishWords(lines.join('\n'))).toEqual(['GB']); // the standard's name
    const r = await runCommand(registerRisk, ['risk', file, '--limit', '400']);
    expect(r.error).toBeNull();
    const risk = r.out.split('\n').filter((l) => l.includes(bad));
    expect(
      risk.some((l) =>
        l.includes(`统一社会信用代码${bad}未通过GB 32100校验：校验位（第18位）为"${bad[17]}"，应为"${firstId[17]}"`),
      ),
    ).toBe(true);
    expect(englishWords(risk.join('\n'))).toEqual(['GB']);
  });
});
