#!/usr/bin/env node
// Region resolution at national scale: `node scripts/bench-regions.mjs [--rows 900000] [--runs 3] [--analyze]`
// (run `npm run build` first). Writes two registry lists of the same number of rows to the OS
// temp folder (cached): a national one spread over every county of china-counties, its region
// written the ways exports write it (深圳市南山区, 深圳市, 广东省深圳市, 深圳市民政局, 南山区
// settled by the credit code), and an Inner Mongolia one (league codes and names, as the
// built-in sample). Then times `soqa validate --json` (ingest: read, resolve, check) on each,
// with the regions detected and, for the national list, with --regions china-prefectures given,
// interleaved, three runs each (`--runs N`); `--analyze` adds `soqa analyze --format json`. Prints wall times
// and the national/Inner Mongolia ratio. Never part of `npm test`; numbers go to docs/PERFORMANCE.md.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { creditCodeCheckChar, orgCodeCheckChar } from '../dist/domain/credit-code/index.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const rows = Number(args.includes('--rows') ? args[args.indexOf('--rows') + 1] : 900_000);
const analyze = args.includes('--analyze');
const runs = Number(args.includes('--runs') ? args[args.indexOf('--runs') + 1] : 3);
const cache = join(tmpdir(), 'soqa-bench-regions');
mkdirSync(cache, { recursive: true });

const code = (division, serial) => {
  const body = `MJ${String(serial % 1e6).padStart(6, '0')}`;
  const first17 = `5${1 + (serial % 3)}${division}${body}${orgCodeCheckChar(body)}`;
  return first17 + creditCodeCheckChar(first17);
};
const TYPES = ['社会团体', '民办非企业单位', '基金会'];
const line = (division, region, k) =>
  `${code(division, k)},测试组织${k},${TYPES[k % 3]},${region},20${10 + (k % 14)}-0${1 + (k % 9)}-1${k % 10}`;

function writeNational(file) {
  const read = (id) => JSON.parse(readFileSync(join(root, 'data/regions', `${id}.json`), 'utf8')).regions;
  const prefs = new Map(read('china-prefectures').map((r) => [r.code, r]));
  const provs = new Map(read('china-provinces').map((r) => [r.code, r]));
  const counties = read('china-counties');
  const out = ['org_id,name,type,region,registered'];
  for (let k = 0; k < rows; k++) {
    const c = counties[k % counties.length];
    const p = prefs.get(c.parent);
    const forms = [`${p.zh}${c.zh}`, p.zh, `${provs.get(c.province).zh}${p.zh}`, `${p.zh}民政局`, c.zh];
    out.push(line(c.code, forms[k % forms.length], k));
  }
  writeFileSync(file, `${out.join('\n')}\n`);
}

function writeInnerMongolia(file) {
  const leagues = JSON.parse(readFileSync(join(root, 'data/regions/inner-mongolia.json'), 'utf8')).regions;
  const out = ['org_id,name,type,region,registered'];
  for (let k = 0; k < rows; k++) {
    const r = leagues[k % leagues.length];
    out.push(line(r.code, k % 2 ? r.code : r.zh, k));
  }
  writeFileSync(file, `${out.join('\n')}\n`);
}

const national = join(cache, `national-${rows}.csv`);
const im = join(cache, `inner-mongolia-${rows}.csv`);
if (!existsSync(national)) writeNational(national);
if (!existsSync(im)) writeInnerMongolia(im);

function time(argv) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['bin/soqa.js', ...argv], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 28 });
  const s = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${argv.join(' ')}: exit ${r.status}\n${r.stderr}`);
  return { s, err: r.stderr.split('\n').find((l) => l.startsWith('regions:')) ?? '' };
}

const out = join(cache, 'out');
const cases = [
  ['inner-mongolia, detected', ['validate', im, '--json', '-q']],
  ['national, detected', ['validate', national, '--json', '-q']],
  ['national, --regions china-prefectures', ['validate', national, '--json', '-q', '--regions', 'china-prefectures']],
  ...(analyze
    ? [
        ['analyze inner-mongolia', ['analyze', im, '--format', 'json', '-q', '--force', '-o', `${out}-im`]],
        ['analyze national', ['analyze', national, '--format', 'json', '-q', '--force', '-o', `${out}-cn`]],
      ]
    : []),
];
console.log(
  `soqa bench-regions — ${rows} rows, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, node ${process.version}`,
);
const times = new Map(cases.map(([name]) => [name, []]));
for (let run = 0; run < runs; run++) for (const [name, argv] of cases) times.get(name).push(time(argv).s);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
for (const [name, xs] of times)
  console.log(`${name.padEnd(40)} ${xs.map((x) => x.toFixed(2)).join('  ')}  median ${median(xs).toFixed(2)} s`);
const ratio = median(times.get('national, detected')) / median(times.get('inner-mongolia, detected'));
console.log(`national / inner-mongolia (validate, detected): ${ratio.toFixed(2)}×`);
if (analyze)
  console.log(
    `national / inner-mongolia (analyze): ${(median(times.get('analyze national')) / median(times.get('analyze inner-mongolia'))).toFixed(2)}×`,
  );
console.log(time(['validate', national, '--json']).err);
