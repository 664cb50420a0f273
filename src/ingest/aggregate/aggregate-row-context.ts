import type { AggregateHeader } from './map-aggregate-header.js';

/** Everything converting one row needs besides the row. */
export interface AggregateRowContext {
  header: AggregateHeader;
  /** Original header text per column (for messages). */
  headers: string[];
  /** Region cell → region code of the regions file, or null. */
  resolveRegion: (raw: string) => string | null;
  /** True for a region cell that means the whole area (total, 合计, 全省, the file's own name). */
  isWholeArea: (raw: string) => boolean;
  /** Folded type / field value → code (aliases of the profile included). */
  typeMap: Map<string, string>;
  fieldMap: Map<string, string>;
  /** Profile `values` of non-category columns: column → folded alias → canonical text. */
  valueAliases: Record<string, Map<string, string>>;
  years: { min: number; max: number };
  /** Regions file id, for the unknown-region message. */
  regionsId: string;
}
