import { readFileSync, readdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';
import SlowFirstSequencer from './test/support/slow-first-sequencer.js';

/**
 * Test files that replace modules or globals (vi.mock, vi.spyOn, vi.stubEnv, …) or measure
 * the process's memory get a fresh module graph (and process) each, as vitest does by
 * default. Every other file shares its worker's modules with the files run before it
 * (`isolate: false`): importing the pipeline once per worker instead of once per file saves
 * about a fifth of the suite's CPU time (README, "Tests"). The list is found by reading the
 * files, so a new test that mocks is isolated without a change here.
 */
const NEEDS_ISOLATION =
  /\bvi\.(mock|doMock|unmock|stubGlobal|stubEnv|spyOn|useFakeTimers|resetModules)\b|\bmemoryUsage\(/;

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'fixtures' ? [] : testFiles(path);
    return entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

const isolated = testFiles('test')
  .filter((file) => NEEDS_ISOLATION.test(readFileSync(file, 'utf8')))
  .sort();

// what both projects share (the root's globalSetup runs once for both and is not repeated here)
const common = {
  testTimeout: 60_000,
  hookTimeout: 120_000,
  pool: 'forks',
  // the slowest files first on a fresh clone (test/support/slow-files.txt)
  sequence: { sequencer: SlowFirstSequencer },
} as const;

export default defineConfig({
  test: {
    ...common,
    // vitest's default is cores − 1, which is one file at a time on a 2-core machine
    maxWorkers: Math.max(2, availableParallelism()),
    reporters: ['default', './test/support/closing-line-reporter.ts'],
    // samples several test files need, computed once per run (test/support/shared-samples.ts)
    globalSetup: ['./test/support/global-setup.ts'],
    projects: [
      { test: { ...common, name: 'shared', include: ['test/**/*.test.ts'], exclude: isolated, isolate: false } },
      { test: { ...common, name: 'isolated', include: isolated, isolate: true } },
    ],
  },
});
