import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // vitest's default is cores − 1, which is one file at a time on a 2-core machine
    maxWorkers: Math.max(2, availableParallelism()),
    reporters: ['default', './test/support/closing-line-reporter.ts'],
    // samples several test files need, computed once per run (test/support/shared-samples.ts)
    globalSetup: ['./test/support/global-setup.ts'],
  },
});
