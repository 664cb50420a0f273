import type { AnyIngestResult } from '../ingest/ingest-input.js';
import type { ProblemRow } from '../ingest/ingest-files.js';
import { labelProblemRows } from '../ingest/xlsx/row-label.js';

/**
 * One rejected row, or one row accepted with a warning: the columns of rejects.csv and
 * warnings.csv. `line` is the physical line of a text input (1 = the first line), or
 * `SHEET!row N` for a row of an Excel workbook.
 */
export interface Problem {
  file: string;
  line: number | string;
  code: string;
  column: string;
  value: string;
  reason: string;
}

/** Where the rejected rows and the warnings of a run go, one at a time, in input order. */
export interface ProblemSink {
  reject?: (row: Problem) => void;
  warning?: (row: Problem) => void;
}

/** Rows handed to the sink per batch (spilled rejects are read back in batches, so memory stays bounded). */
const BATCH = 10_000;

/**
 * Hand every rejected row (those kept in memory, then those the reader spilled to a
 * temporary file) and every warning kept (10,000 per code) to the sink, labelled as
 * rejects.csv and warnings.csv label them.
 *
 * @param ingest the ingest result
 * @param sink the receivers
 * @example
 * const rejects: Problem[] = [];
 * emitProblems(ingest, { reject: (r) => rejects.push(r) });
 */
export function emitProblems(ingest: AnyIngestResult, sink: ProblemSink): void {
  const sources = 'sources' in ingest ? ingest.sources : [];
  const send = (rows: ProblemRow[], to: (row: Problem) => void) => {
    for (const r of labelProblemRows(rows, sources)) to(r);
  };
  if (sink.reject) {
    const to = sink.reject;
    send(ingest.rejects, to);
    let batch: ProblemRow[] = [];
    for (const r of ingest.rejectSpill?.rows() ?? []) {
      batch.push(r);
      if (batch.length === BATCH) {
        send(batch, to);
        batch = [];
      }
    }
    send(batch, to);
  }
  if (sink.warning) send(ingest.warnings, sink.warning);
}
