import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ProblemRow } from './problem-row.js';

/** Rejected rows kept in memory (the first ones, for reports and examples); the rest go to a temporary file. */
export const REJECTS_KEPT_IN_MEMORY = 10_000;

/** Spilled rows gathered before they are written out (as one JSON array on a line). */
const WRITE_ROWS = 4096;

/**
 * The rejected rows past those kept in memory, in a temporary file (JSON arrays of rows, one a line),
 * in input order after the kept ones.
 */
export interface RejectSpill {
  /** Rows in the file. */
  readonly count: number;
  /**
   * The rows, in order, read back from the file in blocks (call again to read them again).
   *
   * @returns the rows
   */
  rows(): Generator<ProblemRow>;
  /** Delete the file (also done when the process exits). */
  close(): void;
}

/** Spill files still open, deleted when the process exits. */
const open = new Set<string>();
let exitHook = false;

/**
 * Where a reader puts its rejected rows: the first `keep` stay in {@link kept} (the sample
 * the report, `validate` and a library caller look at), the others are written to a
 * temporary file as they come, so memory stays bounded however many rows are rejected (a
 * gzip of a million copies of one row is a million R_DUPLICATE rejects). Counts by code
 * are always complete.
 *
 * @example
 * const store = new RejectStore();
 * store.push({ file: 'a.csv', line: 3, code: 'R_DUPLICATE', column: 'org_id', value: 'X', reason: 'duplicates a.csv line 2' });
 * store.kept.length; // => 1
 */
export class RejectStore {
  /** The first rejected rows, in order. */
  readonly kept: ProblemRow[] = [];
  /** Rejected rows by reason code (all of them). */
  readonly counts: Record<string, number> = {};
  /** Rows rejected in all. */
  total = 0;
  private dir = '';
  private fd = -1;
  private spilled = 0;
  private pending: ProblemRow[] = [];

  /**
   * @param keep rows kept in memory (default {@link REJECTS_KEPT_IN_MEMORY})
   * @param spill write the rows past them to a file (default true); false only counts them
   */
  constructor(
    private readonly keep = REJECTS_KEPT_IN_MEMORY,
    private readonly spillPast = true,
  ) {}

  /**
   * Take a rejected row.
   *
   * @param row the row
   */
  push(row: ProblemRow): void {
    this.total++;
    this.counts[row.code] = (this.counts[row.code] ?? 0) + 1;
    if (this.kept.length < this.keep) {
      this.kept.push(row);
      return;
    }
    if (!this.spillPast) return;
    this.pending.push(row);
    this.spilled++;
    if (this.pending.length >= WRITE_ROWS) this.flush();
  }

  /**
   * The rows past the kept ones (written out), or undefined when every row was kept.
   *
   * @returns the spill
   */
  spill(): RejectSpill | undefined {
    if (this.spilled === 0) return undefined;
    this.flush();
    closeSync(this.fd);
    this.fd = -1;
    const file = join(this.dir, 'rejects.jsonl');
    const dir = this.dir;
    const count = this.spilled;
    return {
      count,
      rows: () => readLines(file),
      close: () => {
        open.delete(dir);
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    if (this.fd < 0) {
      this.dir = mkdtempSync(join(tmpdir(), 'soqa-rejects-'));
      open.add(this.dir);
      if (!exitHook) {
        exitHook = true;
        process.once('exit', () => {
          for (const d of open) rmSync(d, { recursive: true, force: true });
        });
      }
      this.fd = openSync(join(this.dir, 'rejects.jsonl'), 'w');
    }
    writeSync(this.fd, `${JSON.stringify(this.pending)}\n`);
    this.pending = [];
  }
}

/** The rows of `file` (a JSON array of rows on each line), read in blocks of 1 MiB. */
function* readLines(file: string): Generator<ProblemRow> {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(1 << 20);
    let rest = '';
    const decoder = new TextDecoder();
    for (;;) {
      const n = readSync(fd, buf, 0, buf.length, null);
      const text = rest + decoder.decode(buf.subarray(0, n), { stream: n > 0 });
      const lines = text.split('\n');
      rest = lines.pop() ?? '';
      for (const l of lines) yield* JSON.parse(l) as ProblemRow[];
      if (n === 0) break;
    }
  } finally {
    closeSync(fd);
  }
}
