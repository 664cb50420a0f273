import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, resolve, relative, isAbsolute } from 'node:path';
import { SoqaError } from '../../core/soqa-error.js';
import { EXIT } from '../../core/exit-codes.js';
import * as msg from '../../core/messages.js';
import { writeAtomic } from './write-atomic.js';

/** Marker file that says a folder was written by soqa. */
export const OUTPUT_MARKER = '.soqa-output';

/**
 * Make sure `dir` can receive soqa's outputs: it is created if missing; an existing folder
 * must be empty or a previous soqa output (it holds {@link OUTPUT_MARKER}) unless `force`.
 *
 * @param dir the output folder
 * @param force allow writing into any existing folder
 * @returns the absolute folder path
 * @throws SoqaError E_OUT_NOT_SOQA (exit 3) when the folder holds other files
 */
export function prepareOutDir(dir: string, force: boolean): string {
  const abs = resolve(dir);
  if (existsSync(abs)) {
    if (!statSync(abs).isDirectory()) throw new SoqaError('E_OUT_NOT_DIR', msg.outNotDir(dir), EXIT.BAD_OPTIONS);
    const entries = readdirSync(abs);
    if (entries.length > 0 && !entries.includes(OUTPUT_MARKER) && !force)
      throw new SoqaError('E_OUT_NOT_SOQA', msg.outNotSoqa(dir), EXIT.BAD_OPTIONS);
  }
  writeAtomic(resolve(abs, OUTPUT_MARKER), 'This folder was written by soqa; soqa may overwrite the files in it.\n');
  return abs;
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
    throw new SoqaError('E_OUT_ESCAPE', msg.internalError(`output name ${name} escapes ${outDir}`), EXIT.INTERNAL);
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
