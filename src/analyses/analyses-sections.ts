import type { AnalysisNote } from './analysis-note.js';
import type { BulletinSection } from './bulletin/bulletin-section.js';
import type { IndicatorsSection } from './indicators/run-indicators.js';
import type { SpatialSection } from './spatial/spatial-section.js';
import type { StaffSection } from './staff/staff-section.js';
import type { SupervisionSection } from './supervision/run-supervision.js';
import type { TensionSection } from './tension/tension-section.js';
import type { TrendsSection } from './trends/trends-section.js';

/**
 * The section an analysis that needs organization rows leaves on an aggregated (yearbook)
 * table: `{ skipped: true, reason: 'aggregate-input', notes: [N_AGGREGATE_INPUT] }`.
 */
export interface SkippedSection {
  skipped: true;
  reason: 'aggregate-input';
  notes: AnalysisNote[];
}

/**
 * `results.analyses`: each analysis's section under its name, typed from the section the
 * analysis returns (schemas/results.schema.json describes the same). A section is absent
 * when the analysis was not run (`soqa report` on a narrower run, a bulletin not asked for).
 */
export interface AnalysesSections {
  indicators?: IndicatorsSection;
  spatial?: SpatialSection;
  trends?: TrendsSection;
  staff?: StaffSection;
  tension?: TensionSection;
  /** Risk warnings, transparency and grades; skipped on an aggregated table. */
  supervision?: SupervisionSection | SkippedSection;
  /** The yearly bulletin (`soqa analyze --year/--compare`). */
  bulletin?: BulletinSection;
}

/** The name of an analysis section. */
export type SectionName = keyof AnalysesSections;

/**
 * Whether a section is the skip note of an analysis that needs organization rows.
 *
 * @param s a section
 * @returns true for `{ skipped: true, … }`
 * @example
 * isSkipped(results.analyses.supervision); // => false on organization rows
 */
export function isSkipped(s: unknown): s is SkippedSection {
  return typeof s === 'object' && s !== null && (s as { skipped?: unknown }).skipped === true;
}
