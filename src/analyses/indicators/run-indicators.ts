import * as msg from '../../core/messages/index.js';
import { inputShape, type AnalysisContext } from '../analysis-context.js';
import { buildPanel, TOTAL } from './build-panel.js';
import { indicatorOptions, NORMALIZATIONS, type IndicatorOptions } from './indicator-options.js';
import { scorePanel, type PanelSection } from './score-panel.js';

/** The `indicators` section of results.json (see docs/RESULTS.md and docs/METHODS.md). */
export type IndicatorsSection = PanelSection & {
  framework: { id: string; title: { zh: string; en: string } | null; indicators: number; used: number };
  method: {
    units: string;
    total: string;
    normalization: IndicatorOptions['normalize'];
    weighting: IndicatorOptions['weighting'];
    entropyShift: number | null;
    weightsFrom: string;
    missing: string;
    layerScore: string;
    composite: string;
    topsis: { normalization: 'vector'; distance: 'euclidean'; ideal: string; missing: string; imputedCells: number };
    obstacle: string;
    ranks: string;
    diagnostics: string;
    correlationThreshold: number;
    monteCarlo: { runs: number; seed: number; spread: number; normalizations: string[]; percentiles: string };
  };
  /** Per organization type (only with the `byType` option): the same parts, one panel per type. */
  byType?: ({ type: string } & PanelSection)[];
};

/**
 * The indicators analysis: the framework's indicators for every region × year and the
 * province total, normalised, weighted, aggregated into layer scores, a composite and TOPSIS
 * closeness, ranked per year, with obstacles, data checks and Monte Carlo rank intervals.
 * Options come from `ctx.options.extra.indicators` (`weighting`, `normalize`, `shift`,
 * `byType`, `runs`, `spread`), the seed from `ctx.options.seed`, the framework from
 * `ctx.options.config.framework` (default: config/framework/default.json).
 *
 * @param ctx the analysis context
 * @returns the JSON-friendly indicators section
 * @throws SoqaError E_BAD_OPTION / E_CONFIG_SCHEMA / E_FRAMEWORK_INVALID (exit 3)
 * @example
 * runIndicators(ctx).scores.find((s) => s.region === '150100' && s.year === 2024)?.rank; // => 1
 */
export function runIndicators(ctx: AnalysisContext): IndicatorsSection {
  const options = indicatorOptions(ctx);
  const framework = ctx.options.config.framework;
  const panel = buildPanel(ctx.cube, ctx.regions, framework.indicators);
  if (inputShape(ctx) === 'registry' && ctx.cube.years.length > 1) {
    panel.notes.push({
      code: 'I_REGISTRY_YEARS',
      subject: '',
      message: msg.registryIndicatorYears(ctx.cube.years[ctx.cube.years.length - 1]),
    });
  }
  const main = scorePanel(panel, framework.layers, options);
  for (const n of main.notes) {
    if (n.code.startsWith('W_')) ctx.log.warn(n.code, n.message);
    else ctx.log.info(n.code, n.message);
  }
  const section: IndicatorsSection = {
    framework: {
      id: framework.id,
      title: framework.title ?? null,
      indicators: framework.indicators.length,
      used: panel.indicators.length,
    },
    method: {
      units: 'region × year (the organizations registered in a region and reporting for a year)',
      total: `region "${TOTAL}": all regions of the input together; normalised with the regions (so its values are on the same scale) but left out of the weights, ranks, diagnostics and Monte Carlo`,
      normalization: options.normalize,
      weighting: options.weighting,
      entropyShift: options.weighting === 'entropy' ? options.shift : null,
      weightsFrom:
        options.normalize === 'zscore'
          ? 'global min–max normalised region-years (z-scores are not on [0, 1])'
          : `${options.normalize} normalised region-years`,
      missing:
        'an indicator value is missing when its columns were not reported in the unit or the year before (growth); layer scores and the composite scale the available weights up',
      layerScore: 'S_L = Σ_{j∈L} w_j x′_ij / Σ_{j∈L} w_j',
      composite: 'Σ_j w_j x′_ij (weights sum to 1)',
      topsis: {
        normalization: 'vector',
        distance: 'euclidean',
        ideal: `${options.normalize === 'perYear' ? 'per year' : 'whole panel'}; the norms and ideal points from the region-years only (the province total has no TOPSIS closeness)`,
        missing: 'raw value replaced by the column median of the region-years (province total left out)',
        imputedCells: main.topsisImputed,
      },
      obstacle:
        'O_ij = w_j(1 − x′_ij) / Σ_k w_k(1 − x′_ik) on the [0, 1] normalised matrix (global min–max for zscore)',
      ranks: 'per year among the regions; 1 = highest; ties share the average rank',
      diagnostics:
        'COINr get_stats thresholds on the raw region-year values: outlier when |skew| > 2 and kurtosis > 3.5; low availability < 0.65; many zeros when non-zero share < 0.5; few unique when unique share < 0.5',
      correlationThreshold: 0.9,
      monteCarlo: {
        runs: options.runs,
        seed: options.seed,
        spread: options.spread,
        normalizations: [...NORMALIZATIONS].sort(),
        percentiles: 'median, 5th and 95th percentile of the per-year rank (Hyndman–Fan type 7)',
      },
    },
    ...main,
  };
  if (options.byType) {
    section.byType = ctx.cube.types.map((type) => ({
      type,
      ...scorePanel(buildPanel(ctx.cube, ctx.regions, framework.indicators, { type }), framework.layers, options),
    }));
  }
  return section;
}
