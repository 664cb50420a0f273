import type { Logger } from '../core/logger.js';
import type { Cube } from '../cube/cube.js';
import type { Dataset } from '../dataset/dataset.js';
import type { Framework } from '../domain/framework/framework.js';
import type { ChinaGazetteer } from '../domain/regions/china-gazetteer.js';
import type { RegionsFile } from '../domain/regions/regions.js';
import type { RulesFile } from '../domain/rules/rules.js';
import type { ActivityField } from '../domain/activity-field.js';

/**
 * The configuration files of a run, read and checked once at the CLI boundary
 * (`ingest/framework/load-framework.ts`, `ingest/rules/load-rules.ts`): analyses read no files.
 */
export interface AnalysisConfig {
  /** The indicator framework (`--framework`, else config/framework/default.json). */
  framework: Framework;
  /** The built-in default framework: its `"tension"` block serves a framework without one. */
  defaultFramework: Framework;
  /** The risk-warning rules (`--rules`, else config/rules/default.json). */
  rules: RulesFile;
}

/** Options every analysis may read; set once at the CLI boundary. */
export interface AnalysisOptions {
  /** Seed for permutation tests and Monte Carlo (default 1). */
  seed: number;
  /** Core region codes (default: regions with zone "core" in the regions file). */
  core?: string[];
  /** The framework and rules, loaded and validated by the CLI. */
  config: AnalysisConfig;
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
  /**
   * The divisions of China, asked for on first need (credit-code region checks): the CLI
   * passes `loadChinaGazetteer` of ingest/regions, so that the analyses themselves read no files.
   */
  gazetteer: () => ChinaGazetteer;
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
