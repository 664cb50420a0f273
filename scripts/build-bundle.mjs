#!/usr/bin/env node
// Part of `npm run build`: bundles the command line and its two worker scripts from the
// compiled dist/ into dist/bundle/ with rolldown, so that a run loads a few dozen files
// instead of ~500 modules of dist/ and ~200 of vega, d3 and the other dependencies. On this
// machine resolving, opening and compiling those modules was ~2.4 s of CPU in the built-in
// sample's run, over all threads (docs/PERFORMANCE.md, "Start-up").
// The bundle holds the same code: entries and chunks sit side by side in dist/bundle/, two
// levels below the package root like dist/core/, so packageRoot(), the worker URLs
// (`new URL('./chart-worker.js', import.meta.url)`) and dist/validators/ resolve as from
// dist/. @resvg/resvg-js (a native addon) stays outside. The library entry (dist/index.js)
// is not bundled. The output is deterministic: chunk names are hashes of their contents.
import { rmSync, renameSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rolldown } from 'rolldown';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist/bundle');
const tmp = `${out}.tmp`;
rmSync(tmp, { recursive: true, force: true });
const bundle = await rolldown({
  input: {
    main: join(root, 'dist/cli/main.js'),
    'chart-worker': join(root, 'dist/render/charts/chart-worker.js'),
    'ingest-range-worker': join(root, 'dist/ingest/parallel/ingest-range-worker.js'),
  },
  platform: 'node',
  external: [/^@resvg\/resvg-js/],
  logLevel: 'warn',
});
await bundle.write({ dir: tmp, format: 'esm', entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' });
await bundle.close();
rmSync(out, { recursive: true, force: true });
renameSync(tmp, out);
