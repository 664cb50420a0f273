/**
 * The types of the sections of `results.analyses`, for the renderers: render reads results
 * (and domain knowledge) only, so the section types the analyses declare are named here.
 */
export { isSkipped } from '../analyses/analyses-sections.js';
export type { AnalysesSections, SkippedSection } from '../analyses/analyses-sections.js';
export type { BulletinSection } from '../analyses/bulletin/bulletin-section.js';
export type { IndicatorsSection } from '../analyses/indicators/run-indicators.js';
export type { DensityLisa } from '../analyses/spatial/density-lisa.js';
export type { FieldRow } from '../analyses/spatial/field-specialisation.js';
export type { SpatialSection, SpatialYear } from '../analyses/spatial/spatial-section.js';
export type { StaffProfile } from '../analyses/staff/staff-profile.js';
export type { StaffSection, StaffYear } from '../analyses/staff/staff-section.js';
export type { FlaggedView } from '../analyses/supervision/rank-flagged.js';
export type { TensionResult, TensionUnitRow, TensionSection } from '../analyses/tension/tension-section.js';
export type { TrendsSection } from '../analyses/trends/trends-section.js';
