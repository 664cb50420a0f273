import type { Reporter, SerializedError, TestModule } from 'vitest/node';

/** What the closing line counts. */
export interface ClosingCounts {
  passed: number;
  failed: number;
  skipped: number;
  /** test files that failed outside any test (could not load, or an error in a hook) */
  brokenFiles: string[];
}

/**
 * Counts the tests of a run. A test file that failed without a failed test of its own (an
 * import error, a missing fixture, a throwing `beforeAll`) counts as one failed test, and so
 * does every unhandled error, so that a run with files that never loaded cannot look green.
 *
 * @param testModules the run's test files
 * @param unhandledErrors errors vitest caught outside any test
 * @returns the counts
 * @example
 * countTests([], []); // => { passed: 0, failed: 0, skipped: 0, brokenFiles: [] }
 */
export function countTests(
  testModules: ReadonlyArray<TestModule>,
  unhandledErrors: ReadonlyArray<SerializedError> = [],
): ClosingCounts {
  const counts: ClosingCounts = { passed: 0, failed: unhandledErrors.length, skipped: 0, brokenFiles: [] };
  for (const m of testModules) {
    let failedHere = 0;
    for (const t of m.children.allTests()) {
      const s = t.result().state;
      if (s === 'passed') counts.passed++;
      else if (s === 'failed') failedHere++;
      else counts.skipped++;
    }
    if (failedHere === 0 && (m.state() === 'failed' || m.errors().length > 0)) {
      failedHere = 1;
      counts.brokenFiles.push(m.relativeModuleId);
    }
    counts.failed += failedHere;
  }
  return counts;
}

/**
 * Prints one plain closing line, `N passed, N failed` (`, N skipped`), after vitest's own
 * summary, so that any CI reading the last lines of the log can count the tests; test files
 * that could not run are named above it and counted as failed.
 */
export default class ClosingLineReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<SerializedError>): void {
    const c = countTests(testModules, unhandledErrors);
    for (const f of c.brokenFiles) process.stdout.write(`\nfailed to run (counted as 1 failed test): ${f}`);
    if (unhandledErrors.length > 0) {
      process.stdout.write(`\n${unhandledErrors.length} unhandled error(s) (each counted as 1 failed test)`);
    }
    process.stdout.write(`\ntests: ${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped\n`);
  }
}
