import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, freshDir, removeFreshDirs } from '../helpers/run-soqa.js';

// docs/API.md's example, examples/top-regions.mjs, run as a user runs it (against the BUILT
// package: it imports 'soqa', which resolves to this package's own dist/), and shown in the
// page exactly as it is in the file.

afterAll(removeFreshDirs);

const SCRIPT = join(ROOT, 'examples', 'top-regions.mjs');

describe('docs/API.md example (examples/top-regions.mjs)', () => {
  it('is shown in docs/API.md as it is in the file', () => {
    const page = readFileSync(join(ROOT, 'docs', 'API.md'), 'utf8');
    const block = /<!-- example: examples\/top-regions\.mjs -->\n```js\n([\s\S]*?)```/.exec(page);
    expect(block?.[1]).toBe(readFileSync(SCRIPT, 'utf8'));
  });

  it('writes the three regions with the highest composite of the latest year, best first', () => {
    const out = join(freshDir(), 'top.csv');
    const r = spawnSync(process.execPath, [SCRIPT, out], { cwd: freshDir(), encoding: 'utf8', timeout: 170_000 });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    const [header, ...rows] = readFileSync(out, 'utf8').trimEnd().split('\n');
    expect(header).toBe('year,rank,region,name,composite,composition,function,output');
    const cells = rows.map((l) => l.split(','));
    expect(cells).toHaveLength(3);
    // sorted by composite here, ranked by the indicators analysis: the two orders must agree
    expect(cells.map((c) => Number(c[1]))).toEqual([1, 2, 3]);
    const composite = cells.map((c) => Number(c[4]));
    expect(composite[0]).toBeGreaterThanOrEqual(composite[1]);
    expect(composite[1]).toBeGreaterThanOrEqual(composite[2]);
    // the sample is an Inner Mongolia panel 2008–2024 (data/sample/README.md): league codes 15xx00, year 2024
    for (const c of cells) {
      expect(c[0]).toBe('2024');
      expect(c[2]).toMatch(/^15\d\d00$/);
      for (const v of c.slice(4)) expect(Number(v)).toBeGreaterThanOrEqual(0);
    }
    expect(r.stdout).toContain(`wrote ${out}: `);
  }, 180_000);
});
