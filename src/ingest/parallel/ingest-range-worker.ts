/**
 * Worker-thread entry of the parallel ingest: reads the byte range in `workerData` (a
 * {@link RangeTask}) with {@link ingestRange}, posts `{ progress }` messages now and then
 * and finally `{ output }` with the columns transferred, not copied. Loaded from the built
 * JavaScript (`dist/ingest/parallel/ingest-range-worker.js`); see ingest-parallel.ts.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { ingestRange, rangeTransferList, type RangeTask } from './ingest-range.js';

const port = parentPort!;
const output = await ingestRange(workerData as RangeTask, (read) => port.postMessage({ progress: read }));
port.postMessage({ output }, rangeTransferList(output));
