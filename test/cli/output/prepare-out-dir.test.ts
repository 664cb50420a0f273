import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import {
  abandonOutDir,
  commitOutDir,
  defaultOutName,
  finalOutPath,
  OUTPUT_MARKER,
  outPath,
  prepareOutDir,
} from '../../../src/cli/output/prepare-out-dir.js';
import { writeAtomic } from '../../../src/cli/output/write-atomic.js';

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
  it('builds a new folder in a staging folder beside it and swaps it in on commit', () => {
    const out = join(dir, 'new', 'deep');
    const staging = prepareOutDir(out, false);
    expect(dirname(staging)).toBe(dirname(out));
    expect(basename(staging)).toBe(`.deep.soqa-staging.${process.pid}`);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dirname(out)).sort()).toEqual(['.deep.soqa-lock', basename(staging)]);
    expect(readFileSync(join(dirname(out), '.deep.soqa-lock'), 'utf8')).toBe(`${process.pid}\n`);
    writeAtomic(outPath(staging, 'results.json'), '{}');
    expect(finalOutPath(outPath(staging, 'results.json'))).toBe(join(out, 'results.json'));
    expect(commitOutDir(staging)).toBe(out);
    expect(readdirSync(out).sort()).toEqual([OUTPUT_MARKER, 'results.json']);
    // the lock and the staging folder are gone
    expect(readdirSync(dirname(out))).toEqual(['deep']);
  });

  it("a narrower rerun leaves none of the earlier run's files; a failed run leaves the folder as it was", () => {
    const out = join(dir, 'rerun');
    let s = prepareOutDir(out, false);
    for (const f of ['results.json', 'report.md', 'charts/a.svg', '.results.json.123.tmp'])
      writeAtomic(outPath(s, f), f);
    commitOutDir(s);
    s = prepareOutDir(out, false);
    writeAtomic(outPath(s, 'results.json'), 'new');
    commitOutDir(s);
    expect(readdirSync(out).sort()).toEqual([OUTPUT_MARKER, 'results.json']);
    expect(readFileSync(join(out, 'results.json'), 'utf8')).toBe('new');
    s = prepareOutDir(out, false);
    writeAtomic(outPath(s, 'results.json'), 'failed run');
    abandonOutDir(s);
    expect(readFileSync(join(out, 'results.json'), 'utf8')).toBe('new');
    expect(readdirSync(dir).filter((e) => e.startsWith('.rerun'))).toEqual([]);
  });

  it("an update (carryOver) starts from the folder's files, without its temporary files or symlinks", () => {
    const out = join(dir, 'update');
    const elsewhere = join(dir, 'elsewhere');
    mkdirSync(elsewhere);
    let s = prepareOutDir(out, false);
    writeAtomic(outPath(s, 'results.json'), 'r');
    writeAtomic(outPath(s, 'charts/a.svg'), 'a');
    commitOutDir(s);
    writeFileSync(join(out, '.report.md.99.tmp'), 'x');
    symlinkSync(elsewhere, join(out, 'tables'));
    s = prepareOutDir(out, false, { carryOver: true });
    writeAtomic(outPath(s, 'report.md'), 'm');
    writeAtomic(outPath(s, 'tables/t.csv'), 't');
    commitOutDir(s);
    expect(readdirSync(out).sort()).toEqual([OUTPUT_MARKER, 'charts', 'report.md', 'results.json', 'tables']);
    expect(lstatSync(join(out, 'tables')).isDirectory()).toBe(true);
    expect(readdirSync(elsewhere)).toEqual([]);
    expect(readFileSync(join(out, 'charts', 'a.svg'), 'utf8')).toBe('a');
  });

  it('never writes through a symlinked subfolder of the output folder', () => {
    const out = join(dir, 'links');
    const victim = join(dir, 'victim');
    mkdirSync(victim);
    let s = prepareOutDir(out, false);
    writeAtomic(outPath(s, 'results.json'), 'r');
    commitOutDir(s);
    symlinkSync(victim, join(out, 'charts'));
    s = prepareOutDir(out, false);
    writeAtomic(outPath(s, 'charts/x.svg'), 'x');
    commitOutDir(s);
    expect(readdirSync(victim)).toEqual([]);
    expect(lstatSync(join(out, 'charts')).isDirectory()).toBe(true);
  });

  it("refuses a folder locked by a running process (E_OUT_LOCKED, exit 3); takes over a dead one's lock with a note", () => {
    const out = join(dir, 'locked');
    const lock = join(dir, '.locked.soqa-lock');
    // process 1 (init) always runs
    writeFileSync(lock, '1\n');
    expect(() => prepareOutDir(out, false)).toThrow(expect.objectContaining({ code: 'E_OUT_LOCKED', exitCode: 3 }));
    expect(readFileSync(lock, 'utf8')).toBe('1\n');
    // a process id that no running process has (above the kernel's pid_max of 2^22)
    writeFileSync(lock, '99999999\n');
    const notes: string[] = [];
    const s = prepareOutDir(out, false, { note: (t) => notes.push(t) });
    expect(notes.join('')).toMatch(/took over the lock of .*process 99999999, which is no longer running/);
    expect(readFileSync(lock, 'utf8')).toBe(`${process.pid}\n`);
    commitOutDir(s);
    expect(existsSync(lock)).toBe(false);
  });

  it('cleans what a killed run left: staging folders, temporary files, and puts back an output moved aside mid-swap', () => {
    const out = join(dir, 'killed');
    let s = prepareOutDir(out, false);
    writeAtomic(outPath(s, 'results.json'), 'complete');
    commitOutDir(s);
    // killed between the two renames of a swap: the old output aside, the new one staged, the lock left
    renameSync(out, join(dir, '.killed.soqa-old.4242'));
    mkdirSync(join(dir, '.killed.soqa-staging.4242'));
    writeFileSync(join(dir, '.killed.soqa-staging.4242', 'results.json'), 'half');
    writeFileSync(join(dir, '.killed.soqa-lock'), '99999999\n');
    const notes: string[] = [];
    s = prepareOutDir(out, false, { note: (t) => notes.push(t) });
    expect(notes.join('')).toMatch(/previous complete output was put back/);
    expect(readFileSync(join(out, 'results.json'), 'utf8')).toBe('complete');
    abandonOutDir(s);
    expect(readdirSync(dir).filter((e) => e.startsWith('.killed'))).toEqual([]);
    // an older soqa killed at its first rename left only its marker's temporary file: still soqa's folder
    const old = join(dir, 'old-kill');
    mkdirSync(old);
    writeFileSync(join(old, `..soqa-output.4242.tmp`), 'x');
    s = prepareOutDir(old, false);
    commitOutDir(s);
    expect(readdirSync(old)).toEqual([OUTPUT_MARKER]);
  });

  it('refuses a folder holding files soqa did not write (E_OUT_NOT_SOQA, exit 3) and writes nothing into it', () => {
    const out = join(dir, 'mine');
    mkdirSync(out);
    writeFileSync(join(out, 'thesis.docx'), 'x');
    expect(() => prepareOutDir(out, false)).toThrow(expect.objectContaining({ code: 'E_OUT_NOT_SOQA', exitCode: 3 }));
    expect(readdirSync(out)).toEqual(['thesis.docx']);
    expect(readdirSync(dir).filter((e) => e.startsWith('.mine'))).toEqual([]);
    // with --force it is used, the user's file kept, soqa's files moved in one by one
    const s = prepareOutDir(out, true);
    writeAtomic(outPath(s, 'results.json'), 'r');
    commitOutDir(s);
    expect(readdirSync(out).sort()).toEqual([OUTPUT_MARKER, 'results.json', 'thesis.docx']);
    // from now on it is a soqa folder
    expect(() => abandonOutDir(prepareOutDir(out, false))).not.toThrow();
  });

  it('refuses a path that is a file (E_OUT_NOT_DIR, exit 3), even with --force', () => {
    const file = join(dir, 'a-file');
    writeFileSync(file, 'x');
    for (const force of [false, true])
      expect(() => prepareOutDir(file, force)).toThrow(expect.objectContaining({ code: 'E_OUT_NOT_DIR', exitCode: 3 }));
    expect(existsSync(join(dir, OUTPUT_MARKER))).toBe(false);
  });
});
