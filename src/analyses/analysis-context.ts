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
import type { InputRows } from '../dataset/org-rows.js';

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

/** What an analysis receives: the cube, what there is of the organization rows, and context. */
export interface AnalysisContext {
  cube: Cube;
  /** What there is of the organization rows (an analysis reads rows only when `rows.kind` is `rows`). */
  rows: InputRows;
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

/** A context whose organization rows are there. */
export type RowsContext = AnalysisContext & { rows: Extract<InputRows, { kind: 'rows' }> };

/** One analysis: a name (its key under results.analyses) and a pure function of the context that returns its section (see `AnalysesSections`). */
export type Analysis =
  | { name: string; run: (ctx: AnalysisContext) => object; needs?: undefined; what?: undefined }
  | {
      name: string;
      run: (ctx: RowsContext) => object;
      /**
       * `organizations` for an analysis that needs organization rows (risk warnings,
       * portraits, per-organization distributions): on an aggregated table it is not run and
       * its section says it was skipped (see `runAnalyses`).
       */
      needs: 'organizations';
      /** What the analysis computes, for the skip note (e.g. `the risk warnings`); default its name. */
      what?: { en: string; zh: string };
    };

/**
 * The input's shape: `panel`, `registry`, or null for an aggregated table.
 *
 * @param ctx the analysis context
 * @returns the shape
 * @example
 * inputShape(ctx); // => 'panel'
 */
export function inputShape(ctx: Pick<AnalysisContext, 'rows'>): Dataset['shape'] | null {
  return ctx.rows.kind === 'aggregate' ? null : ctx.rows.shape;
}

/**
 * Whether the context's organization rows are there (narrows it to a {@link RowsContext}).
 *
 * @param ctx the analysis context
 * @returns true when `ctx.rows.kind` is `rows`
 * @example
 * if (hasRows(ctx)) supervisionModel(ctx);
 */
export function hasRows(ctx: AnalysisContext): ctx is RowsContext {
  return ctx.rows.kind === 'rows';
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
