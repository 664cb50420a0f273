import { labelProblemRows, type LabelledSource } from '../../ingest/xlsx/row-label.js';
import { closeSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { ProblemRow } from '../../ingest/ingest-files.js';
import type { RejectSpill } from '../../ingest/reject-store.js';
import { safeCsvLines, toSafeCsv } from './to-safe-csv.js';
import { writeAtomic } from './write-atomic.js';

/** Columns of rejects.csv and warnings.csv. */
export const PROBLEM_COLUMNS = ['file', 'line', 'code', 'column', 'value', 'reason'];

/** Spilled rows formatted and written per batch. */
const BATCH = 10_000;

/**
 * Write rejects.csv (or warnings.csv, `validate --rejects`): the rows kept in memory, then
 * those spilled to a temporary file by the reader, read back and written batch by batch, so
 * memory stays bounded however many rows were rejected. The file is written beside its
 * target and renamed over it, as {@link writeAtomic}; the bytes are those of
 * `toSafeCsv(PROBLEM_COLUMNS, allRows)`.
 *
 * @param path target file
 * @param rows the rows kept in memory
 * @param spill the rows after them, when there are more
 * @param sources the run's sources: rows of a workbook's sheet get their line written `SHEET!row N` (default none)
 * @example
 * writeProblemsCsv('reports/x/rejects.csv', ingest.rejects, ingest.rejectSpill);
 */
export function writeProblemsCsv(
  path: string,
  rows: readonly ProblemRow[],
  spill?: RejectSpill,
  sources: LabelledSource[] = [],
): void {
  const label = (list: ProblemRow[]) => labelProblemRows(list, sources) as unknown as Record<string, unknown>[];
  const asRecords = label(rows as ProblemRow[]);
  if (!spill) {
    writeAtomic(path, toSafeCsv(PROBLEM_COLUMNS, asRecords));
    return;
  }
  const dir = dirname(path);
  mkdirSync(dir, { recursive: true });
  const tmp = join(dir, `.${basename(path)}.${process.pid}.tmp`);
  const fd = openSync(tmp, 'w');
  try {
    writeSync(fd, toSafeCsv(PROBLEM_COLUMNS, asRecords));
    let batch: Record<string, unknown>[] = [];
    for (const r of spill.rows()) {
      batch.push(r as unknown as Record<string, unknown>);
      if (batch.length === BATCH) {
        writeSync(fd, safeCsvLines(PROBLEM_COLUMNS, label(batch as unknown as ProblemRow[])));
        batch = [];
      }
    }
    if (batch.length) writeSync(fd, safeCsvLines(PROBLEM_COLUMNS, label(batch as unknown as ProblemRow[])));
    closeSync(fd);
    renameSync(tmp, path);
  } catch (e) {
    try {
      closeSync(fd);
    } catch {
      // already closed
    }
    rmSync(tmp, { force: true });
    throw e;
  }
}
