/**
 * The field-of-activity classification as data (`data/fields-of-activity.json`, read by
 * `ingest/load-fields-of-activity.ts`).
 */

/** One field-of-activity code with its labels. */
export interface ActivityField {
  code: string;
  zh: string;
  en: string;
  /** A core governance field (mediation, community affairs, elderly care, ecology). */
  governance: boolean;
}
