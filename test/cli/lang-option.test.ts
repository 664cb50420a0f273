import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { langFrom } from '../../src/cli/lang-option.js';
import { registerStaff } from '../../src/cli/commands/staff.js';
import { registerIndicators } from '../../src/cli/commands/indicators.js';
import { registerAnalyze } from '../../src/cli/commands/analyze.js';
import { registerProfiles } from '../../src/cli/commands/profiles.js';
import { EXIT } from '../../src/core/exit-codes.js';
import { isSoqaError } from '../../src/core/soqa-error.js';
import { REPORT_TEXT } from '../../src/render/report/report-text.js';
import { loadProfile, regionsPathFor } from '../../src/ingest/profile/load-profile.js';
import { loadRegions } from '../../src/ingest/regions/load-regions.js';
import { generateSample, toCsvLine } from '../../src/sample/index.js';
import { runCommand } from '../helpers/run-command.js';

// One CLI language (issue 22 item 12): every command takes --lang with the same default, zh,
// unless SOQA_LANG sets another; --json stays language-neutral.
const dir = mkdtempSync(join(tmpdir(), 'soqa-lang-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => vi.unstubAllEnvs());
const regions = loadRegions(regionsPathFor(loadProfile('default')));
const input = join(dir, 'panel.csv');
writeFileSync(input, `${[...generateSample({ orgs: 400, seed: 11, regions })].map(toCsvLine).join('\n')}\n`);

const exitOf = (e: unknown) => (isSoqaError(e) ? e.exitCode : null);

describe('langFrom', () => {
  it('is --lang when given, else SOQA_LANG when set, else zh', () => {
    expect(langFrom(undefined, {})).toBe('zh');
    expect(langFrom(undefined, { SOQA_LANG: '' })).toBe('zh');
    expect(langFrom(undefined, { SOQA_LANG: 'en' })).toBe('en');
    expect(langFrom(undefined, { SOQA_LANG: 'EN-us' })).toBe('en');
    expect(langFrom('zh', { SOQA_LANG: 'en' })).toBe('zh');
    expect(langFrom('en', {})).toBe('en');
  });

  it('refuses a bad --lang or SOQA_LANG with exit 3, naming where the value came from', () => {
    expect(() => langFrom('fr', {})).toThrow(/--lang.*"?fr"?.*zh or en/);
    expect(exitOf(catchOf(() => langFrom('fr', {})))).toBe(EXIT.BAD_OPTIONS);
    expect(() => langFrom(undefined, { SOQA_LANG: 'fr' })).toThrow(/SOQA_LANG \(environment\).*zh or en/);
    expect(exitOf(catchOf(() => langFrom(undefined, { SOQA_LANG: 'fr' })))).toBe(EXIT.BAD_OPTIONS);
  });
});

function catchOf(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    return e;
  }
  return null;
}

describe('soqa staff in both languages', () => {
  it('defaults to zh: Chinese headers and the report’s class names', async () => {
    vi.stubEnv('SOQA_LANG', '');
    const json = await runCommand(registerStaff, ['staff', input, '--json', '-q']);
    const all = (
      JSON.parse(json.out) as { staff: { byYear: { all: { pyramid: { shape: string } } }[] } }
    ).staff.byYear.at(-1)!.all;
    const r = await runCommand(registerStaff, ['staff', input, '-q']);
    expect(r.error).toBeNull();
    expect(r.out).toContain('结构类型');
    expect(r.out).toContain('高级稀缺');
    expect(r.out).not.toContain('senior-scarce');
    // the class column says what the report's staff table says (report-text.ts, pyramid.*)
    const shape = all.pyramid.shape as 'pyramid' | 'inverted' | 'diamond' | 'irregular';
    expect(r.out).toContain(REPORT_TEXT[`pyramid.${shape}`].zh);
    expect(r.out).not.toMatch(/(junior|intermediate|senior)-dominant/);
    const en = await runCommand(registerStaff, ['staff', input, '-q', '--lang', 'en']);
    expect(en.out).toMatch(/\bclass\b/);
    expect(en.out).toContain(REPORT_TEXT[`pyramid.${shape}`].en);
    expect(en.out).toContain('Staff qualification structure');
  });

  it('SOQA_LANG=en sets the default and --lang zh overrides it', async () => {
    vi.stubEnv('SOQA_LANG', 'en');
    expect((await runCommand(registerStaff, ['staff', input, '-q'])).out).toContain('Staff qualification structure');
    expect((await runCommand(registerStaff, ['staff', input, '-q', '--lang', 'zh'])).out).toContain(
      '社会工作者职业水平结构',
    );
  });

  it('--json is the same in both languages', async () => {
    const zh = await runCommand(registerStaff, ['staff', input, '--json', '-q', '--lang', 'zh']);
    const en = await runCommand(registerStaff, ['staff', input, '--json', '-q', '--lang', 'en']);
    const section = (out: string) => JSON.stringify((JSON.parse(out) as { staff: unknown }).staff);
    expect(section(zh.out)).toBe(section(en.out));
  });

  it('a bad --lang or SOQA_LANG is exit 3', async () => {
    const r = await runCommand(registerStaff, ['staff', input, '-q', '--lang', 'fr']);
    expect(exitOf(r.error)).toBe(EXIT.BAD_OPTIONS);
    vi.stubEnv('SOQA_LANG', 'klingon');
    const e = await runCommand(registerStaff, ['staff', input, '-q']);
    expect(exitOf(e.error)).toBe(EXIT.BAD_OPTIONS);
    expect(String((e.error as Error).message)).toContain('SOQA_LANG');
  });
});

describe('--lang on the other commands', () => {
  it('indicators takes --lang zh (once "unknown option") and --lang en', async () => {
    vi.stubEnv('SOQA_LANG', '');
    const zh = await runCommand(registerIndicators, ['indicators', input, '-q', '--runs', '0', '--lang', 'zh']);
    expect(zh.error).toBeNull();
    expect(zh.out).toMatch(/地区\s+构成\s+功能\s+产出\s+综合得分/);
    const en = await runCommand(registerIndicators, ['indicators', input, '-q', '--runs', '0', '--lang', 'en']);
    expect(en.out).toMatch(/region\s+composition\s+function\s+output\s+composite/);
    const byDefault = await runCommand(registerIndicators, ['indicators', input, '-q', '--runs', '0']);
    expect(byDefault.out).toBe(zh.out);
  });

  it("analyze's summary names the types in the language; its --json keeps the codes", async () => {
    vi.stubEnv('SOQA_LANG', '');
    const args = ['analyze', input, '--format', 'json', '--force', '-q'];
    const zh = await runCommand(registerAnalyze, [...args, '-o', join(dir, 'out-zh')]);
    expect(zh.error).toBeNull();
    expect(zh.out).toContain('社会团体');
    expect(zh.out).not.toContain('social_group');
    const en = await runCommand(registerAnalyze, [...args, '-o', join(dir, 'out-en'), '--lang', 'en']);
    expect(en.out).toContain('social groups');
    const json = await runCommand(registerAnalyze, [...args, '-o', join(dir, 'out-json'), '--json']);
    expect(Object.keys((JSON.parse(json.out) as { byType: object }).byType)).toContain('social_group');
  });

  it('profiles defaults to zh', async () => {
    vi.stubEnv('SOQA_LANG', '');
    const zh = await runCommand(registerProfiles, ['profiles']);
    const en = await runCommand(registerProfiles, ['profiles', '--lang', 'en']);
    expect(zh.error).toBeNull();
    expect(zh.out).toMatch(/[\u4e00-\u9fff]/);
    expect(zh.out).not.toBe(en.out);
  });
});
