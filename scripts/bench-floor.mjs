// The floor of any JavaScript reader on this machine, printed next to the DuckDB baseline:
// read the file, decode it as UTF-8 and look at every character once (split lines, count
// delimiters and sum the digit runs), on one thread, with nothing converted, checked or
// kept. soqa's ingest does this and much more; on N threads its floor is this time / N.
import { createReadStream } from 'node:fs';

const file = process.argv[2];
const t0 = process.hrtime.bigint();
const cpu0 = process.cpuUsage();
const decoder = new TextDecoder('utf-8');
let rest = '';
let lines = 0;
let fields = 0;
let digits = 0;
const scan = (s, final) => {
  let p = 0;
  for (;;) {
    const lf = s.indexOf('\n', p);
    if (lf < 0) break;
    let v = 0;
    for (let e = p; e < lf; e++) {
      const c = s.charCodeAt(e);
      if (c === 44) {
        fields++;
        digits += v;
        v = 0;
      } else if (c >= 48 && c <= 57) v = v * 10 + (c - 48);
    }
    lines++;
    p = lf + 1;
  }
  if (final && p < s.length) lines++;
  return s.slice(p);
};
for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 }))
  rest = scan(rest + decoder.decode(chunk, { stream: true }), false);
scan(rest + decoder.decode(), true);
const wall = Number(process.hrtime.bigint() - t0) / 1e9;
process.stderr.write(
  `\nBENCH ${JSON.stringify({ code: 0, wall, lines, fields, checksum: digits > 0, cpu: (process.cpuUsage(cpu0).user + process.cpuUsage(cpu0).system) / 1e6, maxRssMB: process.resourceUsage().maxRSS / 1024 })}\n`,
);
