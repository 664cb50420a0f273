import type { CliIO } from '../io.js';

/**
 * A progress reporter for long reads: rows read and rows/s on stderr, redrawn in place,
 * only when stderr is a terminal and not `--quiet`, and only after the first second.
 *
 * @param io CLI streams
 * @param quiet suppress all progress
 * @returns `update(rows)` and `done()`
 */
export function progressReporter(io: CliIO, quiet: boolean): { update: (rows: number) => void; done: () => void } {
  const start = Date.now();
  let shown = false;
  if (quiet || !io.stderrIsTTY) return { update: () => {}, done: () => {} };
  return {
    update: (rows) => {
      const s = (Date.now() - start) / 1000;
      if (s < 1) return;
      shown = true;
      io.stderr(`\r  read ${rows.toLocaleString('en')} rows (${Math.round(rows / s).toLocaleString('en')} rows/s)   `);
    },
    done: () => {
      if (shown) io.stderr('\r\x1b[K');
    },
  };
}
