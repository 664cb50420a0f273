// `npm run lint`: ESLint (type-aware, the longest check) beside Prettier's check and
// dependency-cruiser, in two lanes so that a 2-core machine runs them at once. Each lane's
// output is printed when the lane ends; the exit code is 1 when any check failed.
import { collectOutput } from './lib/collect-output.mjs';

const LANES = [
  [['eslint', '.']],
  [
    ['prettier', '--check', '.'],
    ['depcruise', 'src', '--config', '.dependency-cruiser.cjs', '--output-type', 'err-long'],
  ],
];

/** Run a lane's commands one after another, stopping at the first failure. */
async function lane(commands) {
  for (const c of commands) {
    const r = await collectOutput(c, `> ${c.join(' ')}\n`);
    process.stdout.write(r.output);
    if (!r.ok) return false;
  }
  return true;
}

const results = await Promise.all(LANES.map(lane));
process.exitCode = results.every(Boolean) ? 0 : 1;
