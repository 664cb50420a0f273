import type { TestModule } from 'vitest/node';
import { describe, expect, it } from 'vitest';
import { countTests } from './closing-line-reporter.js';

/** A stand-in for vitest's TestModule with the given test states. */
function fakeModule(id: string, states: string[], moduleState = 'passed', errors: unknown[] = []): TestModule {
  return {
    relativeModuleId: id,
    state: () => moduleState,
    errors: () => errors,
    children: { allTests: () => states.map((state) => ({ result: () => ({ state }) })) },
  } as unknown as TestModule;
}

describe('countTests (the closing line)', () => {
  it('counts passed, failed and skipped tests', () => {
    const c = countTests([fakeModule('a.test.ts', ['passed', 'passed', 'failed', 'skipped', 'pending'])]);
    expect(c).toEqual({ passed: 2, failed: 1, skipped: 2, brokenFiles: [] });
  });

  it('counts a file that failed to load (no test of its own failed) as one failed test, and names it', () => {
    const c = countTests([
      fakeModule('ok.test.ts', ['passed']),
      fakeModule('broken.test.ts', [], 'failed', [{ message: 'Cannot find module' }]),
    ]);
    expect(c).toEqual({ passed: 1, failed: 1, skipped: 0, brokenFiles: ['broken.test.ts'] });
  });

  it('does not count a file twice when its own tests failed', () => {
    const c = countTests([fakeModule('f.test.ts', ['failed', 'failed'], 'failed')]);
    expect(c.failed).toBe(2);
    expect(c.brokenFiles).toEqual([]);
  });

  it('counts each unhandled error as a failed test', () => {
    const c = countTests([fakeModule('ok.test.ts', ['passed'])], [{ message: 'boom' }, { message: 'bang' }]);
    expect(c.failed).toBe(2);
  });
});
