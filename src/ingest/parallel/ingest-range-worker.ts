/**
 * Worker-thread entry of the parallel ingest: waits for `{ task }` (a {@link RangeTask};
 * the worker is started before its range is known, see range-workers.ts), reads that byte
 * range with {@link ingestRange}, posts `{ progress }` messages now and then and finally
 * `{ output }` with the columns transferred, not copied. Loaded from the built JavaScript
 * (`dist/ingest/parallel/ingest-range-worker.js`).
 */
import { once } from 'node:events';
import { parentPort } from 'node:worker_threads';
import { ingestRange, rangeTransferList, type RangeTask } from './ingest-range.js';

const port = parentPort!;
const [{ task }] = (await once(port, 'message')) as [{ task: RangeTask }];
const output = await ingestRange(task, (read) => port.postMessage({ progress: read }));
port.postMessage({ output }, rangeTransferList(output));
