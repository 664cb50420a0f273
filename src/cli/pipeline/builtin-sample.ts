import { resolve } from 'node:path';
import { packageRoot } from '../../core/package-root.js';

/** Path of the built-in synthetic Inner Mongolia panel. */
export function builtinSamplePath(): string {
  return resolve(packageRoot(), 'data', 'sample', 'inner-mongolia-panel.csv.gz');
}
