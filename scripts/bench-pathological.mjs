#!/usr/bin/env node
// Pathological-input benchmark (issue 23): for each hostile input kind, doubles its size
// (default 12.5, 25, 50 and 100 MB; `--mb 1,2,4` for others) and times `soqa validate` (and
// `soqa analyze --format json` for the gzip of duplicates, which writes every reject to
// rejects.csv) as a child process, with its peak RSS from /usr/bin/time when the system
// has it. Doubling the input should no more than about double the time (linear), and the
// peak RSS should stay flat (bounded). Run after `npm run build`; never part of `npm test`.
// Prints a Markdown table (the one in docs/PERFORMANCE.md).
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createGzip } from 'node:zlib';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const mbArg = args.includes('--mb') ? args[args.indexOf('--mb') + 1] : undefined;
const sizes = (mbArg ?? '12.5,25,50,100').split(',').map(Number);
const only = args.includes('--only') ? args[args.indexOf('--only') + 1].split(',') : undefined;
const bin = join(root, 'bin', 'soqa.js');
const gnuTime = existsSync('/usr/bin/time');
const dir = mkdtempSync(join(tmpdir(), 'soqa-patho-'));
const HEADER = 'org_id,name,type,region,registered,year,staff_fulltime,staff_parttime,rating,field';
const ROW = '51150100MJ00010104,呼和浩特市志愿服务协会,social_group,150100,2015-03-02,2023,3,2,3A,social_services';
const MB = 1_000_000;
const BLOCK = 1 << 20;

/** Write `bytes` bytes made of `head`, then `unit` repeated, then `tail`, in blocks. */
function writeRepeated(path, head, unit, bytes, tail) {
  const fd = openSync(path, 'w');
  writeSync(fd, head);
  const n = Math.max(1, Math.floor((bytes - head.length - tail.length) / unit.length));
  const perBlock = Math.max(1, Math.floor(BLOCK / unit.length));
  const block = unit.repeat(perBlock);
  let left = n;
  for (; left >= perBlock; left -= perBlock) writeSync(fd, block);
  if (left > 0) writeSync(fd, unit.repeat(left));
  writeSync(fd, tail);
  closeSync(fd);
}

/** A gzip of `bytes` bytes of text: the header, then copies of one row. */
async function writeGzipDuplicates(path, bytes) {
  const gz = createGzip({ level: 9 });
  const out = createWriteStream(path);
  gz.pipe(out);
  gz.write(`${HEADER}\n`);
  const block = `${ROW}\n`.repeat(Math.floor(BLOCK / Buffer.byteLength(`${ROW}\n`)));
  for (let written = 0; written < bytes; written += Buffer.byteLength(block))
    if (!gz.write(block)) await once(gz, 'drain');
  gz.end();
  await once(out, 'close');
}

/** The input kinds: how each is made, and the command run on it. */
const CASES = {
  'long row of empty fields': {
    make: (p, bytes) => writeRepeated(p, `${HEADER}\n`, ',', bytes, `\n${ROW}\n`),
    cmd: (p) => ['validate', p, '-q'],
  },
  'escaped quotes in one field': {
    make: (p, bytes) => writeRepeated(p, `${HEADER}\n"`, '""', bytes, `",x\n${ROW}\n`),
    cmd: (p) => ['validate', p, '-q'],
  },
  'wide header': {
    make: (p, bytes) => writeRepeated(p, '', 'col,', bytes, '\n'),
    cmd: (p) => ['validate', p, '-q'],
  },
  'unterminated quote, then rows': {
    make: (p, bytes) => writeRepeated(p, `${HEADER}\n"x,`, `${ROW}\n`, bytes, ''),
    cmd: (p) => ['validate', p, '-q'],
  },
  zeros: {
    make: (p, bytes) => writeRepeated(p, '', '\0'.repeat(1024), bytes, ''),
    cmd: (p) => ['validate', p, '-q'],
  },
  'gzip of duplicate rows (text size)': {
    gzip: true,
    make: (p, bytes) => writeGzipDuplicates(p, bytes),
    cmd: (p) => ['analyze', p, '--format', 'json', '-q', '-o', join(dir, 'out')],
  },
};

/** Run soqa on `argv`: wall seconds, peak RSS in MB (null without /usr/bin/time), exit code. */
function time(argv) {
  const t0 = process.hrtime.bigint();
  const r = gnuTime
    ? spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, bin, ...argv], { encoding: 'utf8', maxBuffer: 1 << 26 })
    : spawnSync(process.execPath, [bin, ...argv], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const kb = gnuTime ? Number(r.stderr.trim().split('\n').pop()) : NaN;
  const code = /E_[A-Z_]+/.exec(r.stderr)?.[0] ?? `exit ${r.status}`;
  return { seconds, rss: Number.isFinite(kb) ? kb / 1024 : null, code };
}

const rows = [];
for (const [name, c] of Object.entries(CASES)) {
  if (only && !only.some((o) => name.includes(o))) continue;
  let prev = null;
  for (const mb of sizes) {
    const p = join(dir, `input${c.gzip ? '.csv.gz' : '.csv'}`);
    await c.make(p, mb * MB);
    const r = time(c.cmd(p));
    rmSync(join(dir, 'out'), { recursive: true, force: true });
    const stored = statSync(p).size / MB;
    rows.push({ name, mb, stored, ...r, ratio: prev ? r.seconds / prev : null });
    prev = r.seconds;
    process.stderr.write(`${name} ${mb} MB: ${r.seconds.toFixed(2)} s, ${r.rss?.toFixed(0) ?? '?'} MB, ${r.code}\n`);
    rmSync(p, { force: true });
  }
}
rmSync(dir, { recursive: true, force: true });

const f = (x, d) => (x === null ? '–' : x.toFixed(d));
let out = '| input | size (MB) | stored (MB) | time (s) | × previous size | peak RSS (MB) | outcome |\n';
out += '|---|---:|---:|---:|---:|---:|---|\n';
for (const r of rows)
  out += `| ${r.name} | ${r.mb} | ${f(r.stored, 1)} | ${f(r.seconds, 2)} | ${f(r.ratio, 2)} | ${f(r.rss, 0)} | ${r.code} |\n`;
process.stdout.write(out);
