import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { inject } from 'vitest';

/** The files the global setup wrote once for the whole run (see {@link writeSharedSamples}). */
export interface SharedSamples {
  /** v8-serialised `Results` of the 400-organization sample (test/render/report/results-fixture.ts) */
  results400: string;
  /** the generated CSV text of the 2000-organization sample, seed 20240601 (test/analyses/support/sample-context.ts) */
  csv2000: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    sharedSamples: SharedSamples | null;
  }
}

/**
 * Compute the samples several test files need and write them to a temp folder, once per run
 * (vitest's `globalSetup`, test/support/global-setup.ts). A test file reads them back with
 * {@link sharedSample}; a file run without the global setup computes its own.
 *
 * @param make the functions that compute each sample
 * @returns the files and a function that removes them
 * @example
 * const { files, remove } = await writeSharedSamples({ results400, csv2000 });
 */
export async function writeSharedSamples(make: {
  results400: () => Promise<unknown>;
  csv2000: () => string;
}): Promise<{ files: SharedSamples; remove: () => void }> {
  const dir = mkdtempSync(join(tmpdir(), 'soqa-shared-samples-'));
  const files: SharedSamples = { results400: join(dir, 'results-400.v8'), csv2000: join(dir, 'sample-2000.csv') };
  writeFileSync(files.csv2000, make.csv2000());
  // v8 serialisation keeps what JSON would change (NaN, -0, undefined, typed arrays)
  writeFileSync(files.results400, serialize(await make.results400()));
  return { files, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * A sample the global setup wrote, or null when the run has none (a single file run with a
 * config without the setup).
 *
 * @param name which sample
 * @returns the v8-deserialised value (results400) or the CSV text (csv2000), or null
 * @example
 * const csv = sharedSample('csv2000'); // => 'org_id,name,…\n…' or null
 */
export function sharedSample(name: 'results400'): unknown;
export function sharedSample(name: 'csv2000'): string | null;
export function sharedSample(name: keyof SharedSamples): unknown {
  const files = inject('sharedSamples') ?? null;
  if (!files) return null;
  return name === 'csv2000' ? readFileSync(files.csv2000, 'utf8') : deserialize(readFileSync(files.results400));
}
