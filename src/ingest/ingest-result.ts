import type { Dataset } from '../dataset/dataset.js';
import type { TableLayout } from './header/table-layout.js';
import type { HeaderMapping } from './header/map-headers.js';
import type { SourceInfo } from './read-source.js';
import type { RowCounts } from './record-handler.js';
import type { RowAccounting } from './row-accounting.js';

/** What ingest hands to the rest of the pipeline: the dataset, per-source information and where every row went. */
export interface IngestResult extends RowAccounting {
  dataset: Dataset;
  /** Accepted rows by type and the informative qualifier of their type label (基金会（公募）…), when there are any. */
  typeQualifiers?: Record<string, Record<string, number>>;
  sources: (SourceInfo & { delimiter: string; header: HeaderMapping; counts: RowCounts; table?: TableLayout })[];
}
