#!/usr/bin/env node
// soqa benchmark: `npm run bench` (1M rows) or `npm run bench -- --quick` (100k rows),
// `--rows 1000000,5000000` for other sizes. Generates inputs once with `soqa sample`
// (cached under the OS temp folder), then times `soqa analyze --format json`, the DuckDB
// baseline, the byte-level floor (bench-byte-floor.mjs: every byte read and looked at once,
// on the threads soqa's reader uses) and the text floor (bench-floor.mjs: read, decode and
// look at every character once, one thread) on the same file, one after the other, and
// prints rows/s, wall time, CPU time (user + system, all threads), peak RSS and the ratios
// to DuckDB, then soqa again with the rows kept in memory (`--stream never`). Each time is
// measured inside its process, after start-up and imports. On a shared machine wall times
// move with the load: compare CPU times, and run the bench at a quiet moment (the load
// average is printed). Never part of `npm test`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir, cpus, totalmem, loadavg } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDuckdb } from './lib/ensure-duckdb.mjs';
import { runBenchScript } from './lib/run-bench-script.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const rowsArg =
  args.find((a) => a.startsWith('--rows='))?.slice(7) ??
  (args.includes('--rows') ? args[args.indexOf('--rows') + 1] : undefined);
const targets = rowsArg ? rowsArg.split(',').map(Number) : quick ? [100_000] : [1_000_000];
const ROWS_PER_ORG = 199_244 / 18_000; // the default sample's rows per organization active in its last year
const cache = join(tmpdir(), 'soqa-bench');
await ensureDuckdb(root);
mkdirSync(cache, { recursive: true });

console.log(
  `soqa benchmark — ${new Date().toISOString().slice(0, 10)}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}`,
);
console.log(
  'rows        file MB  soqa s  soqa CPU s  soqa rows/s  soqa RSS MB  duckdb s  duckdb CPU s  ratio  byte floor s  byte/duckdb  text floor s  in-memory s  in-memory CPU s  in-memory RSS MB  in-memory ratio  load',
);
for (const target of targets) {
  const orgs = Math.max(10, Math.round(target / ROWS_PER_ORG));
  const file = join(cache, `panel-${orgs}.csv`);
  if (!existsSync(file)) {
    process.stderr.write(`generating ${file} (${orgs} organizations)…\n`);
    const g = spawnSync('node', ['bin/soqa.js', 'sample', '--orgs', String(orgs), '--out', file], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    if (g.status !== 0) throw new Error('sample generation failed');
  }
  const out = join(cache, `out-${orgs}`);
  const soqa = runBenchScript(root, [
    'scripts/bench-child.mjs',
    'analyze',
    file,
    '--format',
    'json',
    '--out',
    out,
    '--force',
    '-q',
  ]);
  const duck = runBenchScript(root, ['scripts/bench-duckdb.mjs', file]);
  const byteFloor = runBenchScript(root, ['scripts/bench-byte-floor.mjs', file]);
  const floor = runBenchScript(root, ['scripts/bench-floor.mjs', file]);
  // the same run with the rows kept in memory (`--stream never`; the default streams inputs of 64 MB or more)
  const kept = runBenchScript(root, [
    'scripts/bench-child.mjs',
    'analyze',
    file,
    '--format',
    'json',
    '--out',
    `${out}-kept`,
    '--force',
    '-q',
    '--stream',
    'never',
  ]);
  const rows = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')).provenance.rows.read;
  const mb = statSync(file).size / 2 ** 20;
  const f = (x, w, d = 2) => x.toFixed(d).padStart(w);
  console.log(
    [
      String(rows).padEnd(11),
      f(mb, 7, 0),
      f(soqa.wall, 6),
      f(soqa.cpu, 10),
      Math.round(rows / soqa.wall)
        .toLocaleString('en')
        .padStart(11),
      f(soqa.maxRssMB, 11, 0),
      f(duck.wall, 8),
      f(duck.cpu, 12),
      f(soqa.wall / duck.wall, 5),
      f(byteFloor.wall, 12),
      f(byteFloor.wall / duck.wall, 11),
      f(floor.wall, 12),
      f(kept.wall, 11),
      f(kept.cpu, 15),
      f(kept.maxRssMB, 16, 0),
      f(kept.wall / duck.wall, 15),
      loadavg()[0].toFixed(1).padStart(5),
    ].join('  '),
  );
}
