#!/usr/bin/env node
// soqa command-line entry: the only place that sets the process exit status.
import { main } from '../dist/cli/main.js';

// A reader that stops early (`soqa validate x.csv | head`) closes the pipe: that is not an
// error of soqa, so writes to it are dropped instead of crashing with a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e) => {
    if (e.code !== 'EPIPE') throw e;
  });
}

const code = await main(process.argv.slice(2));
process.exitCode = code;
