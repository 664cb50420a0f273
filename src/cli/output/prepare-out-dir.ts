import {
  existsSync,
  linkSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  realpathSync,
  renameSync,
  rmSync,
  copyFileSync,
} from 'node:fs';
import { basename, dirname, join, resolve, relative, isAbsolute } from 'node:path';
import { SoqaError } from '../../core/soqa-error.js';
import * as msg from '../../core/messages/index.js';
import { writeAtomic } from './write-atomic.js';
import { takeLock } from './out-lock.js';

/** Marker file that says a folder was written by soqa. */
export const OUTPUT_MARKER = '.soqa-output';

/** A temporary file of {@link writeAtomic} (`.<name>.<pid>.tmp`): left behind only by a killed run. */
const TMP_FILE = /^\..*\.\d+\.tmp$/;

/** Options of {@link prepareOutDir}. */
export interface OutDirOptions {
  /**
   * Start from the files the folder holds (an update: `soqa report` and `soqa chart` next to
   * the results.json they read) instead of from an empty folder.
   */
  carryOver?: boolean;
  /** Told about leftovers cleaned up and locks taken over (default: nothing). */
  note?: (text: string) => void;
}

/** An output folder being built: where it goes, its staging folder and lock. */
interface Staged {
  target: string;
  staging: string;
  lock: string;
  /** The target holds files soqa did not write (--force): replace soqa's files one by one instead of the folder. */
  inPlace: boolean;
}

/** Output folders being built, by staging path. */
const staged = new Map<string, Staged>();
let exitHook = false;

/**
 * Start writing an output folder. Everything is built in a staging folder beside it
 * (`.<name>.soqa-staging.<pid>`), whose path is returned: write there through
 * {@link outPath}, then {@link commitOutDir} swaps it in, so the folder holds one run's
 * complete output and nothing else (a narrower rerun leaves no files of the earlier run);
 * {@link abandonOutDir} drops it. A lock file beside the folder (`.<name>.soqa-lock`,
 * holding the process id) keeps two runs apart; the lock of a run that no longer runs is
 * taken over. Leftovers of a killed run (staging folders, a previous output moved aside,
 * temporary files) are recognised and removed, the previous output put back when the kill
 * came between the two renames of a swap. An existing folder must be empty or soqa's (it
 * holds {@link OUTPUT_MARKER}, or only soqa's temporary files) unless `force`; with
 * `force`, a folder holding other files keeps them and gets soqa's files one by one. Files
 * are never written through a symlink inside the folder: the staging folder is new, and a
 * symlinked subfolder of a forced folder is replaced.
 *
 * @param dir the output folder
 * @param force allow writing into an existing folder that soqa did not write
 * @param options carry the folder's files over (an update); where notes go
 * @returns the absolute staging folder to write into
 * @throws SoqaError E_OUT_NOT_DIR, E_OUT_NOT_SOQA, E_OUT_LOCKED (exit 3)
 * @example
 * const out = prepareOutDir('reports/x', false);
 * writeAtomic(outPath(out, 'results.json'), text);
 * commitOutDir(out);
 */
export function prepareOutDir(dir: string, force: boolean, options: OutDirOptions = {}): string {
  const note = options.note ?? (() => {});
  let target = resolve(dir);
  const st = lstatOrNull(target);
  if (st?.isSymbolicLink()) {
    // --out names a link to a folder: the folder it points to is the output
    if (!existsSync(target) || !lstatSync(realpathSync(target)).isDirectory())
      throw new SoqaError('E_OUT_NOT_DIR', msg.outNotDir(dir));
    target = realpathSync(target);
  } else if (st && !st.isDirectory()) throw new SoqaError('E_OUT_NOT_DIR', msg.outNotDir(dir));
  const parent = dirname(target);
  const name = basename(target);
  mkdirSync(parent, { recursive: true });
  const lock = join(parent, `.${name}.soqa-lock`);
  takeLock(lock, dir, note);
  try {
    cleanLeftovers(parent, name, target, (restored) => note(msg.outLeftovers(dir, restored)));
    const entries = existsSync(target) ? readdirSync(target) : [];
    const soqas = entries.includes(OUTPUT_MARKER) || entries.every((e) => TMP_FILE.test(e));
    if (!soqas && !force) throw new SoqaError('E_OUT_NOT_SOQA', msg.outNotSoqa(dir));
    const staging = join(parent, `.${name}.soqa-staging.${process.pid}`);
    mkdirSync(staging);
    if (options.carryOver && soqas && entries.length) carryOver(target, staging);
    writeAtomic(join(staging, OUTPUT_MARKER), 'This folder was written by soqa; each run replaces it as a whole.\n');
    staged.set(staging, { target, staging, lock, inPlace: !soqas });
    if (!exitHook) {
      exitHook = true;
      process.once('exit', () => {
        for (const s of staged.values()) abandonOutDir(s.staging);
      });
    }
    return staging;
  } catch (e) {
    rmSync(lock, { force: true });
    throw e;
  }
}

/**
 * Put a staged output folder in place: rename the old folder aside, the staging folder to
 * the target, remove the old one (a forced folder with other files gets soqa's files one
 * by one); release the lock. Does nothing for a path that is not being staged.
 *
 * @param outDir the staging folder {@link prepareOutDir} returned
 * @returns the output folder
 * @example
 * commitOutDir(out); // => '/home/me/reports/x'
 */
