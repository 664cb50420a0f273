// Run a command (from node_modules/.bin, which npm puts on PATH) with its output collected
// rather than printed, so that commands running at the same time do not interleave:
// scripts/lint.mjs runs its lanes this way, scripts/test.mjs runs lint beside vitest.
import { spawn } from 'node:child_process';

/**
 * @param {string[]} command the command and its arguments
 * @param {string} [prefix] text the output starts with (default none)
 * @returns {Promise<{ output: string, ok: boolean }>} stdout and stderr as they came, and whether it exited 0
 */
export function collectOutput([cmd, ...args], prefix = '') {
  return new Promise((resolve) => {
    let output = prefix;
    const child = spawn(cmd, args, { shell: process.platform === 'win32' });
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', (e) => resolve({ output: `${output}${e.message}\n`, ok: false }));
    child.on('close', (code) => resolve({ output, ok: code === 0 }));
  });
}
