// The byte-level floor, printed next to the DuckDB baseline: every byte of the file read
// and looked at once, on as many threads as soqa's parallel reader uses (the available
// cores, at most 4): each thread reads its share of the file into one reused 1 MiB buffer
// and, byte by byte, counts line feeds and delimiters and sums the digit runs. Nothing is
// decoded, converted, checked or kept: no CSV reader in JavaScript can be faster here.
import { openSync, readSync, closeSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';

if (isMainThread) {
  const file = process.argv[2];
  const t0 = process.hrtime.bigint();
  const cpu0 = process.cpuUsage();
  const size = statSync(file).size;
  const threads = Math.max(1, Math.min(4, availableParallelism()));
  const parts = await Promise.all(
    Array.from({ length: threads }, (_, i) => {
      const start = Math.floor((size * i) / threads);
      const end = Math.floor((size * (i + 1)) / threads);
      return new Promise((resolve, reject) => {
        const w = new Worker(new URL(import.meta.url), { workerData: { file, start, end } });
        w.once('message', resolve);
        w.once('error', reject);
      });
    }),
  );
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  const cpu = process.cpuUsage(cpu0);
  const lines = parts.reduce((a, p) => a + p.lines, 0);
  const fields = parts.reduce((a, p) => a + p.fields, 0);
  process.stderr.write(
    `\nBENCH ${JSON.stringify({ code: 0, wall, cpu: (cpu.user + cpu.system) / 1e6, threads, lines, fields, maxRssMB: process.resourceUsage().maxRSS / 1024 })}\n`,
  );
} else {
  const { file, start, end } = workerData;
  const fd = openSync(file, 'r');
  const buf = new Uint8Array(1 << 20);
  let lines = 0;
  let fields = 0;
  let digits = 0;
  let v = 0;
  for (let pos = start; pos < end;) {
    const n = readSync(fd, buf, 0, Math.min(buf.length, end - pos), pos);
    if (n === 0) break;
    pos += n;
    for (let i = 0; i < n; i++) {
      const c = buf[i];
      if (c === 10) {
        lines++;
        digits += v;
        v = 0;
      } else if (c === 44) {
        fields++;
        digits += v;
        v = 0;
      } else if (c >= 48 && c <= 57) v = v * 10 + (c - 48);
    }
  }
  closeSync(fd);
  parentPort.postMessage({ lines, fields, checksum: digits > 0 });
}
