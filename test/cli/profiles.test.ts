import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli/main.js';

async function soqa(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    stderrIsTTY: false,
  });
  return { code, stdout, stderr };
}

const dir = mkdtempSync(join(tmpdir(), 'soqa-profiles-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('soqa profiles', () => {
  it('lists the built-in profiles with their description', async () => {
    const r = await soqa('profiles', '--lang', 'en');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^\s+cn-registry\s+Exports of Chinese civil-affairs registration platforms/m);
    expect(r.stdout).toMatch(/^\s+default\s+soqa's own column names/m);
    expect(r.stdout).toMatch(/^\s+irs-eo-bmf\s+US IRS Exempt Organizations Business Master File/m);
    expect(r.stdout).toContain('regions us-states; ids plain; derives registered, type, field');
  });

  it('--json and --lang zh', async () => {
    const r = await soqa('profiles', '--json', '--lang', 'zh');
    expect(r.code).toBe(0);
    const list = JSON.parse(r.stdout) as { id: string; description: string; regions: string; derived: string[] }[];
    expect(list.map((p) => p.id)).toEqual(['cn-registry', 'default', 'irs-eo-bmf']);
    expect(list[0]).toMatchObject({ regions: 'auto', derived: ['region'] });
    expect(list[2].description).toContain('美国国税局');
  });

  it('show NAME prints the profile file', async () => {
    const r = await soqa('profiles', 'show', 'irs-eo-bmf');
    expect(r.code).toBe(0);
    const file = fileURLToPath(new URL('../../config/profiles/irs-eo-bmf.json', import.meta.url));
    expect(JSON.parse(r.stdout)).toEqual(JSON.parse(readFileSync(file, 'utf8')));
  });

  it('show PATH validates a user profile and reports schema errors by field (exit 3)', async () => {
    const good = join(dir, 'good.json');
    writeFileSync(good, JSON.stringify({ id: 'mine', columns: { org_id: ['编号'] } }));
    expect((await soqa('profiles', 'show', good)).code).toBe(0);
    const bad = join(dir, 'bad.json');
    writeFileSync(
      bad,
      JSON.stringify({
        id: 'mine',
        columns: { org_id: ['编号'], staf: ['人数'] },
        derive: { registered: { from: 'RULING', format: 'mmyyyy' } },
      }),
    );
    const r = await soqa('profiles', 'show', bad);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('E_CONFIG_SCHEMA');
    expect(r.stderr).toContain('/derive/registered/format must be equal to one of the allowed values');
  });

  it('show with an unknown name exits 3 and lists the built-in profiles', async () => {
    const r = await soqa('profiles', 'show', 'nope');
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('E_UNKNOWN_PROFILE');
    expect(r.stderr).toContain('cn-registry, default, irs-eo-bmf');
  });

  it('analyze --profile path/to/my.json reports the failing fields before reading any input (exit 3)', async () => {
    const bad = join(dir, 'bad-fields.json');
    writeFileSync(
      bad,
      JSON.stringify({ id: 'mine', columns: { staf: ['人数'] }, values: { type: { assoc: ['协会'] } } }),
    );
    const r = await soqa(
      'analyze',
      join(dir, 'does-not-exist.csv'),
      '--profile',
      bad,
      '--out',
      join(dir, 'out'),
      '--quiet',
    );
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('/columns/staf is not a soqa field');
    expect(r.stderr).toContain('/values/type/assoc is not a type code');
  });
});
