/** One note of the indicators section: a stable code, the indicator or layer it concerns, the text. */
export interface IndicatorNote {
  code: string;
  /** Indicator id or layer id the note is about ('' when general). */
  subject: string;
  message: string;
}

/** Why an indicator of the framework was left out. */
export interface SkippedIndicator {
  id: string;
  layer: string;
  reason: 'missing-columns' | 'no-data' | 'not-per-type';
  /** The absent columns (for `missing-columns`). */
  missing: string[];
}
