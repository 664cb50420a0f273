import type { AnalysisNote } from './analysis-note.js';
import type { BulletinSection } from './bulletin/bulletin-section.js';
import type { IndicatorsSection } from './indicators/run-indicators.js';
import type { SpatialSection } from './spatial/spatial-section.js';
import type { StaffSection } from './staff/staff-section.js';
import type { SupervisionSection } from './supervision/run-supervision.js';
import type { TensionSection } from './tension/tension-section.js';
import type { TrendsSection } from './trends/trends-section.js';
import type { UnitComparison } from './unit-section.js';

/**
 * The section an analysis leaves when it has nothing to work on: an analysis that needs
 * organization rows on an aggregated (yearbook) table (`reason: 'aggregate-input'`, notes
 * [N_AGGREGATE_INPUT]), or the spatial sections of a one-region unit of `--each region`
 * (`reason: 'one-region'`, notes [N_ONE_REGION]).
 */
export interface SkippedSection {
  skipped: true;
  reason: 'aggregate-input' | 'one-region';
  notes: AnalysisNote[];
}

/**
 * `results.analyses`: each analysis's section under its name, typed from the section the
 * analysis returns (schemas/results.schema.json describes the same). A section is absent
 * when the analysis was not run (`soqa report` on a narrower run, a bulletin not asked for).
 */
export interface AnalysesSections {
  indicators?: IndicatorsSection;
  /** Skipped for a one-region unit of `--each region`. */
  spatial?: SpatialSection | SkippedSection;
  trends?: TrendsSection;
  staff?: StaffSection;
  tension?: TensionSection;
  /** Risk warnings, transparency and grades; skipped on an aggregated table. */
  supervision?: SupervisionSection | SkippedSection;
  /** The yearly bulletin (`soqa analyze --year/--compare`). */
  bulletin?: BulletinSection;
  /** One unit of `--each region` beside the whole input. */
  unit?: UnitComparison;
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
