import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** /work/shared/reference, found from this file: test/helpers → repo root → ../shared. */
const REFERENCE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../shared/reference');

/**
 * Absolute path of a file under the shared reference folder (`../shared/reference` next to
 * the repository).
 *
 * @param parts path segments below `shared/reference`, e.g. `'data', 'mexico.gal'`
 * @returns the absolute path
 * @example
 * referencePath('README.md'); // => '/…/shared/reference/README.md'
 */
export function referencePath(...parts: string[]): string {
  return path.join(REFERENCE_DIR, ...parts);
}
