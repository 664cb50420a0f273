import { Worker } from 'node:worker_threads';
import type { RangeOutput, RangeTask } from './ingest-range.js';

/** The built worker script next to this module; absent when running from the TypeScript sources. */
export const RANGE_WORKER_URL = new URL('./ingest-range-worker.js', import.meta.url);

/** Worker threads of the parallel ingest, started before their ranges are known. */
export interface RangeWorkers {
  /**
   * Read the ranges, one per worker in order (workers started beyond the tasks are ended,
   * more are started when there are more tasks); rejects when any worker fails (all are
   * stopped). Call once.
   */
  run(tasks: RangeTask[], progress: (k: number, read: number) => void): Promise<RangeOutput[]>;
  /**
   * Read many ranges with these workers, each taking the next range when it is done, and
   * hand the outputs over in range order (at most one range per worker, plus one, ahead of
   * the one handed over next). `take` returning false stops the reading. Rejects when a
   * worker fails (all are stopped). Call once, instead of `run`.
   */
  stream(
    tasks: RangeTask[],
    progress: (k: number, read: number) => void,
    take: (k: number, out: RangeOutput) => boolean,
  ): Promise<void>;
  /** End every worker (when the file is read sequentially after all). */
  stop(): void;
}

/** What a worker did before its task arrived: nothing yet, or failed (with the error). */
interface Early {
  worker: Worker;
  /** The task being read (stream). */
  busy: number;
  failed: Error | null;
  listen: ((e: Error) => void) | null;
}

/**
 * Start `n` range workers at once, so that they load their modules while this thread is
 * still reading the header or decompressing the file; each waits for its {@link RangeTask}.
 * An error or exit before the task arrives is kept and fails `run`.
 *
 * @param n workers to start
 * @returns the workers
 * @throws Error when a worker thread cannot be started (the ones started are ended)
 * @example
 * const workers = startRangeWorkers(2);
 * const outs = await workers.run(tasks, (k, read) => undefined);
 */
// eslint-disable-next-line max-lines-per-function -- issue 19 §6, not split yet
export function startRangeWorkers(n: number): RangeWorkers {
  const early: Early[] = [];
  const start = (): Early => {
    // a small young generation: a range's garbage is short-lived, and each worker's default
    // (tens of MB) adds up in a streamed run's peak memory (docs/PERFORMANCE.md, "Fourth pass")
    const e: Early = {
      worker: new Worker(RANGE_WORKER_URL, { workerData: null, resourceLimits: { maxYoungGenerationSizeMb: 6 } }),
      busy: -1,
      failed: null,
      listen: null,
    };
    const fail = (err: Error): void => {
      e.failed ??= err;
      e.listen?.(err);
    };
    e.worker.on('error', fail);
    e.worker.on('exit', (code) => fail(new Error(`range worker stopped (exit ${code})`)));
    return e;
  };
  try {
    for (let k = 0; k < n; k++) early.push(start());
  } catch (err) {
    for (const e of early) void e.worker.terminate();
    throw err;
  }
  const stop = (): void => {
    for (const e of early) void e.worker.terminate();
  };
  return {
    stop,
    stream(tasks, progress, take) {
      return new Promise<void>((resolve, reject) => {
        const held = new Map<number, RangeOutput>();
        const ahead = early.length + 1;
        let next = 0; // next task to hand out
        let handed = 0; // next output to hand over
        let over = false;
        const finish = (err?: Error): void => {
          if (over) return;
          over = true;
          // the listeners hold `take` (and what it holds) until the ended workers are collected: let go now
          for (const e of early) {
            e.worker.removeAllListeners('message');
            e.listen = null;
          }
          held.clear();
          stop();
          if (err) reject(err);
          else resolve();
        };
        const idle: Early[] = [];
        const give = (): void => {
          while (!over && idle.length && next < tasks.length && next - handed < ahead) {
            const e = idle.pop()!;
            const k = next++;
            e.busy = k;
            e.worker.postMessage({ task: tasks[k] });
          }
        };
        for (const e of early) {
          e.listen = (err) => finish(err);
          if (e.failed) return finish(e.failed);
          e.worker.on('message', (m: { progress?: number; output?: RangeOutput }) => {
            if (over) return;
            if (m.progress !== undefined) progress(e.busy, m.progress);
            if (!m.output) return;
            held.set(e.busy, m.output);
            idle.push(e);
            while (!over && held.has(handed)) {
              const out = held.get(handed)!;
              held.delete(handed);
              try {
                if (!take(handed++, out)) return finish();
              } catch (err) {
                return finish(err as Error); // the taker failed (a full disk): the reading ends with its error
              }
            }
            if (handed === tasks.length) return finish();
            give();
          });
          idle.push(e);
        }
        if (tasks.length === 0) return finish();
        give();
      });
    },
    run(tasks, progress) {
      try {
        while (early.length < tasks.length) early.push(start());
      } catch (err) {
        stop();
        return Promise.reject(err as Error);
      }
      for (const e of early.splice(tasks.length)) void e.worker.terminate();
      return Promise.all(
        early.map(
          (e, k) =>
            new Promise<RangeOutput>((resolve, reject) => {
              let done = false;
              e.listen = (err) => {
                if (done) return;
                stop();
                reject(err);
              };
              if (e.failed) return e.listen(e.failed);
              e.worker.on('message', (m: { progress?: number; output?: RangeOutput }) => {
                if (m.output) {
                  done = true;
                  resolve(m.output);
                } else if (m.progress !== undefined) progress(k, m.progress);
              });
              e.worker.postMessage({ task: tasks[k] });
            }),
        ),
      );
    },
  };
}
