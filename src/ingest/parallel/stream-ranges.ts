import { isSoqaError } from '../../core/soqa-error.js';
import { DatasetBuilder } from '../../dataset/dataset-builder.js';
import type { Dataset } from '../../dataset/dataset.js';
import type { HeaderMapping } from '../header/map-headers.js';
import type { ChunkSink } from '../ingest-options.js';
import { ingestRange, rangeTransferList, type RangeOutput, type RangeTask } from './ingest-range.js';
import { mergeColumns } from './merge-columns.js';
import { RangeMerger, type MergedRanges, type MergeRefusal } from './merge-ranges.js';
import type { RangeWorkers } from './range-workers.js';

/** Bytes per range when a file is read by ranges and streamed: 8 MiB (about 36,000 rows of a typical panel; 2 and 4 MiB gave the same peak memory at 1M rows). */
export const STREAM_RANGE_BYTES = 8 * 1024 * 1024;

/** Why a streamed read by ranges gave no result: the merge's reason, or a worker failed. */
export type StreamRefusal = MergeRefusal | 'worker-failed';

/**
 * Read a file's byte ranges with the workers (or inline) and hand each range's kept rows to
 * the sink as soon as the ranges before it are merged ({@link RangeMerger}), so that no more
 * than a few ranges' rows are in memory at once. The result is the sequential chunked
 * ingest's: the same rows in the same order, rejects, warnings and missing counts; its
 * dataset holds no rows (they went to the sink).
 *
 * @param tasks the ranges, in file order
 * @param warm the worker threads, or null to read inline (tests)
 * @param progress told the records read per range
 * @param into.header the file's header mapping
 * @param into.present the dataset's fields in canonical order
 * @param into.sink where the kept rows go
 * @returns the merged result without rows, or why there is none (rows may have gone to the sink already)
 * @throws SoqaError the sink's (e.g. E_SPILL)
 * @example
 * const r = await streamRanges(tasks, workers, progress, { header, present, sink });
 * if (typeof r === 'string') { sink.reset(); readSequentially(); }
 */
export async function streamRanges(
  tasks: RangeTask[],
  warm: RangeWorkers | null,
  progress: (k: number, n: number) => void,
  { header, present, sink }: { header: HeaderMapping; present: string[]; sink: ChunkSink },
): Promise<MergedRanges | StreamRefusal> {
  const merger = new RangeMerger(tasks[0].name, header, present);
  let refusal: MergeRefusal | null = null;
  const take = (k: number, out: RangeOutput): boolean => {
    const kept = merger.add(out, k === tasks.length - 1);
    if (typeof kept === 'string') {
      refusal = kept;
      return false;
    }
    const ds = mergeColumns([out], { dropped: [kept.drop], lineOffset: [kept.lineOffset] }, present, merger.shape);
    if (ds.length) sink.onChunk(ds, kept.orgs);
    return true;
  };
  try {
    if (warm) await warm.stream(tasks, progress, take);
    else
      for (let k = 0; k < tasks.length; k++) {
        const out = await ingestRange(structuredClone(tasks[k]), (n) => progress(k, n));
        if (!take(k, structuredClone(out, { transfer: rangeTransferList(out) }))) break;
      }
  } catch (e) {
    if (isSoqaError(e)) throw e; // the sink's own failure (its spill files): no sense reading again
    return 'worker-failed';
  }
  if (refusal !== null) return refusal;
  return merger.result(emptyDataset(present, merger.shape));
}

/** A dataset with the fields and shape and no rows. */
function emptyDataset(present: string[], shape: Dataset['shape']): Dataset {
  return new DatasetBuilder(present).finish(shape);
}
