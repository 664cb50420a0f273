// The three regions with the highest composite score in the latest year of the built-in
// sample, with their layer scores, written to a CSV file.
//
//   node examples/top-regions.mjs [out.csv]        (default: top-regions.csv)
//
// From a project that installed soqa, import from 'soqa'; inside a clone of the repository
// (after `npm run build`) the package's own name resolves too.
import { writeFileSync } from 'node:fs';
import { analyze } from 'soqa';

const out = process.argv[2] ?? 'top-regions.csv';
const { results } = await analyze(); // no input: the built-in synthetic sample

const { scores } = results.analyses.indicators;
const latest = Math.max(...scores.map((s) => s.year));
const name = new Map(results.regions.map((r) => [r.code, r.zh]));
const top = scores
  .filter((s) => s.year === latest && s.region !== 'total')
  .sort((a, b) => b.composite - a.composite || a.region.localeCompare(b.region))
  .slice(0, 3);

const header = ['year', 'rank', 'region', 'name', 'composite', 'composition', 'function', 'output'];
const lines = top.map((s) =>
  [latest, s.rank, s.region, name.get(s.region), s.composite, s.composition, s.function, s.output].join(','),
);
writeFileSync(out, `${[header.join(','), ...lines].join('\n')}\n`);
console.log(`wrote ${out}: ${top.map((s) => name.get(s.region)).join(', ')} (${latest})`);
