import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Papa from 'papaparse';

/** Root of the repository (where bin/, dist/ and test/fixtures/ are). */
export const ROOT = resolve(import.meta.dirname, '..', '..');
export const BIN = join(ROOT, 'bin', 'soqa.js');
export const FIXTURES = join(ROOT, 'test', 'fixtures');

/** Absolute path of a fixture file. */
export const fixture = (name: string): string => join(FIXTURES, name);

/** What one run of the built CLI gave. */
export interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Run the BUILT command-line program (`node bin/soqa.js …`, which loads dist/) in `cwd`
 * (default: a fresh temp folder, so that nothing is written into the repository), with
 * `input` on standard input.
 *
 * @throws Error when dist/ has not been built (`npm run build`)
 */
export function runSoqa(args: string[], cwd: string = freshDir('soqa-cwd-'), input?: Uint8Array): RunResult {
  if (!existsSync(join(ROOT, 'dist', 'cli', 'main.js')))
    throw new Error('dist/ is missing: build first with `npm run build`');
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    input,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
    timeout: 120_000,
  });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const made: string[] = [];

/** A new empty folder under the OS temp folder (removed by {@link removeFreshDirs}). */
export function freshDir(prefix = 'soqa-e2e-'): string {
  const d = mkdtempSync(join(tmpdir(), prefix));
  made.push(d);
  return d;
}

/** Remove every folder {@link freshDir} made (call it in afterAll). */
export function removeFreshDirs(): void {
  for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true });
}

/** Read a CSV written by soqa (UTF-8 with BOM) as rows of header → cell. */
export function readCsv(path: string): Record<string, string>[] {
  const text = readFileSync(path, 'utf8');
  if (!text.startsWith('\uFEFF')) throw new Error(`${path} does not start with a BOM`);
  const parsed = Papa.parse<Record<string, string>>(text.slice(1), { header: true, skipEmptyLines: true });
  if (parsed.errors.length) throw new Error(`${path}: ${parsed.errors[0].message}`);
  return parsed.data;
}

/** Read a JSON file. */
export const readJson = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;
