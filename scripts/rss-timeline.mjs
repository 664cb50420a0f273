#!/usr/bin/env node
// Peak memory of a command and when it happens (Linux): runs the command, reads VmRSS from
// /proc/PID/status every 15 ms, and prints the peak, its time, and the RSS once per second
// (STEP=0.5 for every half second). Used for docs/PERFORMANCE.md, "Fifth pass":
//   node scripts/rss-timeline.mjs node bin/soqa.js analyze panel.csv --format json --out /tmp/x --force -q
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

const [cmd, ...args] = process.argv.slice(2);
if (!cmd) {
  process.stderr.write('usage: node scripts/rss-timeline.mjs COMMAND [ARGS…]\n');
  process.exit(3);
}
const step = Number(process.env.STEP ?? 1);
const t0 = performance.now();
const child = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'inherit'] });
const curve = [];
let peak = 0;
let at = 0;
const timer = setInterval(() => {
  let status;
  try {
    status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
  } catch {
    return; // not started yet, or already gone
  }
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  const t = (performance.now() - t0) / 1000;
  curve.push([t, kb]);
  if (kb > peak) [peak, at] = [kb, t];
}, 15);
child.on('exit', (code) => {
  clearInterval(timer);
  const end = (performance.now() - t0) / 1000;
  console.log(`exit ${code}, ${end.toFixed(2)} s, peak RSS ${(peak / 1024).toFixed(0)} MiB at ${at.toFixed(2)} s`);
  let next = 0;
  const line = [];
  for (const [t, kb] of curve) {
    if (t < next) continue;
    line.push(`${t.toFixed(1)}s:${(kb / 1024).toFixed(0)}`);
    next = t + step;
  }
  console.log(line.join(' '));
  process.exitCode = code ?? 1;
});
