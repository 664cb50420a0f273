import { expect } from 'vitest';
import { readResultsFile } from '../../src/cli/pipeline/read-results.js';

/**
 * Check a results.json that soqa wrote as `soqa report` checks it when it loads it: against
 * schemas/results.schema.json, every analysis section down to its leaves. On failure the
 * assertion shows soqa's own message (JSON path, what was expected, what was found).
 *
 * @param path the results.json
 * @example
 * expectValidResultsFile(join(out, 'results.json'));
 */
export function expectValidResultsFile(path: string): void {
  let problem = '';
  try {
    readResultsFile(path);
  } catch (e) {
    problem = (e as Error).message;
  }
  expect(problem, path).toBe('');
}
