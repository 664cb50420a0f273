import type { Dataset } from '../dataset/dataset.js';
import type { ParallelOptions } from './parallel/parallel-options.js';
import type { ReadOptions } from './read-options.js';

/** Options of `ingestFiles` (ingest-files.ts). */
export interface IngestOptions extends ReadOptions {
  /**
   * Convert every row with `convertRow` and detect duplicates with a map of id|year strings:
   * the plain reference path that the fast path (`fast-row.ts`, `org-year-ledger.ts`) must
   * match exactly (test/perf/optimized-path-identity.test.ts). Slower; for tests.
   */
  referencePath?: boolean;
  /**
   * Read a single large input file in parallel by byte ranges (worker threads) when it
   * qualifies (see `parallel/ingest-parallel.ts`); the result is exactly the sequential
   * one. Off (sequential) when not given; the CLI turns it on.
   */
  parallel?: ParallelOptions;
  /**
   * Hand the accepted rows over chunk by chunk instead of keeping them (sequential read):
   * the result's `dataset` then holds no rows, only the fields and the shape.
   */
  chunks?: ChunkSink;
}

/** Where `ingestFiles` (ingest-files.ts) hands accepted rows when reading chunk by chunk. */
export interface ChunkSink {
  /** Rows per chunk (the last one may be shorter). */
  rows: number;
  /**
   * Take a chunk of accepted rows, in input order.
   *
   * @param chunk the rows (its own dictionaries; row numbers continue from the chunk before)
   * @param orgs each row's organization number (organizations numbered in order of first appearance among the accepted rows)
   */
  onChunk(chunk: Dataset, orgs: Int32Array): void;
  /** Forget every chunk taken: the input is read again from the start (a parallel read that had to fall back to a sequential one). */
  reset(): void;
}
