#!/usr/bin/env node
// `soqa analyze --each region` against one full run, on the built-in sample (12 leagues):
//
//   npm run build && node scripts/bench-each.mjs [--runs N] [--format LIST]
//
// Times, one after the other and N times each (default 3, alternating), `soqa analyze`
// (the whole sample) and `soqa analyze --each region` (the whole sample plus the 12 league
// reports and the index) with the same formats (default: all of them), each in a fresh
// process writing to a fresh folder, and prints the wall and CPU times and the ratio of the
// medians (the goal: under 3), and of the CPU times (steadier on a busy host).
// Never part of `npm test`.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const runs = Number(opt('--runs', '3'));
const format = opt('--format', 'json,md,html,png,svg');

/** CPU seconds (user + system) of the children waited for so far (Linux: /proc/self/stat; else NaN). */
function childCpu() {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
    return (Number(fields[13]) + Number(fields[14])) / 100; // cutime, cstime in clock ticks (USER_HZ = 100)
  } catch {
    return NaN;
  }
}

/** One run in a fresh process: wall seconds and CPU seconds (user + system of the child and its threads). */
function time(extra) {
  const cpu0 = childCpu();
  const out = mkdtempSync(join(tmpdir(), 'soqa-bench-each-'));
  const t0 = process.hrtime.bigint();
  const r = spawnSync(
    process.execPath,
    ['bin/soqa.js', 'analyze', '-o', join(out, 'r'), '--format', format, '-q', ...extra],
    {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 1 << 26,
    },
  );
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  rmSync(out, { recursive: true, force: true });
  if (r.status !== 0) throw new Error(`soqa analyze ${extra.join(' ')} exited ${r.status}: ${r.stderr}`);
  return { wall, cpu: childCpu() - cpu0 };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const one = [];
const each = [];
for (let i = 0; i < runs; i++) {
  one.push(time([]));
  each.push(time(['--each', 'region']));
  process.stderr.write(
    `run ${i + 1}/${runs}: one ${one.at(-1).wall.toFixed(1)} s (CPU ${one.at(-1).cpu.toFixed(1)} s), ` +
      `--each region ${each.at(-1).wall.toFixed(1)} s (CPU ${each.at(-1).cpu.toFixed(1)} s)\n`,
  );
}
const walls = (xs) => xs.map((x) => x.wall);
const cpus_ = (xs) => xs.map((x) => x.cpu);
const ratio = median(walls(each)) / median(walls(one));
const cpuRatio = median(cpus_(each)) / median(cpus_(one));
console.log(
  JSON.stringify(
    {
      format,
      runs,
      cpus: cpus().length,
      loadBefore: loadavg()[0],
      oneRunSeconds: walls(one).map((x) => +x.toFixed(2)),
      eachRegionSeconds: walls(each).map((x) => +x.toFixed(2)),
      oneRunCpuSeconds: cpus_(one).map((x) => +x.toFixed(2)),
      eachRegionCpuSeconds: cpus_(each).map((x) => +x.toFixed(2)),
      ratioOfMedians: +ratio.toFixed(2),
      cpuRatioOfMedians: +cpuRatio.toFixed(2),
      goal: 'under 3',
    },
    null,
    2,
  ),
);
