#!/usr/bin/env node
// Registry-list benchmark (issue 24, "the IRS extract"): `node scripts/bench-irs.mjs`
// after `npm run build`. The real 26-state IRS EO BMF extract (54 MB, 321,919 rows) is not
// in the repository, so this script scales the 4 state files of test/fixtures/irs-eo-bmf/
// up to 26 files of the same shape: file k holds two of the fixture files, its STATE
// relabelled to the k-th of 26 states and each EIN's first two digits replaced by a
// number of its own (so no id repeats), about 49 MB and 297,866 rows in all (cached under
// the OS temp folder). It then times `soqa analyze --format json --profile irs-eo-bmf` on
// the 26 files (default permutations, then --permutations 999) and DuckDB reading the same
// files and grouping by state and subsection, each in its own process (wall, CPU of all
// threads, peak RSS), and prints the ratios. Never part of `npm test`; compare CPU times on
// a busy machine (the load average is printed).
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDuckdb } from './lib/ensure-duckdb.mjs';
import { runBenchScript } from './lib/run-bench-script.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const STATES = 'AL AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE'.split(' ');
const FIXTURES = ['ak', 'nd', 'vt', 'wy'].map((s) => join(root, 'test/fixtures/irs-eo-bmf', `eo_${s}.csv`));

if (process.argv[2] === '--duckdb') await duckdb(process.argv.slice(3));
else await main();

/** The benchmark: build the input, run soqa twice and DuckDB once, print a table. */
async function main() {
  const dir = join(tmpdir(), 'soqa-bench', 'irs26');
  const files = buildInput(dir);
  await ensureDuckdb(root);
  const out = join(tmpdir(), 'soqa-bench', 'irs26-out');
  const soqa = (extra) =>
    runBenchScript(root, [
      'scripts/bench-child.mjs',
      'analyze',
      ...files,
      '--profile',
      'irs-eo-bmf',
      '--format',
      'json',
      '--out',
      out,
      '--force',
      '-q',
      ...extra,
    ]);
  const rows = [
    ['soqa analyze (9,999 permutations)', soqa([])],
    ['soqa analyze --permutations 999', soqa(['--permutations', '999'])],
    ['DuckDB read_csv + GROUP BY', runBenchScript(root, [fileURLToPath(import.meta.url), '--duckdb', ...files])],
  ];
  const duck = rows[2][1];
  console.log(`registry-list benchmark — ${new Date().toISOString()}, load average ${loadavg()[0].toFixed(1)}`);
  console.log(`${files.length} files, ${(files.reduce((a, f) => a + readFileSync(f).length, 0) / 1e6).toFixed(1)} MB`);
  console.log('run | wall s | CPU s | peak RSS MB | wall / DuckDB | CPU / DuckDB');
  for (const [name, r] of rows)
    console.log(
      `${name} | ${r.wall.toFixed(2)} | ${r.cpu.toFixed(2)} | ${r.maxRssMB.toFixed(0)} | ${(r.wall / duck.wall).toFixed(1)}× | ${(r.cpu / duck.cpu).toFixed(1)}×`,
    );
}

/** The 26 files (made once): two fixture files each, state and EIN prefix relabelled. */
function buildInput(dir) {
  mkdirSync(dir, { recursive: true });
  const texts = FIXTURES.map((f) => readFileSync(f, 'utf8').split('\n'));
  const header = texts[0][0];
  const state = header.split(',').indexOf('STATE');
  STATES.forEach((st, k) => {
    const file = join(dir, `eo_${st.toLowerCase()}.csv`);
    if (existsSync(file)) return;
    const lines = [header];
    for (let half = 0; half < 2; half++)
      for (const line of texts[(k + half) % 4].slice(1)) {
        if (line === '') continue;
        // the fixture rows hold no quoted commas before STATE (checked: the cells split as the header does)
        const cells = line.split(',');
        if (/^\d{9}$/.test(cells[0])) cells[0] = String(k * 2 + half + 10) + cells[0].slice(2);
        cells[state] = st;
        lines.push(cells.join(','));
      }
    writeFileSync(file, `${lines.join('\n')}\n`);
  });
  return readdirSync(dir)
    .filter((f) => f.endsWith('.csv'))
    .sort()
    .map((f) => join(dir, f));
}

/** The DuckDB side (in a child process): read the files, count and sum by state and subsection. */
async function duckdb(files) {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const t0 = process.hrtime.bigint();
  const cpu0 = process.cpuUsage();
  const con = await (await DuckDBInstance.create(':memory:')).connect();
  const list = files.map((f) => `'${f.replace(/'/g, "''")}'`).join(', ');
  const sql = `SELECT STATE, SUBSECTION, count(*) AS orgs, sum(ASSET_AMT) AS assets, sum(INCOME_AMT) AS income,
    sum(REVENUE_AMT) AS revenue, min(RULING) AS first_ruling
    FROM read_csv([${list}], header = true, types = {'EIN': 'VARCHAR', 'SUBSECTION': 'VARCHAR'})
    GROUP BY STATE, SUBSECTION`;
  const groups = (await con.runAndReadAll(sql)).getRows().length;
  const cpu = process.cpuUsage(cpu0);
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  process.stderr.write(
    `\nBENCH ${JSON.stringify({ code: 0, wall, groups, cpu: (cpu.user + cpu.system) / 1e6, maxRssMB: process.resourceUsage().maxRSS / 1024 })}\n`,
  );
}