export function commitOutDir(outDir: string): string {
  const s = staged.get(outDir);
  if (!s) return outDir;
  staged.delete(outDir);
  try {
    if (s.inPlace) {
      moveInto(s.staging, s.target);
      rmSync(s.staging, { recursive: true, force: true });
    } else if (existsSync(s.target)) {
      const old = join(dirname(s.target), `.${basename(s.target)}.soqa-old.${process.pid}`);
      renameSync(s.target, old);
      renameSync(s.staging, s.target);
      rmSync(old, { recursive: true, force: true });
    } else renameSync(s.staging, s.target);
  } finally {
    rmSync(s.lock, { force: true });
  }
  return s.target;
}

/**
 * Drop a staged output folder (a run that failed): the output folder keeps what it held;
 * release the lock. Does nothing for a path that is not being staged.
 *
 * @param outDir the staging folder {@link prepareOutDir} returned
 */
export function abandonOutDir(outDir: string): void {
  const s = staged.get(outDir);
  if (!s) return;
  staged.delete(outDir);
  rmSync(s.staging, { recursive: true, force: true });
  rmSync(s.lock, { force: true });
}

/**
 * The path a file written into a staging folder will have once it is committed (for
 * messages); other paths unchanged.
 *
 * @param p a path, possibly inside a staging folder
 * @returns the final path
 */
export function finalOutPath(p: string): string {
  for (const s of staged.values()) {
    if (p === s.staging) return s.target;
    if (p.startsWith(`${s.staging}/`)) return join(s.target, p.slice(s.staging.length + 1));
  }
  return p;
}

function lstatOrNull(p: string): ReturnType<typeof lstatSync> | null {
  try {
    return lstatSync(p);
  } catch {
    return null;
  }
}

/**
 * Remove what killed runs left beside `target`: staging folders, and a previous output
 * moved aside (put back first when the target is missing: the kill came mid-swap).
 */
function cleanLeftovers(parent: string, name: string, target: string, told: (restored: boolean) => void): void {
  const staging = `.${name}.soqa-staging.`;
  const old = `.${name}.soqa-old.`;
  const left = readdirSync(parent).filter((e) => e.startsWith(staging) || e.startsWith(old));
  if (!left.length) return;
  let restored = false;
  const aside = left.find((e) => e.startsWith(old));
  if (aside && !existsSync(target)) {
    renameSync(join(parent, aside), target);
    restored = true;
  }
  for (const e of left) rmSync(join(parent, e), { recursive: true, force: true });
  told(restored);
}

/** Hard-link (else copy) the regular files of `from` into `to`, folders recreated; symlinks and temporary files left out. */
function carryOver(from: string, to: string): void {
  for (const e of readdirSync(from, { withFileTypes: true })) {
    if (e.name === OUTPUT_MARKER || TMP_FILE.test(e.name)) continue;
    const a = join(from, e.name);
    const b = join(to, e.name);
    if (e.isDirectory()) {
      mkdirSync(b);
      carryOver(a, b);
    } else if (e.isFile()) {
      try {
        linkSync(a, b);
      } catch {
        copyFileSync(a, b);
      }
    }
  }
}

/** Move the files of `from` into the folder `to`, replacing files and symlinks there (a symlinked folder is replaced by a real one). */
function moveInto(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const e of readdirSync(from, { withFileTypes: true })) {
    const a = join(from, e.name);
    const b = join(to, e.name);
    const there = lstatOrNull(b);
    if (e.isDirectory()) {
      if (there && !there.isDirectory()) rmSync(b, { force: true });
      moveInto(a, b);
    } else {
      if (there?.isDirectory()) rmSync(b, { recursive: true, force: true });
      renameSync(a, b);
    }
  }
}

/**
 * Resolve a file name inside the output folder, refusing names that would escape it.
 *
 * @param outDir absolute output folder
 * @param name relative file name such as `charts/lorenz.svg`
 * @returns the absolute path
 * @throws SoqaError E_OUT_ESCAPE (exit 4: soqa never builds such names itself)
 */
export function outPath(outDir: string, name: string): string {
  const p = resolve(outDir, name);
  const rel = relative(outDir, p);
  if (rel.startsWith('..') || isAbsolute(rel))
    throw new SoqaError('E_OUT_ESCAPE', msg.internalError(`output name ${name} escapes ${outDir}`));
  return p;
}

/**
 * The folder name of an input's default output (`reports/<name>/`): the file name without
 * directories, `.gz` and extension; `stdin` for `-`. A name that would not be a plain
 * folder inside `reports/` (empty, `.`, `..`, only dots) becomes `input`, and characters
 * that are not allowed in file names on some systems become `_`.
 *
 * @param file input path as given
 * @returns a single path segment
 * @example
 * defaultOutName('data/orgs.csv.gz'); // => 'orgs'
 * defaultOutName('...csv'); // => 'input'
 */
export function defaultOutName(file: string): string {
  if (file === '-') return 'stdin';
  const name = basename(file)
    .replace(/\.gz$/i, '')
    .replace(/\.[^.]+$/, '')
    // eslint-disable-next-line no-control-regex -- control characters are what this replaces
    .replace(/[\u0000-\u001f<>:"/\\|?*]/g, '_');
  return /^\.*$/.test(name) ? 'input' : name;
}
