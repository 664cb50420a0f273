import { SoqaError } from '../../core/soqa-error.js';
import * as msg from '../../core/messages/index.js';
import type { AnalysisContext } from '../analysis-context.js';

/** Weighting schemes of the indicators analysis. */
export const WEIGHTINGS = ['entropy', 'critic', 'equal', 'manual'] as const;
/** One weighting scheme. */
export type Weighting = (typeof WEIGHTINGS)[number];

/** Normalisations of the indicators analysis. */
export const NORMALIZATIONS = ['global', 'perYear', 'zscore', 'rank'] as const;
/** One normalisation. */
export type Normalization = (typeof NORMALIZATIONS)[number];

/** The options the indicators analysis runs with (defaults applied, all checked). */
export interface IndicatorOptions {
  /** default `entropy` */
  weighting: Weighting;
  /** default `global` (min–max over the whole panel) */
  normalize: Normalization;
  /** shift added before the entropy p is formed (default 0: none, 0·ln 0 = 0) */
  shift: number;
  /** also score per organization type (default false) */
  byType: boolean;
  /** Monte Carlo runs (default 200; 0 turns the uncertainty analysis off) */
  runs: number;
  /** relative spread of the weight perturbation (default 0.25: each weight × U(0.75, 1.25)) */
  spread: number;
  /** Monte Carlo seed (ctx.options.seed) */
  seed: number;
}

const bad = (name: string, value: unknown, expected: string) =>
  new SoqaError('E_BAD_OPTION', msg.badOption(name, value, expected));

/**
 * Read and check `ctx.options.extra.indicators` (`weighting`, `normalize`, `shift`, `byType`,
 * `runs`, `spread`); the seed comes from `ctx.options.seed`.
 *
 * @param ctx the analysis context
 * @returns the options with defaults applied
 * @throws SoqaError E_BAD_OPTION (exit 3) for an unknown or out-of-range value
 * @example
 * indicatorOptions(ctx); // => { weighting: 'entropy', normalize: 'global', shift: 0, byType: false, runs: 200, spread: 0.25, seed: 1 }
 */
export function indicatorOptions(ctx: Pick<AnalysisContext, 'options'>): IndicatorOptions {
  const x = ctx.options.extra?.indicators ?? {};
  const weighting = x.weighting ?? 'entropy';
  if (!(WEIGHTINGS as readonly unknown[]).includes(weighting)) throw bad('weighting', weighting, WEIGHTINGS.join(', '));
  const rawNorm = x.normalize ?? 'global';
  const normalize = rawNorm === 'per-year' ? 'perYear' : rawNorm;
  if (!(NORMALIZATIONS as readonly unknown[]).includes(normalize))
    throw bad('normalize', rawNorm, 'global, per-year, zscore or rank');
  const shift = x.shift ?? 0;
  if (typeof shift !== 'number' || !Number.isFinite(shift) || shift < 0)
    throw bad('shift', shift, 'a number >= 0 (e.g. 0.0001)');
  const byType = x.byType ?? false;
  if (typeof byType !== 'boolean') throw bad('byType', byType, 'true or false');
  const runs = x.runs ?? 200;
  if (typeof runs !== 'number' || !Number.isInteger(runs) || runs < 0 || runs > 100000)
    throw bad('runs', runs, 'a whole number from 0 to 100000');
  const spread = x.spread ?? 0.25;
  if (typeof spread !== 'number' || !(spread >= 0 && spread < 1)) throw bad('spread', spread, 'a number in [0, 1)');
  const seed = ctx.options.seed ?? 1;
  if (!Number.isSafeInteger(seed)) throw bad('seed', seed, 'an integer');
  return {
    weighting: weighting as Weighting,
    normalize: normalize as Normalization,
    shift,
    byType,
    runs,
    spread,
    seed,
  };
}
