import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { defaultOutName, OUTPUT_MARKER, outPath, prepareOutDir } from '../../../src/cli/output/prepare-out-dir.js';

// `--out` safety (issue 8): names inside the output folder never escape it, the default
// folder name of an input is one plain path segment, and a folder soqa did not write is
// refused unless --force.
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'soqa-outdir-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('outPath', () => {
  it.each(['results.json', 'tables/counts.csv', 'charts/a/b.svg', './x.csv', 'tables/../rejects.csv'])(
    'keeps %j inside the folder',
    (name) => {
      const out = join(dir, 'o');
      const p = outPath(out, name);
      expect(p.startsWith(`${out}/`)).toBe(true);
      expect(p).toBe(resolve(out, name));
    },
  );

  it.each(['../x.csv', '../../etc/passwd', 'tables/../../x', '/etc/passwd', '..', '../o2/x'])(
    'refuses %j (E_OUT_ESCAPE, exit 4: soqa never builds such names)',
    (name) => {
      expect(() => outPath(join(dir, 'o'), name)).toThrow(
        expect.objectContaining({ code: 'E_OUT_ESCAPE', exitCode: 4 }),
      );
    },
  );
});

describe('defaultOutName', () => {
  it.each([
    ['data/orgs.csv', 'orgs'],
    ['orgs.csv.gz', 'orgs'],
    ['/a/b/登记名录.CSV', '登记名录'],
    ['-', 'stdin'],
    ['..csv', 'input'],
    ['...csv', 'input'],
    ['dir/../..', 'input'],
    ['.csv', 'input'],
    ['a:b?.csv', 'a_b_'],
    ['=HYPERLINK("x","y").csv', '=HYPERLINK(_x_,_y_)'],
  ])('%j → %j', (file, name) => {
    expect(defaultOutName(file)).toBe(name);
    expect(resolve('reports', defaultOutName(file)).startsWith(`${resolve('reports')}/`)).toBe(true);
  });
});

describe('prepareOutDir', () => {
  it('creates a new folder and marks it', () => {
    const out = join(dir, 'new', 'deep');
    expect(prepareOutDir(out, false)).toBe(out);
    expect(readdirSync(out)).toEqual([OUTPUT_MARKER]);
  });

  it('refuses a folder holding files soqa did not write (E_OUT_NOT_SOQA, exit 3) and writes nothing into it', () => {
    const out = join(dir, 'mine');
    mkdirSync(out);
    writeFileSync(join(out, 'thesis.docx'), 'x');
    expect(() => prepareOutDir(out, false)).toThrow(expect.objectContaining({ code: 'E_OUT_NOT_SOQA', exitCode: 3 }));
    expect(readdirSync(out)).toEqual(['thesis.docx']);
    // with --force it is used, the user's file kept
    prepareOutDir(out, true);
    expect(readdirSync(out).sort()).toEqual([OUTPUT_MARKER, 'thesis.docx']);
    // from now on it is a soqa folder
    expect(() => prepareOutDir(out, false)).not.toThrow();
  });

  it('refuses a path that is a file (E_OUT_NOT_DIR, exit 3), even with --force', () => {
    const file = join(dir, 'a-file');
    writeFileSync(file, 'x');
    for (const force of [false, true])
      expect(() => prepareOutDir(file, force)).toThrow(expect.objectContaining({ code: 'E_OUT_NOT_DIR', exitCode: 3 }));
    expect(existsSync(join(dir, OUTPUT_MARKER))).toBe(false);
  });
});
