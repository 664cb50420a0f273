import type { Logger } from '../core/logger.js';
import type { Cube } from '../cube/cube.js';
import type { Dataset } from '../dataset/dataset.js';
import type { RegionsFile } from '../ingest/regions/regions.js';
import type { ActivityField } from '../ingest/load-fields-of-activity.js';

/** Options every analysis may read; set once at the CLI boundary. */
export interface AnalysisOptions {
  /** Seed for permutation tests and Monte Carlo (default 1). */
  seed: number;
  /** Core region codes (default: regions with zone "core" in the regions file). */
  core?: string[];
  /** Parsed configuration objects by name (e.g. `framework`), loaded and validated by the CLI. */
  config: Record<string, unknown>;
  /** Free-form per-analysis options (e.g. `{ indicators: { weighting: 'entropy' } }`). */
  extra: Record<string, Record<string, unknown>>;
}

/** What an analysis receives: the cube, the organization rows when there are any, and context. */
export interface AnalysisContext {
  cube: Cube;
  /** Organization rows; null when the input was an aggregated (yearbook) table. */
  dataset: Dataset | null;
  regions: RegionsFile;
  fieldsOfActivity: ActivityField[];
  options: AnalysisOptions;
  log: Logger;
}

/** One analysis: a name (its key under results.analyses) and a pure function of the context. */
export interface Analysis {
  name: string;
  run: (ctx: AnalysisContext) => Record<string, unknown>;
  /**
   * `organizations` for an analysis that needs organization rows (risk warnings, portraits,
   * per-organization distributions): on an aggregated table (`ctx.dataset === null`) it is
   * not run and its section says it was skipped (see `runAnalyses`). Cube-level analyses
   * leave this unset.
   */
  needs?: 'organizations';
  /** What the analysis computes, for the skip note (e.g. `the risk warnings`); default its name. */
  what?: { en: string; zh: string };
}

/**
 * Core region codes of a run: the `--core` override, else the regions file's zone.
 *
 * @example
 * coreRegions(ctx); // => ['150100', '150200', '150600']
 */
export function coreRegions(ctx: AnalysisContext): string[] {
  return ctx.options.core ?? ctx.regions.regions.filter((r) => r.zone === 'core').map((r) => r.code);
}
