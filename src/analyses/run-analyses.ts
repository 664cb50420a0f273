import type { Analysis, AnalysisContext } from './analysis-context.js';
import { runIndicators } from './indicators/run-indicators.js';
import { spatialAnalysis } from './spatial/spatial-section.js';
import { trendsAnalysis } from './trends/trends-section.js';
import { staffAnalysis } from './staff/staff-section.js';

/**
 * Every analysis `soqa analyze` runs, in the order their sections appear in results.json.
 * Add one line per analysis.
 */
export const ANALYSES: Analysis[] = [
  { name: 'indicators', run: runIndicators },
  spatialAnalysis,
  trendsAnalysis,
  staffAnalysis,
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
  for (const a of ANALYSES) if (!only || only.includes(a.name)) out[a.name] = a.run(ctx);
  return out;
}
