import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** test/fixtures/reference, found from this file (test/helpers). */
const REFERENCE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/reference');

/**
 * Absolute path of a file under the published reference cases (`test/fixtures/reference`,
 * whose README names where each file's expected values come from).
 *
 * @param parts path segments below `test/fixtures/reference`, e.g. `'data', 'mexico.gal'`
 * @returns the absolute path
 * @example
 * referencePath('README.md'); // => '/…/test/fixtures/reference/README.md'
 */
export function referencePath(...parts: string[]): string {
  return path.join(REFERENCE_DIR, ...parts);
}
