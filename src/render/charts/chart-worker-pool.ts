/**
 * A pool of worker threads drawing charts (chart-worker.ts), so that on a machine with
 * several processors the charts of a report are drawn at the same time.
 */
import { Worker } from 'node:worker_threads';
import type { TopLevelSpec } from 'vega-lite';
import { messageToError, type ChartJobAnswer, type ChartTask } from './chart-job.js';
import { inProcessChartRenderer, type ChartRenderer } from './chart-renderer.js';
import type { RenderPngOptions } from './render-png.js';
import { tunePngAllocator } from './tune-png-allocator.js';

/** The worker script, next to this module (only a compiled build has it as .js). */
const WORKER_URL = new URL('./chart-worker.js', import.meta.url);

/** A job waiting for a worker, with the promise to settle. */
interface Pending {
  job: ChartTask;
  resolve: (a: ChartJobAnswer) => void;
  reject: (e: Error) => void;
}

/** One worker, whether it draws SVG (has vega loaded) or only PNG, and the job it is doing. */
interface Slot {
  worker: Worker;
  svg: boolean;
  /** Jobs posted to the worker and not answered yet, by id (the worker does them in order). */
  posted: Map<number, Pending>;
}

/**
 * SVG jobs a worker holds at a time: several, so that it keeps drawing while this thread is
 * busy (it only hands out jobs between its own tasks), few, so that jobs still spread over
 * the workers. PNG jobs go one at a time to idle workers.
 */
const JOBS_PER_WORKER = 8;

/** How many workers of each kind {@link startChartWorkerPool} starts. */
export interface ChartWorkerCounts {
  /** Workers that load vega and vega-lite and draw SVG (and PNG when no SVG is waiting); at least 1. */
  svg: number;
  /** Workers that load only resvg and draw PNG. */
  png: number;
}

/**
 * How to split `threads` chart threads: one PNG worker (resvg loads in a few milliseconds,
 * vega in about 0.4 s of CPU, so SVG workers are the expensive ones), the rest SVG workers.
 *
 * @param threads threads to use (2 or more)
 * @returns the worker counts
 * @throws nothing
 * @example
 * chartWorkerCounts(2); // => { svg: 1, png: 1 }
 */
export function chartWorkerCounts(threads: number): ChartWorkerCounts {
  const n = Math.max(2, Math.floor(threads));
  return { svg: n - 1, png: 1 };
}

/**
 * True when worker threads can run the chart worker: this module was loaded from compiled
 * JavaScript (`dist/…/chart-worker-pool.js`). Loaded from TypeScript source (tests), the
 * worker script does not exist and charts are drawn in this thread.
 *
 * @returns whether {@link startChartWorkerPool} would start workers
 * @throws nothing
 * @example
 * chartWorkersAvailable(); // => true when run from dist/
 */
export function chartWorkersAvailable(): boolean {
  return import.meta.url.endsWith('.js');
}

/**
 * Start chart workers at once, so that they load their modules while the caller still reads
 * its results: `counts.svg` workers that draw SVG (vega) and `counts.png` workers that only
 * draw PNG (resvg). SVG workers take SVG jobs first (they are the longest path: a PNG can
 * only start after its SVG) and a PNG job only when idle; PNG workers take PNG jobs.
 * A worker holds up to 8 SVG jobs (so it keeps drawing while this thread is busy) or one PNG
 * job; it draws one chart at a time, in the order posted, with the same functions as this
 * thread, and resets Vega's id counters per chart, so the bytes do not depend on which
 * worker drew what, or in which order. A worker that dies fails the job it was doing (the
 * caller reports the chart), and the jobs queued behind it go to the other workers; when
 * no worker that can do a job is left, it is done in this thread. A spec that cannot be
 * copied to a worker is drawn here too. Idle workers do not keep the process alive;
 * `close()` ends them. Sets resvg's allocator options first (`tunePngAllocator`).
 *
 * @param counts SVG workers (at least 1) and PNG-only workers
 * @param options `script`: the worker script (default the built chart-worker.js; tests
 *   give a stand-in that answers or dies on demand)
 * @returns the renderer
 * @throws Error when `counts.svg` is below 1, workers are not available ({@link chartWorkersAvailable})
 *   or a worker thread cannot be started (the ones already started are ended)
 * @example
 * const renderer = startChartWorkerPool({ svg: 1, png: 1 });
 * try { svg = await renderer.svg(spec); } finally { await renderer.close(); }
 */
export function startChartWorkerPool(counts: ChartWorkerCounts, options: { script?: URL } = {}): ChartRenderer {
  if (!(counts.svg >= 1) || !chartWorkersAvailable())
    throw new Error(`chart worker pool: cannot start ${counts.svg} SVG workers from ${import.meta.url}`);
  tunePngAllocator(); // before any worker loads resvg
  const pool = new ChartWorkerPool(counts, options.script ?? WORKER_URL);
  return {
    svg: async (spec: TopLevelSpec) => {
      const a = await pool.submit({ kind: 'svg', spec });
      if (!('svg' in a)) throw new Error('chart worker answered an SVG job without SVG');
      return a.svg;
    },
    png: async (svg: string, fonts: RenderPngOptions) => {
      const a = await pool.submit({ kind: 'png', svg, fonts });
      if (!('png' in a)) throw new Error('chart worker answered a PNG job without PNG');
      return a.png;
    },
    close: () => pool.close(),
  };
}

