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
  const local = inProcessChartRenderer();
  const pngQueue: Pending[] = [];
  const svgQueue: Pending[] = [];
  const slots: Slot[] = [];
  let nextId = 1;
  let closed = false;

  const runLocally = (p: Pending): void => {
    const j = p.job;
    const done =
      j.kind === 'svg'
        ? local.svg(j.spec).then((svg) => ({ id: 0, svg }))
        : local.png(j.svg, j.fonts).then((png) => ({ id: 0, png }));
    done.then(p.resolve, p.reject);
  };

  const pump = (): void => {
    // in round r a worker holding at most r jobs takes one, so that jobs go to the least
    // loaded workers first, whether they come all at once or one by one
    for (let round = 0; round < JOBS_PER_WORKER; round++) {
      for (const slot of slots) {
        if (slot.posted.size > round) continue;
        // PNG jobs go one at a time to an idle worker: a PNG is quick and comes after its SVG,
        // so none should wait behind another worker's queue
        const idle = slot.posted.size === 0;
        const p = slot.svg
          ? (svgQueue.shift() ?? (idle ? pngQueue.shift() : undefined))
          : idle
            ? pngQueue.shift()
            : undefined;
        if (!p) continue;
        const id = nextId++;
        try {
          slot.worker.postMessage({ ...p.job, id });
        } catch {
          runLocally(p); // DataCloneError: the spec holds something only this thread can use
          continue;
        }
        slot.posted.set(id, p);
        slot.worker.ref();
      }
    }
    if (!slots.some((x) => x.svg)) for (const p of svgQueue.splice(0)) runLocally(p);
    if (slots.length === 0) for (const p of pngQueue.splice(0)) runLocally(p);
  };

  const drop = (slot: Slot, error: Error): void => {
    const at = slots.indexOf(slot);
    if (at < 0) return;
    slots.splice(at, 1);
    // the worker was doing its first unanswered job (it does them in order): that one fails;
    // the jobs queued behind it go back to the front of their queues for the other workers
    const [doing, ...waiting] = slot.posted.values();
    slot.posted.clear();
    doing?.reject(error);
    for (const p of waiting.reverse()) (p.job.kind === 'png' ? pngQueue : svgQueue).unshift(p);
    void slot.worker.terminate();
    pump();
  };

  for (let i = 0; i < counts.svg + counts.png; i++) {
    const svg = i < counts.svg;
    let worker: Worker;
    try {
      worker = new Worker(options.script ?? WORKER_URL, { workerData: { svg } });
    } catch (e) {
      for (const started of slots.splice(0)) void started.worker.terminate();
      throw e;
    }
    const slot: Slot = { worker, svg, posted: new Map() };
    slot.worker.unref();
    slot.worker.on('message', (a: ChartJobAnswer) => {
      const p = slot.posted.get(a.id);
      if (!p) return;
      slot.posted.delete(a.id);
      if (slot.posted.size === 0) slot.worker.unref();
      if ('error' in a) p.reject(messageToError(a.error));
      else p.resolve(a);
      pump();
    });
    slot.worker.on('error', (e: Error) => drop(slot, e));
    slot.worker.on('exit', (code) => {
      if (!closed) drop(slot, new Error(`chart worker stopped (exit code ${code})`));
    });
    slots.push(slot);
  }

  const submit = (job: ChartTask): Promise<ChartJobAnswer> =>
    new Promise<ChartJobAnswer>((resolve, reject) => {
      if (closed) {
        reject(new Error('chart worker pool is closed'));
        return;
      }
      (job.kind === 'png' ? pngQueue : svgQueue).push({ job, resolve, reject });
      pump();
    });

  return {
    svg: async (spec: TopLevelSpec) => {
      const a = await submit({ kind: 'svg', spec });
      if (!('svg' in a)) throw new Error('chart worker answered an SVG job without SVG');
      return a.svg;
    },
    png: async (svg: string, fonts: RenderPngOptions) => {
      const a = await submit({ kind: 'png', svg, fonts });
      if (!('png' in a)) throw new Error('chart worker answered a PNG job without PNG');
      return a.png;
    },
    close: async () => {
      if (closed) return;
      closed = true;
      const stopped = new Error('chart worker pool is closed');
      const ending = slots.splice(0).map((s) => {
        for (const p of s.posted.values()) p.reject(stopped);
        s.posted.clear();
        return s.worker.terminate();
      });
      for (const p of [...pngQueue.splice(0), ...svgQueue.splice(0)]) p.reject(stopped);
      await Promise.all(ending);
    },
  };
}
