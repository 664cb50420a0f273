// DuckDB is the benchmarks' baseline only: it is installed on demand (not a devDependency,
// because its optional per-platform bindings break `npm ci` on this registry mirror).
import { spawnSync } from 'node:child_process';

/**
 * Make `@duckdb/node-api` importable: install it without saving when it is missing.
 *
 * @param {string} root the repository folder (where node_modules is)
 * @throws Error when npm cannot install it
 */
export async function ensureDuckdb(root) {
  try {
    await import('@duckdb/node-api');
  } catch {
    process.stderr.write('installing @duckdb/node-api for the baseline (npm install --no-save)…\n');
    const r = spawnSync('npm', ['install', '--no-save', '--no-audit', '--no-fund', '@duckdb/node-api@1.5.6-r.1'], {
      cwd: root,
      stdio: 'inherit',
    });
    if (r.status !== 0) throw new Error('could not install @duckdb/node-api');
  }
}
