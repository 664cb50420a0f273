import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';

/**
 * Absolute path of the installed soqa package (where `data/`, `config/` and `schemas/`
 * live). Computed from this module's URL; it reads nothing.
 *
 * @returns the package root directory
 * @example
 * packageRoot(); // => '/path/to/node_modules/soqa'
 */
export function packageRoot(): string {
  // this file is dist/core/package-root.js (or src/core/package-root.ts under vitest)
  return resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
}
