/** Options of the parallel ingest (`IngestOptions.parallel`). */
export interface ParallelOptions {
  /** Ranges read at once, one worker thread each (default: available cores, at most 4); below 2 reads sequentially. */
  workers?: number;
  /** Smallest file read in parallel, in bytes (default 16 MiB; of the decompressed text for gzip). */
  minBytes?: number;
  /** Byte offsets to split at instead of equal parts (tests), each moved to just after the LF at or after it. */
  splitAt?: number[];
  /**
   * Read the ranges one after another in this thread instead of in worker threads (tests:
   * vitest runs the TypeScript sources, which a worker thread cannot load). Outputs go
   * through a structured clone with their buffers transferred, as a worker's would.
   */
  inline?: boolean;
  /** Told what happened: the range boundaries read, or why the file was read sequentially. */
  onInfo?: (info: ParallelInfo) => void;
  /**
   * Called once when the ranges are handed to the workers (the file's text decompressed or
   * transcoded first, when it is): the caller may start work of its own then, which neither
   * holds up the start of the reading nor the decompression (soqa analyze loads the analyses
   * and the renderer while the workers read). Not called when the file is read sequentially
   * from the start.
   */
  onReading?: () => void;
}

/** What the parallel ingest did with a file. */
export interface ParallelInfo {
  /** `parallel`: read by ranges; else why it was read sequentially. */
  outcome:
    | 'parallel'
    | 'not-eligible'
    | 'no-worker'
    | 'header'
    | 'too-few-ranges'
    | 'worker-failed'
    | 'split-inside-record'
    | 'warning-not-kept'
    | 'missing-mismatch'
    | 'table-lines';
  /** Range boundaries in bytes (`[start, s1, …, size]`), when ranges were read. */
  bounds?: number[];
}
