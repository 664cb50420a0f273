import { isMainThread } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { PNG_ALLOCATOR_OPTIONS, tunePngAllocator } from '../../../src/render/charts/tune-png-allocator.js';

const NAMES = Object.keys(PNG_ALLOCATOR_OPTIONS);
const saved = Object.fromEntries(NAMES.map((n) => [n, process.env[n]]));

afterEach(() => {
  for (const n of NAMES) {
    if (saved[n] === undefined) delete process.env[n];
    else process.env[n] = saved[n];
  }
});

// a worker's process.env is its own copy, so only a main thread can set the options
describe.skipIf(!isMainThread)('tunePngAllocator (skipped in a worker thread)', () => {
  it('sets the mimalloc options resvg reads when it loads: large OS pages, no purging', () => {
    for (const n of NAMES) delete process.env[n];
    expect(tunePngAllocator()).toBe(true);
    expect(process.env.MIMALLOC_ALLOW_LARGE_OS_PAGES).toBe('1');
    expect(process.env.MIMALLOC_PURGE_DELAY).toBe('-1');
  });

  it('keeps a value the user set, and is the same when called again', () => {
    process.env.MIMALLOC_PURGE_DELAY = '10';
    tunePngAllocator();
    tunePngAllocator();
    expect(process.env.MIMALLOC_PURGE_DELAY).toBe('10');
    expect(process.env.MIMALLOC_ALLOW_LARGE_OS_PAGES).toBe('1');
  });
});
