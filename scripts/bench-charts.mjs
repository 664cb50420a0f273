// Time per chart: build the spec, draw the SVG (vega), make the font subset and draw the PNG
// (resvg) of every chart of a results.json, in this thread, with the built modules (run
// `npm run build` first). Each step is timed in CPU time (user + sys of this process, which
// runs nothing else meanwhile), so the numbers hold on a busy machine; every chart is drawn
// --repeat times (default 3) and the smallest time of each step is printed.
//
//   node bin/soqa.js analyze --format json --out /tmp/x --force -q
//   node scripts/bench-charts.mjs /tmp/x/results.json [--repeat 3] [--lang zh|en] [--only a,b]
import { readFileSync } from 'node:fs';

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? args[at + 1] : dflt;
};
const file = args.find((a, i) => !a.startsWith('--') && (i === 0 || !args[i - 1].startsWith('--')));
if (!file) {
  process.stderr.write('usage: node scripts/bench-charts.mjs RESULTS.json [--repeat 3] [--lang zh] [--only a,b]\n');
  process.exit(2);
}
const repeat = Math.max(1, Number(opt('repeat', '3')));
const lang = opt('lang', 'zh');
const only = opt('only', '')?.split(',').filter(Boolean);

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const t = cpuMs();
// as the chart renderers do, before resvg loads (src/render/charts/tune-png-allocator.ts;
// builds before it have none)
await import('../dist/render/charts/tune-png-allocator.js').then(
  (m) => m.tunePngAllocator(),
  () => undefined,
);
const { CHARTS, CHART_NAMES } = await import('../dist/render/charts/chart-registry.js');
const { renderSvg } = await import('../dist/render/charts/render-svg.js');
const { renderPng } = await import('../dist/render/charts/render-png.js');
const { loadFonts } = await import('../dist/cli/fonts/load-fonts.js');
const { createFontSubsetter } = await import('../dist/cli/fonts/font-subsetter.js');
// one subset for all charts as `analyze` makes it (src/render/charts/chart-text.ts), or one per chart in builds before it
const chartText = await import('../dist/render/charts/chart-text.js').then(
  (m) => m.chartText,
  () => null,
);
const loadMs = cpuMs() - t;

const results = JSON.parse(readFileSync(file, 'utf8'));
const fonts = loadFonts();
const subsetter = fonts ? createFontSubsetter(fonts) : null;
const names = CHART_NAMES.filter((n) => !only?.length || only.includes(n));
const specs = names.map((n) => CHARTS[n].build(results, lang)).filter(Boolean); // built before, as in `analyze`
const text = () => chartText(specs);
const fontsFor = (svg) => (chartText ? subsetter.fontsForChart(svg, text) : subsetter.fontsFor([svg]));
const best = new Map(names.map((n) => [n, { spec: Infinity, svg: Infinity, subset: Infinity, png: Infinity }]));
/** The first run's totals: each chart drawn once, as in a real run (vega's code not yet optimised). */
const first = { spec: 0, svg: 0, subset: 0, png: 0 };

const time = async (f) => {
  const c0 = cpuMs();
  const value = await f();
  return { value, ms: cpuMs() - c0 };
};
try {
  for (let r = 0; r < repeat; r++) {
    for (const name of names) {
      const b = best.get(name);
      const spec = await time(() => CHARTS[name].build(results, lang));
      b.spec = Math.min(b.spec, spec.ms);
      if (r === 0) first.spec += spec.ms;
      if (!spec.value) {
        b.none = true;
        continue;
      }
      const svg = await time(() => renderSvg(spec.value));
      b.svg = Math.min(b.svg, svg.ms);
      if (r === 0) first.svg += svg.ms;
      if (!subsetter) continue;
      const sub = await time(() => fontsFor(svg.value));
      b.subset = Math.min(b.subset, sub.ms);
      if (r === 0) first.subset += sub.ms;
      const png = await time(() => renderPng(svg.value, sub.value));
      b.png = Math.min(b.png, png.ms);
      if (r === 0) first.png += png.ms;
      b.bytes = png.value.length;
    }
  }
} finally {
  subsetter?.cleanup();
}

const f = (x) => (Number.isFinite(x) ? x.toFixed(1) : '–');
const rows = [['chart', 'spec ms', 'SVG ms', 'subset ms', 'PNG ms', 'PNG bytes']];
const sum = { spec: 0, svg: 0, subset: 0, png: 0 };
for (const [name, b] of best) {
  if (b.none) {
    rows.push([name, f(b.spec), 'no data', '', '', '']);
    continue;
  }
  for (const k of Object.keys(sum)) if (Number.isFinite(b[k])) sum[k] += b[k];
  rows.push([name, f(b.spec), f(b.svg), f(b.subset), f(b.png), String(b.bytes ?? '–')]);
}
rows.push(['total', f(sum.spec), f(sum.svg), f(sum.subset), f(sum.png), '']);
rows.push(['total, first run', f(first.spec), f(first.svg), f(first.subset), f(first.png), '']);
const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
for (const r of rows)
  process.stdout.write(r.map((c, i) => (i ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ') + '\n');
process.stdout.write(
  `\nCPU ms, smallest of ${repeat} runs, this thread; loading vega/resvg/fonts modules: ${f(loadMs)} ms; font: ${fonts ? fonts.fontFiles.join(', ') : 'none (no PNG)'}\n`,
);
