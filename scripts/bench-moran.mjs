#!/usr/bin/env node
// Moran's I permutation tests, as a registry list's long series of years runs them: 40
// "years" of 51 units (the US states' count) on a ring lattice with 5 neighbours each,
// 9,999 permutations per test, seed 1. Prints the best CPU of five rounds and a checksum of
// the pseudo p-values (equal across builds that draw the same permutations). After
// `npm run build`; `node scripts/bench-moran.mjs [dist folder]` times another build's dist
// (e.g. a worktree of an older commit) for a before/after comparison. Never part of `npm test`.
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const dist = resolve(process.argv[2] ?? join(import.meta.dirname, '..', 'dist'));
const { moransI } = await import(pathToFileURL(join(dist, 'measures', 'spatial', 'morans-i.js')).href);
const n = 51;
const neighbours = Array.from({ length: n }, (_x, i) => [1, n - 1, 2, n - 2, 7].map((d) => (i + d) % n));
const series = Array.from({ length: 40 }, (_x, y) =>
  Array.from({ length: n }, (_u, i) => ((i * 7 + y * 13) % 17) + (i % 3)),
);
let best = Infinity;
let checksum = 0;
for (let round = 0; round < 5; round++) {
  const cpu0 = process.cpuUsage();
  checksum = 0;
  for (const values of series)
    checksum += moransI(values, neighbours, { permutations: 9999, seed: 1 }).permutation.pPseudo;
  const cpu = process.cpuUsage(cpu0);
  best = Math.min(best, (cpu.user + cpu.system) / 1000);
}
console.log(
  `${dist}: 40 tests × 9,999 permutations on ${n} units, best of 5: ${best.toFixed(0)} ms CPU; p-value checksum ${checksum.toFixed(6)}`,
);
