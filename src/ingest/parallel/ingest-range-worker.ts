/**
 * Worker-thread entry of the parallel ingest: waits for `{ task }` messages (each a
 * {@link RangeTask}; the worker is started before its ranges are known, see
 * range-workers.ts) and reads them one after another with {@link ingestRange}, posting
 * `{ progress }` messages now and then and, for each task, `{ output }` with the columns
 * transferred, not copied. Ended by its owner. Loaded from the built JavaScript
 * (`dist/ingest/parallel/ingest-range-worker.js`).
 */
import { on } from 'node:events';
import { parentPort } from 'node:worker_threads';
import { ingestRange, rangeTransferList, type RangeTask } from './ingest-range.js';

const port = parentPort!;
for await (const [{ task }] of on(port, 'message') as AsyncIterable<[{ task: RangeTask }]>) {
  const output = await ingestRange(task, (read) => port.postMessage({ progress: read }));
  port.postMessage({ output }, rangeTransferList(output));
}
