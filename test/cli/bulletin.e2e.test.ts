import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Results } from '../../src/results/results.js';
import { fixture, freshDir, readJson, removeFreshDirs, runSoqa } from '../helpers/run-soqa.js';
import { runMain } from '../helpers/run-command.js';
import { expectValidResultsFile } from '../helpers/expect-valid-results.js';

// The yearly bulletin through the CLI: a small generated panel (soqa sample, 300
// organizations, 2020–2024), analysed with --year/--compare, re-rendered with soqa report;
// options checked at the boundary (exit 3). The commands run in this process (`main`); the
// byte-identical second run compares two runs of the BUILT program (bin/soqa.js → dist/).
// Only that test writes report.html (it looks for the bulletin's section there); the others
// read results.json and report.md.

afterAll(removeFreshDirs);

let sample: string;
beforeAll(async () => {
  sample = join(freshDir(), 'panel.csv');
  const r = await runMain(['sample', '--orgs', '300', '--years', '2020-2024', '-o', sample]);
  expect(r.status, r.stderr).toBe(0);
});

const analyzeArgs = (out: string, formats: string, args: string[]) => [
  'analyze',
  sample,
  '-o',
  out,
  '--format',
  formats,
  '-q',
  ...args,
];

/** `soqa analyze` of the sample in this process, writing results.json and report.md. */
const analyze = async (...args: string[]) => {
  const out = join(freshDir(), 'out');
  return { ...(await runMain(analyzeArgs(out, 'json,md', args))), out };
};

/** The same through the built program, with report.html as well. */
const analyzeBuilt = (...args: string[]) => {
  const out = join(freshDir(), 'out');
  return { ...runSoqa(analyzeArgs(out, 'json,md,html', args)), out };
};

describe('soqa analyze --year --compare', () => {
  it('adds the "what changed" section and the warnings of both years, byte-identical on a second run', () => {
    const a = analyzeBuilt('--year', '2024', '--compare', '2022');
    const b = analyzeBuilt('--year', '2024', '--compare', '2022');
    expect([a.status, b.status], a.stderr).toEqual([0, 0]);
    for (const f of ['results.json', 'report.md', 'report.html'])
      expect(readFileSync(join(b.out, f)).equals(readFileSync(join(a.out, f))), f).toBe(true);
    expectValidResultsFile(join(a.out, 'results.json'));
    const r = readJson<Results>(join(a.out, 'results.json'));
    expect(r.provenance.options).toMatchObject({ year: 2024, compare: 2022 });
    const bulletin = r.analyses.bulletin as {
      year: number;
      compare: number;
      warnings: { year: { asOf: number }; compare: { asOf: number } };
    };
    expect([bulletin.year, bulletin.compare, bulletin.warnings.year.asOf, bulletin.warnings.compare.asOf]).toEqual([
      2024, 2022, 2024, 2022,
    ]);
    const md = readFileSync(join(a.out, 'report.md'), 'utf8');
    const headings = md.split('\n').filter((l) => l.startsWith('## '));
    expect(headings[0]).toBe('## 一、主要发现');
    expect(headings[1]).toBe('## 二、年度变化：2024年与2022年相比');
    expect(md).toContain('### 分类型的数量');
    expect(md).toContain('### 按规则的被预警组织');
    expect(readFileSync(join(a.out, 'report.html'), 'utf8')).toContain('id="changes"');
  }, 180_000); // two built-program runs drawing the report's charts: over a minute on a loaded 2-core machine

  it('supervision is as of --year; without the options nothing changes', async () => {
    const a = await analyze('--year', '2023');
    expect(a.status, a.stderr).toBe(0);
    const r = readJson<Results>(join(a.out, 'results.json'));
    expect((r.analyses.supervision as { asOf: number }).asOf).toBe(2023);
    expect(r.provenance.options).toMatchObject({ year: 2023, compare: 2022 });
    const plain = await analyze();
    const p = readJson<Results>(join(plain.out, 'results.json'));
    expect(p.analyses.bulletin).toBeUndefined();
    expect(p.provenance.options).not.toHaveProperty('year');
    expect(readFileSync(join(plain.out, 'report.md'), 'utf8')).not.toContain('、年度变化：');
  });

  it('soqa report re-renders the bulletin (its years by default, or others given)', async () => {
    const a = await analyze('--year', '2024', '--compare', '2023', '--lang', 'en');
    expect(a.status, a.stderr).toBe(0);
    const again = join(freshDir(), 'again');
    const r1 = await runMain([
      'report',
      join(a.out, 'results.json'),
      '-o',
      again,
      '--format',
      'md',
      '--lang',
      'en',
      '-q',
    ]);
    expect(r1.status, r1.stderr).toBe(0);
    expect(readFileSync(join(again, 'report.md'), 'utf8')).toBe(readFileSync(join(a.out, 'report.md'), 'utf8'));
    const other = join(freshDir(), 'other');
    const r2 = await runMain([
      'report',
      join(a.out, 'results.json'),
      '-o',
      other,
      '--format',
      'md',
      '--lang',
      'en',
      '--year',
      '2022',
      '--compare',
      '2020',
      '-q',
    ]);
    expect(r2.status, r2.stderr).toBe(0);
    const md = readFileSync(join(other, 'report.md'), 'utf8');
    expect(md).toContain('## 2. What changed: 2022 against 2020');
    expect(md).toContain('soqa analyze --year 2022 --compare 2020');
  });

  it('refuses bad or absent years with exit 3, before or after reading the data', async () => {
    for (const args of [
      ['--year', '24'],
      ['--year', '2024', '--compare', '2024'],
      ['--compare', 'last'],
      ['--year', '2019'],
      ['--year', '2024', '--compare', '2012'],
    ]) {
      const r = await analyze(...args);
      expect(r.status, args.join(' ')).toBe(3);
      expect(r.stderr).toMatch(/--(year|compare)/);
    }
    const r = await runMain([
      'analyze',
      fixture('good-utf8.csv'),
      '-o',
      join(freshDir(), 'o'),
      '--year',
      '2023',
      '--format',
      'json',
      '-q',
    ]);
    expect(r.status).toBe(3);
    expect(r.stderr).toContain('no year before 2023');
  });
});
