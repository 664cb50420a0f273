// Runs one soqa command in this process and reports wall time and peak RSS on stderr as
// JSON (used by bench.mjs so that memory is measured for soqa alone).
import { main } from '../dist/cli/main.js';

const t0 = process.hrtime.bigint();
const cpu0 = process.cpuUsage();
const code = await main(process.argv.slice(2), {
  stdout: () => {},
  stderr: (t) => process.stderr.write(t),
  stderrIsTTY: false,
});
const wall = Number(process.hrtime.bigint() - t0) / 1e9;
process.stderr.write(
  `\nBENCH ${JSON.stringify({ code, wall, cpu: (process.cpuUsage(cpu0).user + process.cpuUsage(cpu0).system) / 1e6, maxRssMB: process.resourceUsage().maxRSS / 1024 })}\n`,
);
process.exitCode = code;
