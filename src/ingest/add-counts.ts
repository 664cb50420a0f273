import type { RowCounts } from './record-handler.js';

/**
 * Add one file's row counts to the run's (`skipped` only when some lines were skipped).
 *
 * @param total the run's counts
 * @param counts the file's
 * @example
 * addCounts(total, { read: 3, accepted: 2, rejected: 1, blank: 0 }); // total.read grows by 3
 */
export function addCounts(total: RowCounts, counts: RowCounts): void {
  for (const k of ['read', 'accepted', 'rejected', 'blank'] as const) total[k] += counts[k];
  if (counts.skipped) total.skipped = (total.skipped ?? 0) + counts.skipped;
}
