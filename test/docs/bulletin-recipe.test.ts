import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { EXIT } from '../../src/core/exit-codes.js';
import { registerAnalyze } from '../../src/cli/commands/analyze.js';
import { registerReport } from '../../src/cli/commands/report.js';
import { runCommand } from '../helpers/run-command.js';
import { ROOT, freshDir, removeFreshDirs } from '../helpers/run-soqa.js';

// docs/BULLETIN.md: the CI job's commands, run in-process on the built-in sample (the
// recipe's `data/2024.xlsx` left out, `--format json` added: no charts are checked here),
// and the job's exit-code step run with bash for every code soqa can exit with. That the
// same command gives the same bytes twice (the page's "keep the outputs in git") is tested
// across two processes of the built program, charts and report included, in
// test/cli/bulletin.e2e.test.ts.

afterAll(removeFreshDirs);

const page = readFileSync(join(ROOT, 'docs', 'BULLETIN.md'), 'utf8');
const yaml = /<!-- recipe: [^>]+ -->\n```yaml\n([\s\S]*?)```/.exec(page)?.[1] ?? '';
const analyseStep = /- name: analyse\n\s+id: analyse\n\s+run: \|\n([\s\S]*?)\n\s+- name:/.exec(yaml)?.[1] ?? '';
const soqaLine = /npx soqa analyze (.*)/.exec(analyseStep)?.[1] ?? '';

/** Every file under a folder, relative path → bytes. */
function filesOf(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true }))
      if (e.isDirectory()) walk(join(d, e.name));
      else out.set(relative(dir, join(d, e.name)), readFileSync(join(d, e.name)));
  };
  walk(dir);
  return out;
}

describe('docs/BULLETIN.md recipe', () => {
  it('runs the command of the issue: analyze data/2024.xlsx --year 2024 --compare 2023 --out bulletin/2024', () => {
    expect(soqaLine).toMatch(/^data\/2024\.xlsx --year 2024 --compare 2023 --out bulletin\/2024 --strict$/);
  });

  it('on the built-in sample: exit 1 under --strict (rows with warnings), re-rendered by report', async () => {
    const args = soqaLine.split(' ').filter((a) => a !== 'data/2024.xlsx');
    const outs = [join(freshDir(), 'bulletin', '2024')];
    for (const out of outs) {
      const withOut = args.map((a) => (a === 'bulletin/2024' ? out : a));
      const r = await runCommand(registerAnalyze, ['analyze', ...withOut, '--format', 'json', '-q']);
      expect(r.error).toBeNull();
      expect(r.code).toBe(EXIT.FINDINGS);
    }
    const [a] = outs.map(filesOf);
    expect([...a.keys()]).toEqual(expect.arrayContaining(['results.json', 'rejects.csv', 'warnings.csv']));
    const results = JSON.parse(a.get('results.json')!.toString('utf8')) as {
      provenance: { options: Record<string, unknown>; rows: { rejected: number } };
      quality: { warningsByCode: Record<string, number> };
      analyses: { bulletin?: { year: number; compare: number } };
    };
    expect(results.provenance.options).toMatchObject({ year: 2024, compare: 2023 });
    expect(results.analyses.bulletin).toMatchObject({ year: 2024, compare: 2023 });
    // exit 1 is "rejected or warned about": the sample has no rejects, so warnings it is
    expect(results.provenance.rows.rejected).toBe(0);
    expect(Object.values(results.quality.warningsByCode).reduce((s, n) => s + n, 0)).toBeGreaterThan(0);
    // the local section's re-render in English
    const en = join(freshDir(), '2024-en');
    const rep = await runCommand(registerReport, [
      'report',
      join(outs[0], 'results.json'),
      '--lang',
      'en',
      '--out',
      en,
      '--format',
      'md',
      '-q',
    ]);
    expect(rep.error).toBeNull();
    expect(rep.code).toBe(EXIT.OK);
    expect(readFileSync(join(en, 'report.md'), 'utf8')).toContain('## 2. What changed: 2024 against 2023');
  }, 600_000);

  it("maps each exit code as the page's table says: 0 publish, 1 publish with a note, 2/3/4 fail", () => {
    const want: Record<number, { status: number; publish?: string }> = {
      [EXIT.OK]: { status: 0, publish: 'clean' },
      [EXIT.FINDINGS]: { status: 0, publish: 'with-note' },
      [EXIT.UNUSABLE_INPUT]: { status: 1 },
      [EXIT.BAD_OPTIONS]: { status: 1 },
      [EXIT.INTERNAL]: { status: 1 },
    };
    expect(Object.keys(want).map(Number).sort()).toEqual(Object.values(EXIT).sort());
    for (const [code, expected] of Object.entries(want)) {
      const dir = freshDir();
      const output = join(dir, 'github-output');
      writeFileSync(output, '');
      const script = analyseStep.replace(/npx soqa analyze .*/, `(exit ${code})`);
      const r = spawnSync('bash', ['-e', '-c', script], {
        encoding: 'utf8',
        env: { ...process.env, GITHUB_OUTPUT: output },
      });
      expect(r.status, `exit ${code}: ${r.stdout}${r.stderr}`).toBe(expected.status);
      const published = /publish=(\S+)/.exec(readFileSync(output, 'utf8'))?.[1];
      expect(published, `exit ${code}`).toBe(expected.publish);
      expect(page).toMatch(new RegExp(`\\| ${code} \\|`));
    }
  });
});
