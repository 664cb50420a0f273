import * as msg from '../../core/messages/index.js';
import { SoqaError } from '../../core/soqa-error.js';
import type { AnalysisContext } from '../analysis-context.js';
import { WEIGHTINGS, type Normalization, type Weighting } from '../indicators/indicator-options.js';

/** Normalisations the tension analysis accepts: those on [0, 1] (coupling needs U on [0, 1]). */
export const TENSION_NORMALIZATIONS = ['global', 'perYear', 'rank'] as const;

/** Coupling formulas. */
export const VARIANTS = ['standard', 'modified'] as const;

/** The options the tension analysis runs with (defaults applied, all checked). */
export interface TensionOptions {
  /** default `entropy` */
  weighting: Weighting;
  /** default `global` (min–max over all region-years together) */
  normalize: Exclude<Normalization, 'zscore'>;
  /** entropy shift (default 0) */
  shift: number;
  /**
   * Zero guard after normalisation (default 0.01): x″ = floor + (1 − floor)·x′, so that a
   * unit at the minimum of every indicator of a subsystem gets U = floor, not 0, and
   * D = √(C·T) is not forced to 0 whatever the other subsystem shows. 0 turns it off.
   */
  floor: number;
  /** `standard` (default) or `modified` (Wang et al. 2021) */
  variant: (typeof VARIANTS)[number];
  /** α for every tension, overriding the framework (null: the framework's, default 0.5) */
  alpha: number | null;
  /** Monte Carlo runs (default 200; 0 = off) */
  runs: number;
  /** relative weight spread of the Monte Carlo (default 0.25) */
  spread: number;
  /** half-width of the uniform α draw of the Monte Carlo (default 0.2: α ± 0.2, clipped to [0, 1]) */
  alphaSpread: number;
  /** Monte Carlo seed (ctx.options.seed) */
  seed: number;
}

const bad = (name: string, value: unknown, expected: string) =>
  new SoqaError('E_BAD_OPTION', msg.badOption(name, value, expected));
const isNum = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

/**
 * Read and check `ctx.options.extra.tension` (`weighting`, `normalize`, `shift`, `floor`, `variant`,
 * `alpha`, `runs`, `spread`, `alphaSpread`); the seed comes from `ctx.options.seed`.
 *
 * @param ctx the analysis context
 * @returns the options with defaults applied
 * @throws SoqaError E_BAD_OPTION (exit 3) for an unknown or out-of-range value
 * @example
 * tensionOptions(ctx);
 * // => { weighting: 'entropy', normalize: 'global', shift: 0, floor: 0.01, variant: 'standard', alpha: null, runs: 200, spread: 0.25, alphaSpread: 0.2, seed: 1 }
 */
export function tensionOptions(ctx: Pick<AnalysisContext, 'options'>): TensionOptions {
  const x = ctx.options.extra?.tension ?? {};
  const weighting = x.weighting ?? 'entropy';
  if (!(WEIGHTINGS as readonly unknown[]).includes(weighting)) throw bad('weighting', weighting, WEIGHTINGS.join(', '));
  const rawNorm = x.normalize ?? 'global';
  const normalize = rawNorm === 'per-year' ? 'perYear' : rawNorm;
  if (!(TENSION_NORMALIZATIONS as readonly unknown[]).includes(normalize))
    throw bad('normalize', rawNorm, 'global, per-year or rank (the coupling needs subsystem scores on [0, 1])');
  const shift = x.shift ?? 0;
  if (!isNum(shift) || shift < 0) throw bad('shift', shift, 'a number >= 0 (e.g. 0.0001)');
  const floor = x.floor ?? 0.01;
  if (!isNum(floor) || floor < 0 || floor >= 0.5) throw bad('floor', floor, 'a number in [0, 0.5) (e.g. 0.01)');
  const variant = x.variant ?? 'standard';
  if (!(VARIANTS as readonly unknown[]).includes(variant)) throw bad('variant', variant, VARIANTS.join(' or '));
  const alpha = x.alpha ?? null;
  if (alpha !== null && !(isNum(alpha) && alpha >= 0 && alpha <= 1))
    throw bad('alpha', alpha, 'a number in [0, 1] (β = 1 − α)');
  const runs = x.runs ?? 200;
  if (typeof runs !== 'number' || !Number.isInteger(runs) || runs < 0 || runs > 100000)
    throw bad('runs', runs, 'a whole number from 0 to 100000');
  const spread = x.spread ?? 0.25;
  if (!isNum(spread) || !(spread >= 0 && spread < 1)) throw bad('spread', spread, 'a number in [0, 1)');
  const alphaSpread = x.alphaSpread ?? 0.2;
  if (!isNum(alphaSpread) || !(alphaSpread >= 0 && alphaSpread <= 0.5))
    throw bad('alphaSpread', alphaSpread, 'a number in [0, 0.5]');
  const seed = ctx.options.seed ?? 1;
  if (!Number.isSafeInteger(seed)) throw bad('seed', seed, 'an integer');
  return {
    weighting: weighting as Weighting,
    normalize: normalize as TensionOptions['normalize'],
    shift,
    floor,
    variant: variant as TensionOptions['variant'],
    alpha: alpha as number | null,
    runs,
    spread,
    alphaSpread,
    seed,
  };
}
