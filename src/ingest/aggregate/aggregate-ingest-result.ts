import type { Cube } from '../../cube/cube.js';
import type { TableLayout } from '../header/table-layout.js';
import type { RowCounts } from '../record-handler.js';
import type { ReadOptions } from '../read-options.js';
import type { RowAccounting } from '../row-accounting.js';
import type { SourceInfo } from '../read-source.js';
import type { RegionsFile } from '../../domain/regions/regions.js';
import type { AggregateHeader } from './map-aggregate-header.js';

/** Options of `ingestAggregate`. */
export interface AggregateIngestOptions extends ReadOptions {
  /** Core governance field codes (default: those of data/fields-of-activity.json). */
  governanceFields?: ReadonlySet<string>;
}

/**
 * How the rows for the whole area (`total`, `合计`, `全省`, the regions file's own name) were
 * used: `none` there were none; `checks` the table also has rows by region, so they only
 * check them; `single-region` the regions file has one region, which they are;
 * `pseudo-region` the table has no region breakdown, so the whole area is analysed as one
 * region (see {@link wholeAreaRegions}).
 */
export type WholeAreaUse = 'none' | 'checks' | 'single-region' | 'pseudo-region';

/** What reading an aggregated table gives the rest of the pipeline (the counterpart of IngestResult). */
export interface AggregateIngestResult extends RowAccounting {
  /** No organization rows: analyses that need them say they were skipped. */
  dataset: null;
  /** The region × year × type (× field) cube, filled directly from the table. */
  cube: Cube;
  /** The regions the cube's regions refer to (a one-region file for a pseudo-region). */
  regions: RegionsFile;
  wholeArea: WholeAreaUse;
  sources: (SourceInfo & { delimiter: string; header: AggregateHeader; counts: RowCounts; table?: TableLayout })[];
  /** Columns present in some input, canonical names. */
  present: string[];
  /** Blank region or year cells filled with the value above (merged cells), when there were any. */
  filled?: number;
}
