/**
 * Settings for the memory allocator inside @resvg/resvg-js, made before it loads.
 *
 * Why: the native binding allocates with its own mimalloc. Every PNG allocates several
 * pixel buffers of the whole image (about 6 MB at zoom 2) that mimalloc takes fresh from
 * the operating system and gives back after use, so each PNG pays one page fault per 4 KB
 * page, twice or more: on this project's virtual machines page faults are slow, and they
 * were more than half of the CPU time of the PNGs (a blank 665 × 586 SVG took 49 ms to
 * render and encode; 8.5 ms with the settings below). With large OS pages (2 MB,
 * transparent huge pages where the kernel allows them) and no purging of freed memory,
 * the buffers are faulted in once per thread and reused. The PNG bytes do not change:
 * only where the memory comes from.
 */
import { isMainThread } from 'node:worker_threads';

/** The mimalloc options set, unless the environment already sets them. */
export const PNG_ALLOCATOR_OPTIONS: Readonly<Record<string, string>> = {
  /** Use 2 MB pages: far fewer page faults for the 6 MB pixel buffers. */
  MIMALLOC_ALLOW_LARGE_OS_PAGES: '1',
  /** Keep freed memory for the next PNG instead of giving it back after 10 ms. */
  MIMALLOC_PURGE_DELAY: '-1',
};

/**
 * Set {@link PNG_ALLOCATOR_OPTIONS} in this process's environment, each only when the
 * environment does not set it already (a user's `MIMALLOC_…` value wins). mimalloc reads
 * them when @resvg/resvg-js is first loaded in the process, in any thread, so call this
 * before: the chart renderers do (`startChartWorkerPool`, `inProcessChartRenderer`).
 * Only the main thread can change the process's environment (a worker's `process.env` is
 * its own copy), so elsewhere this does nothing.
 *
 * @returns true when the options are now in the environment (main thread), false in a worker
 * @throws nothing
 * @example
 * tunePngAllocator();
 * const { renderPng } = await import('./render-png.js');
 */
export function tunePngAllocator(): boolean {
  if (!isMainThread) return false;
  for (const [name, value] of Object.entries(PNG_ALLOCATOR_OPTIONS)) process.env[name] ??= value;
  return true;
}
