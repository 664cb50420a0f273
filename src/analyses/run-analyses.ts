import * as msg from '../core/messages/index.js';
import { SoqaError } from '../core/soqa-error.js';
import { hasRows, type Analysis, type AnalysisContext } from './analysis-context.js';
import { note } from './analysis-note.js';
import type { AnalysesSections, SkippedSection } from './analyses-sections.js';
import { runIndicators } from './indicators/run-indicators.js';
import { spatialAnalysis } from './spatial/spatial-section.js';
import { trendsAnalysis } from './trends/trends-section.js';
import { staffAnalysis } from './staff/staff-section.js';
import { runTension } from './tension/run-tension.js';
import { supervisionAnalysis } from './supervision/run-supervision.js';

/**
 * Every analysis `soqa analyze` runs, in the order their sections appear in results.json.
 * Add one line per analysis.
 */
export const ANALYSES: Analysis[] = [
  { name: 'indicators', run: runIndicators },
  spatialAnalysis,
  trendsAnalysis,
  staffAnalysis,
  { name: 'tension', run: runTension },
  supervisionAnalysis,
];

/**
 * Run the analyses (all, or those named) and collect their sections.
 *
 * @param ctx analysis context
 * @param only names to run (default: all)
 * @returns name → section, in {@link ANALYSES} order
 * @example
 * Object.keys(runAnalyses(ctx)); // => ['indicators', 'spatial', …]
 */
export function runAnalyses(ctx: AnalysisContext, only?: readonly string[]): AnalysesSections {
  const out: Record<string, object> = {};
  for (const a of ANALYSES) if (!only || only.includes(a.name)) out[a.name] = runOne(a, ctx);
  // each analysis returns its own section under its name (the types of AnalysesSections)
  return out as AnalysesSections;
}

/** One analysis on the context: one that needs organization rows gets them, or its skip note on an aggregated table. */
function runOne(a: Analysis, ctx: AnalysisContext): object {
  if (a.needs === undefined) return a.run(ctx);
  if (hasRows(ctx)) return a.run(ctx);
  if (ctx.rows.kind === 'aggregate') return skippedForAggregate(a);
  throw new SoqaError('E_INTERNAL', msg.internalError(`${a.name} run on rows that were not kept`));
}

/**
 * The section of an analysis that needs organization rows when the input is an aggregated
 * table: `{ skipped: true, reason: 'aggregate-input', notes: [N_AGGREGATE_INPUT] }`.
 *
 * @param a the analysis
 * @returns the section
 * @example
 * skippedForAggregate({ name: 'supervision', needs: 'organizations', run }).skipped; // => true
 */
export function skippedForAggregate(a: Analysis): SkippedSection {
  const what = (l: msg.Lang) => (a.what ? a.what[l] : a.name);
  return {
    skipped: true,
    reason: 'aggregate-input',
    notes: [note('N_AGGREGATE_INPUT', (l) => msg.noteAggregateInput(l, what(l)))],
  };
}
