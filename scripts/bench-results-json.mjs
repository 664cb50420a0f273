#!/usr/bin/env node
// Writing results.json: `JSON.stringify(r, null, 2)` and its UTF-8 copy (the whole text at
// once) against `indentedJsonParts` batched into ~1 MiB writes (what `writeAtomic` does),
// on a results.json given (e.g. the IRS-size one of scripts/bench-irs.mjs). Prints the best
// CPU of five rounds for each and whether the two texts are the same. After `npm run build`:
//   node scripts/bench-results-json.mjs $TMPDIR/soqa-bench/irs26-out/results.json
// Never part of `npm test`.
import { readFileSync } from 'node:fs';
import { indentedJsonParts } from '../dist/results/indented-json-parts.js';

const file = process.argv[2];
if (!file) {
  process.stderr.write('usage: node scripts/bench-results-json.mjs RESULTS.json\n');
  process.exit(3);
}
const results = JSON.parse(readFileSync(file, 'utf8'));
const whole = () => Buffer.from(JSON.stringify(results, null, 2)).length;
const parts = () => {
  let batch = [];
  let size = 0;
  let bytes = 0;
  for (const p of indentedJsonParts(results)) {
    batch.push(p);
    size += p.length;
    if (size < 1 << 20) continue;
    bytes += Buffer.from(batch.join('')).length;
    batch = [];
    size = 0;
  }
  return bytes + Buffer.from(batch.join('')).length;
};
const best = {};
const length = {};
for (let round = 0; round < 5; round++)
  for (const [name, run] of Object.entries({ whole, parts })) {
    const cpu0 = process.cpuUsage();
    length[name] = run();
    const cpu = process.cpuUsage(cpu0);
    best[name] = Math.min(best[name] ?? Infinity, (cpu.user + cpu.system) / 1000);
  }
const same = [...indentedJsonParts(results)].join('') === JSON.stringify(results, null, 2);
console.log(
  `${file}: ${(length.whole / 1e6).toFixed(1)} MB; whole text ${best.whole.toFixed(0)} ms CPU, in parts ${best.parts.toFixed(0)} ms; same text: ${same}`,
);
