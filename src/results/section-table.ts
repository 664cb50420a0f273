/** One CSV table behind a section of results.json: its file under `tables/`, columns and rows. */
export interface SectionTable {
  /** file name under `tables/`, e.g. `indicator-scores.csv` */
  file: string;
  /** header names (English snake_case), in order */
  columns: string[];
  /** rows keyed by column */
  rows: Record<string, unknown>[];
}
