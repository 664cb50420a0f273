import type { ProblemRow } from './ingest-files.js';
import type { RowCounts } from './record-handler.js';

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
  rejects: ProblemRow[];
  warnings: ProblemRow[];
  rejectCounts: Record<string, number>;
  warningCounts: Record<string, number>;
  /** Accepted rows with an empty value, per column present. */
  missingCounts: Record<string, number>;
}
