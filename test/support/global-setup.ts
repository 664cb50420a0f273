import type { TestProject } from 'vitest/node';
import { computeSampleResults } from '../render/report/results-fixture.js';
import { sampleCsv } from '../analyses/support/sample-context.js';
import { writeSharedSamples } from './shared-samples.js';

/**
 * vitest's global setup: the samples that several test files need are computed once for the
 * run instead of once per file (the 400-organization results.json of nine render and docs
 * tests, the 2000-organization CSV of four analyses tests), and removed at the end.
 *
 * @param project the vitest project, to `provide` the file paths to the tests
 * @returns the teardown
 */
export default async function setup(project: TestProject): Promise<() => void> {
  const { files, remove } = await writeSharedSamples({
    results400: () => computeSampleResults(400),
    csv2000: () => sampleCsv(2000, 20240601),
  });
  project.provide('sharedSamples', files);
  return remove;
}
