#!/usr/bin/env node
// soqa command-line entry: the only place that sets the process exit status.
import { main } from '../dist/cli/main.js';

const code = await main(process.argv.slice(2));
process.exitCode = code;
