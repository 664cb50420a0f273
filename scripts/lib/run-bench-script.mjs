import { spawnSync } from 'node:child_process';

/**
 * Run a node script of the benchmarks and read the `BENCH {…}` line it writes on stderr
 * (wall, cpu, maxRssMB, and what else it measures).
 *
 * @param {string} root the repository folder (the script's working folder)
 * @param {string[]} argv the script and its arguments
 * @returns {Record<string, number>} the measurements
 * @throws Error with the script's stderr when it writes no BENCH line
 */
export function runBenchScript(root, argv) {
  const r = spawnSync('node', argv, { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26 });
  const line = (r.stderr ?? '').split('\n').find((l) => l.startsWith('BENCH '));
  if (!line) throw new Error(`${argv.join(' ')} failed (exit ${r.status}):\n${r.stderr}`);
  return JSON.parse(line.slice(6));
}
