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
export function startRangeWorkers(n: number): RangeWorkers {
  const early: Early[] = [];
  try {
    for (let k = 0; k < n; k++) early.push(startWorker());
  } catch (err) {
    for (const e of early) void e.worker.terminate();
    throw err;
  }
  return new RangeWorkerPool(early);
}

/** Start one range worker, keeping its error or exit (before its task arrives) in `failed`. */
function startWorker(): Early {
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
}

/** A range message of a worker: progress, or the range's output. */
type RangeMessage = { progress?: number; output?: RangeOutput };

/** The started workers ({@link RangeWorkers}). */
class RangeWorkerPool implements RangeWorkers {
  constructor(private readonly early: Early[]) {}

  stop(): void {
    for (const e of this.early) void e.worker.terminate();
  }

  run(tasks: RangeTask[], progress: (k: number, read: number) => void): Promise<RangeOutput[]> {
    const early = this.early;
    try {
      while (early.length < tasks.length) early.push(startWorker());
    } catch (err) {
      this.stop();
      return Promise.reject(err as Error);
    }
    for (const e of early.splice(tasks.length)) void e.worker.terminate();
    return Promise.all(early.map((e, k) => this.runOne(e, tasks[k], (read) => progress(k, read))));
  }

  stream(
    tasks: RangeTask[],
    progress: (k: number, read: number) => void,
    take: (k: number, out: RangeOutput) => boolean,
  ): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const state = { held: new Map<number, RangeOutput>(), next: 0, handed: 0, over: false, idle: [] as Early[] };
      const finish = (err?: Error): void => {
        if (state.over) return;
        state.over = true;
        // the listeners hold `take` (and what it holds) until the ended workers are collected: let go now
        for (const e of this.early) {
          e.worker.removeAllListeners('message');
          e.listen = null;
        }
        state.held.clear();
        this.stop();
        if (err) reject(err);
        else resolve();
      };
      const give = (): void => this.give(tasks, state);
      /** A worker's output: hold it, hand over the outputs now in order, give out more tasks. */
      const output = (e: Early, out: RangeOutput): void => {
        state.held.set(e.busy, out);
        state.idle.push(e);
        while (!state.over && state.held.has(state.handed)) {
          const next = state.held.get(state.handed)!;
          state.held.delete(state.handed);
          try {
            if (!take(state.handed++, next)) return finish();
          } catch (err) {
            return finish(err as Error); // the taker failed (a full disk): the reading ends with its error
          }
        }
        if (state.handed === tasks.length) return finish();
        give();
      };
      for (const e of this.early) {
        e.listen = (err) => finish(err);
        if (e.failed) return finish(e.failed);
        e.worker.on('message', (m: RangeMessage) => {
          if (state.over) return;
          if (m.progress !== undefined) progress(e.busy, m.progress);
          if (m.output) output(e, m.output);
        });
        state.idle.push(e);
      }
      if (tasks.length === 0) return finish();
      give();
    });
  }

  /** Give the next tasks to idle workers, at most one range per worker, plus one, ahead of the next handed over. */
  private give(tasks: RangeTask[], state: { next: number; handed: number; over: boolean; idle: Early[] }): void {
    const ahead = this.early.length + 1;
    while (!state.over && state.idle.length && state.next < tasks.length && state.next - state.handed < ahead) {
      const e = state.idle.pop()!;
      const k = state.next++;
      e.busy = k;
      e.worker.postMessage({ task: tasks[k] });
    }
  }

  /** Read one range with worker `e`; rejects (stopping every worker) when the worker fails. */
  private runOne(e: Early, task: RangeTask, progress: (read: number) => void): Promise<RangeOutput> {
    return new Promise<RangeOutput>((resolve, reject) => {
      let done = false;
      e.listen = (err) => {
        if (done) return;
        this.stop();
        reject(err);
      };
      if (e.failed) return e.listen(e.failed);
      e.worker.on('message', (m: RangeMessage) => {
        if (m.output) {
          done = true;
          resolve(m.output);
        } else if (m.progress !== undefined) progress(m.progress);
      });
      e.worker.postMessage({ task });
    });
  }
}
