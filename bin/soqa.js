#!/usr/bin/env node
// soqa command-line entry: the only place that sets the process exit status.
import { statSync } from 'node:fs';

// `npm run build` compiles src/ to dist/ and then bundles the command line into dist/bundle/
// (scripts/build-bundle.mjs): the same code in ~90 files instead of ~700 modules, which
// start faster. A dist/cli/ newer than the bundle (tsc run alone after it) is used as it is.
const built = (path) => {
  try {
    return statSync(new URL(path, import.meta.url)).mtimeMs;
  } catch {
    return -1;
  }
};
const entry =
  built('../dist/bundle/main.js') >= built('../dist/cli/main.js') ? '../dist/bundle/main.js' : '../dist/cli/main.js';
const { main } = await import(entry);

// A reader that stops early (`soqa validate x.csv | head`) closes the pipe: that is not an
// error of soqa, so writes to it are dropped instead of crashing with a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e) => {
    if (e.code !== 'EPIPE') throw e;
  });
}

const code = await main(process.argv.slice(2));
process.exitCode = code;
