import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { packageRoot } from '../core/package-root.js';

let cached: string | null = null;

/**
 * soqa's version, from its package.json.
 *
 * @returns the version string, e.g. `0.1.0`
 */
export function soqaVersion(): string {
  cached ??= (JSON.parse(readFileSync(resolve(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version;
  return cached;
}
