// `npm run lint`: ESLint (type-aware, the longest check) beside Prettier's check and
// dependency-cruiser, in two lanes so that a 2-core machine runs them at once. Each lane's
// output is printed when the lane ends; the exit code is 1 when any check failed.
import { spawn } from 'node:child_process';

const LANES = [
  [['eslint', '.']],
  [
    ['prettier', '--check', '.'],
    ['depcruise', 'src', '--config', '.dependency-cruiser.cjs', '--output-type', 'err-long'],
  ],
];

/** Run one command (from node_modules/.bin, which npm puts on PATH), collecting its output. */
function run([cmd, ...args]) {
  return new Promise((resolve) => {
    let output = `> ${cmd} ${args.join(' ')}\n`;
    const child = spawn(cmd, args, { shell: process.platform === 'win32' });
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', (e) => resolve({ output: `${output}${e.message}\n`, ok: false }));
    child.on('close', (code) => resolve({ output, ok: code === 0 }));
  });
}

/** Run a lane's commands one after another, stopping at the first failure. */
async function lane(commands) {
  for (const c of commands) {
    const r = await run(c);
    process.stdout.write(r.output);
    if (!r.ok) return false;
  }
  return true;
}

const results = await Promise.all(LANES.map(lane));
process.exitCode = results.every(Boolean) ? 0 : 1;
