import type { ProblemRow } from './problem-row.js';
import type { RowCounts } from './record-handler.js';
import type { RejectSpill } from './reject-store.js';

/**
 * Where every input row went, as every reader reports it: `counts.read = counts.accepted +
 * counts.rejected`, the rejected rows (and the kept warnings) with file, line, column, value
 * and reason, complete counts per code, and the accepted rows with an empty value per
 * column present.
 *
 * @example
 * const { counts } = await ingestFiles(['orgs.csv'], options);
 * counts.read === counts.accepted + counts.rejected; // => true
 */
export interface RowAccounting {
  counts: RowCounts;
  /** The rejected rows: all of them, or the first 10,000 when there are more (the rest are in `rejectSpill`). */
  rejects: ProblemRow[];
  /** The rejected rows after those in `rejects`, in a temporary file (close it when done). */
  rejectSpill?: RejectSpill;
  warnings: ProblemRow[];
  rejectCounts: Record<string, number>;
  warningCounts: Record<string, number>;
  /** Accepted rows with an empty value, per column present. */
  missingCounts: Record<string, number>;
}
