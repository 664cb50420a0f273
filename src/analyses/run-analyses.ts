import * as msg from '../core/messages/index.js';
import type { Analysis, AnalysisContext } from './analysis-context.js';
import { note } from './analysis-note.js';
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
export function runAnalyses(ctx: AnalysisContext, only?: string[]): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const a of ANALYSES)
    if (!only || only.includes(a.name))
      out[a.name] = a.needs === 'organizations' && ctx.dataset === null ? skippedForAggregate(a) : a.run(ctx);
  return out;
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
export function skippedForAggregate(a: Analysis): Record<string, unknown> {
  const what = (l: msg.Lang) => (a.what ? a.what[l] : a.name);
  return {
    skipped: true,
    reason: 'aggregate-input',
    notes: [note('N_AGGREGATE_INPUT', (l) => msg.noteAggregateInput(l, what(l)))],
  };
}
