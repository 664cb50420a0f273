import type { CsvLimits } from './csv/csv-problem.js';
import type { Logger } from '../core/logger.js';
import type { InputEncoding } from './decode/detect-encoding.js';
import type { Profile } from './profile/profile.js';
import type { SourceInfo } from './read-source.js';
import type { RegionsFile } from '../domain/regions/regions.js';
import type { OpenedSheet } from './xlsx/open-workbook.js';

/**
 * The options every CSV reader of soqa takes: organization rows (`ingestFiles`) and
 * aggregated tables (`ingestAggregate`) alike.
 *
 * @example
 * const options: ReadOptions = { profile: loadProfile('default'), regions, delimiter: ';' };
 */
export interface ReadOptions extends CsvLimits {
  profile: Profile;
  regions: RegionsFile;
  /** Force a text encoding instead of detecting it. */
  encoding?: InputEncoding;
  /** Force a delimiter instead of detecting it from the header line. */
  delimiter?: string;
  /** The header's line (`--header-row N`) instead of searching the first 30 rows for it. */
  headerRow?: number;
  /** Rejected rows kept in memory; the others go to a temporary file, `rejectSpill` (default 10,000). */
  rejectsKept?: number;
  /** Spill the rejected rows past `rejectsKept` to a temporary file (default true); false only counts them. */
  spillRejects?: boolean;
  /** Refuse an input whose (decompressed) bytes pass this many (default: no limit). */
  maxInputBytes?: number;
  logger?: Logger;
  /** Called now and then with the number of records read so far. */
  onProgress?: (recordsRead: number) => void;
  /** `--sheet NAME|N`: the sheet of an Excel workbook (default: the first with a recognisable table). */
  sheet?: string;
  /** Decompressed bytes read from a workbook at most (default `SOQA_XLSX_MAX_BYTES`, else 1 GiB). */
  maxXlsxBytes?: number;
  /** A workbook already opened on its sheet (by `ingestInput`, to tell its kind): read as opened, not again. */
  prepared?: { path: string; opened: OpenedSheet; info: SourceInfo; taken?: boolean };
  /** How to open an input (default `readSource`); lets a caller that peeked at a header replay it. */
  openSource?: (
    path: string,
    info: SourceInfo,
    encoding?: InputEncoding,
    maxInputBytes?: number,
  ) => AsyncIterable<string>;
}