/** The workers, their queues and what each was given: the state behind {@link startChartWorkerPool}. */
class ChartWorkerPool {
  private readonly local = inProcessChartRenderer();
  private readonly pngQueue: Pending[] = [];
  private readonly svgQueue: Pending[] = [];
  private readonly slots: Slot[] = [];
  private nextId = 1;
  private closed = false;

  /** Starts the workers; when one cannot start, ends those already started and throws. */
  constructor(counts: ChartWorkerCounts, script: URL) {
    for (let i = 0; i < counts.svg + counts.png; i++) {
      try {
        this.slots.push(this.start(script, i < counts.svg));
      } catch (e) {
        for (const started of this.slots.splice(0)) void started.worker.terminate();
        throw e;
      }
    }
  }

  /** Queue a job; it goes to a worker at once if one has room. */
  submit(job: ChartTask): Promise<ChartJobAnswer> {
    return new Promise<ChartJobAnswer>((resolve, reject) => {
      if (this.closed) {
        reject(new Error('chart worker pool is closed'));
        return;
      }
      (job.kind === 'png' ? this.pngQueue : this.svgQueue).push({ job, resolve, reject });
      this.pump();
    });
  }

  /** End every worker; jobs not answered yet fail. A second call does nothing. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const stopped = new Error('chart worker pool is closed');
    const ending = this.slots.splice(0).map((s) => {
      for (const p of s.posted.values()) p.reject(stopped);
      s.posted.clear();
      return s.worker.terminate();
    });
    for (const p of [...this.pngQueue.splice(0), ...this.svgQueue.splice(0)]) p.reject(stopped);
    await Promise.all(ending);
  }

  /** One worker thread, answering into this pool. */
  private start(script: URL, svg: boolean): Slot {
    const slot: Slot = { worker: new Worker(script, { workerData: { svg } }), svg, posted: new Map() };
    slot.worker.unref();
    slot.worker.on('message', (a: ChartJobAnswer) => {
      const p = slot.posted.get(a.id);
      if (!p) return;
      slot.posted.delete(a.id);
      if (slot.posted.size === 0) slot.worker.unref();
      if ('error' in a) p.reject(messageToError(a.error));
      else p.resolve(a);
      this.pump();
    });
    slot.worker.on('error', (e: Error) => this.drop(slot, e));
    slot.worker.on('exit', (code) => {
      if (!this.closed) this.drop(slot, new Error(`chart worker stopped (exit code ${code})`));
    });
    return slot;
  }

  /** Draw a job in this thread (no worker can, or its spec cannot be copied to one). */
  private runLocally(p: Pending): void {
    const j = p.job;
    const done =
      j.kind === 'svg'
        ? this.local.svg(j.spec).then((svg) => ({ id: 0, svg }))
        : this.local.png(j.svg, j.fonts).then((png) => ({ id: 0, png }));
    done.then(p.resolve, p.reject);
  }

  /** Hand queued jobs to workers with room; jobs no worker can do are drawn here. */
  private pump(): void {
    // in round r a worker holding at most r jobs takes one, so that jobs go to the least
    // loaded workers first, whether they come all at once or one by one
    for (let round = 0; round < JOBS_PER_WORKER; round++) {
      for (const slot of this.slots) if (slot.posted.size <= round) this.post(slot);
    }
    if (!this.slots.some((x) => x.svg)) for (const p of this.svgQueue.splice(0)) this.runLocally(p);
    if (this.slots.length === 0) for (const p of this.pngQueue.splice(0)) this.runLocally(p);
  }

  /** Give one queued job to `slot`, if it can take one. */
  private post(slot: Slot): void {
    // PNG jobs go one at a time to an idle worker: a PNG is quick and comes after its SVG,
    // so none should wait behind another worker's queue
    const idle = slot.posted.size === 0;
    const p = slot.svg
      ? (this.svgQueue.shift() ?? (idle ? this.pngQueue.shift() : undefined))
      : idle
        ? this.pngQueue.shift()
        : undefined;
    if (!p) return;
    const id = this.nextId++;
    try {
      slot.worker.postMessage({ ...p.job, id });
    } catch {
      this.runLocally(p); // DataCloneError: the spec holds something only this thread can use
      return;
    }
    slot.posted.set(id, p);
    slot.worker.ref();
  }

  /** A worker failed or stopped: its current job fails, the jobs behind it go to the others. */
  private drop(slot: Slot, error: Error): void {
    const at = this.slots.indexOf(slot);
    if (at < 0) return;
    this.slots.splice(at, 1);
    // the worker was doing its first unanswered job (it does them in order): that one fails;
    // the jobs queued behind it go back to the front of their queues for the other workers
    const [doing, ...waiting] = slot.posted.values();
    slot.posted.clear();
    doing?.reject(error);
    for (const p of waiting.reverse()) (p.job.kind === 'png' ? this.pngQueue : this.svgQueue).unshift(p);
    void slot.worker.terminate();
    this.pump();
  }
}
