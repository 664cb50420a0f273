import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { AnalysisContext } from '../../analyses/analysis-context.js';

/** Organizations from which {@link collectAfterAnalyses} collects the garbage of the analyses. */
export const COLLECT_FROM_ORGANIZATIONS = 100_000;

/** V8's full collection, once taken (null: not available). */
let fullGc: (() => void) | null | undefined;

/**
 * Run one full garbage collection of this thread's heap now. V8 exposes `gc()` only with
 * `--expose-gc`; the flag is turned on for one new context, whose `gc` is kept, then turned
 * off again (what Jest does for `--logHeapUsage`). Nothing happens where that fails.
 *
 * @returns whether a collection ran
 * @example
 * collectGarbage(); // => true
 */
export function collectGarbage(): boolean {
  if (fullGc === undefined) {
    try {
      setFlagsFromString('--expose-gc');
      const gc: unknown = runInNewContext('gc');
      fullGc = typeof gc === 'function' ? (gc as () => void) : null;
    } catch {
      fullGc = null;
    } finally {
      setFlagsFromString('--no-expose-gc');
    }
  }
  fullGc?.();
  return fullGc !== null;
}

/**
 * Collect the garbage of the analyses of a large input before results.json and the tables are
 * written. V8 collects its old generation only when the heap has grown past a limit set at the
 * last full collection, and none falls after supervision: its per-organization arrays
 * (~40 MB at 300,000 organizations), the organization rows' numbering and the analyses'
 * temporaries are still in memory while the writing adds its own, and the process peaks then
 * (docs/PERFORMANCE.md, "Registry lists"). One collection costs time in proportion to the
 * live heap (~60–90 ms there); below {@link COLLECT_FROM_ORGANIZATIONS} organizations it is
 * not worth it and is skipped.
 *
 * @param ctx the context analysed
 * @returns whether a collection ran
 * @example
 * collectAfterAnalyses(ctx); // => false for the built-in sample (about 18,000 organizations)
 */
export function collectAfterAnalyses(ctx: Pick<AnalysisContext, 'rows'>): boolean {
  const organizations = ctx.rows.kind === 'rows' ? ctx.rows.rows.organizations : 0;
  return organizations >= COLLECT_FROM_ORGANIZATIONS && collectGarbage();
}
