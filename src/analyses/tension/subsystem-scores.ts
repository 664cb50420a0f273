import type { ComputeSpec, IndicatorDef } from '../../domain/framework/framework.js';
import { weightedSum } from '../../measures/composite/weighted-sum.js';
import type { PanelUnit } from '../indicators/build-panel.js';
import type { Weighting } from '../indicators/indicator-options.js';
import { normalizePanel } from '../indicators/normalize-panel.js';
import { panelWeights } from '../indicators/panel-weights.js';
import type { ResolvedIndicator, ResolvedSubsystem } from './tension-config.js';
import type { TensionOptions } from './tension-options.js';

/** One subsystem scored on every unit. */
export interface SubsystemScores {
  /** The subsystem's indicators that could be computed, in subsystem order. */
  indicators: ResolvedIndicator[];
  /** Per kept indicator: fewer than two distinct values among the region-years (weight 0). */
  constant: boolean[];
  /** Per kept indicator: its weight inside the subsystem (sum 1; all 0 when none has spread). */
  weights: number[];
  /** Entropy e_j and divergence d_j (entropy weighting only). */
  entropy: number[] | null;
  /** units × kept indicators, normalised onto [floor, 1] with the subsystem's directions. */
  matrix01: number[][];
  /** The subsystem score U per unit, on [0, 1]; NaN when no indicator of positive weight has a value. */
  U: number[];
}

/** Options {@link scoreSubsystem} reads. */
export type SubsystemScoreOptions = Pick<TensionOptions, 'weighting' | 'normalize' | 'shift'> &
  Partial<Pick<TensionOptions, 'floor'>>;

/**
 * Score one subsystem on every unit of the panel, with the indicators analysis' functions:
 * normalise each kept indicator over the whole panel (`normalizePanel`, direction applied so
 * that 1 = more modern / more developed), translate it onto [floor, 1] (x″ = floor + (1 − floor)·x′,
 * the zero guard; floor 0 by default here, 0.01 in the tension analysis), weight them on the region-years (the province
 * total excluded; `panelWeights`: entropy by default, CRITIC, equal or manual; a constant
 * indicator gets weight 0) and aggregate U_i = Σ_j w_j x′_ij with missing values reweighted.
 * U is clamped onto [0, 1] against rounding.
 *
 * @param subsystem the resolved subsystem
 * @param units the panel's units
 * @param columns indicator id → raw values per unit (only computable indicators)
 * @param options weighting, normalisation (on [0, 1]) and entropy shift
 * @returns kept indicators, weights, normalised matrix and U
 * @throws SoqaError E_BAD_OPTION for manual weighting without weights
 * @example
 * scoreSubsystem(tension.subsystems[0], panel.units, panel.columns, { weighting: 'entropy', normalize: 'global', shift: 0 }).U;
 */
export function scoreSubsystem(
  subsystem: ResolvedSubsystem,
  units: readonly PanelUnit[],
  columns: ReadonlyMap<string, number[]>,
  options: SubsystemScoreOptions,
): SubsystemScores {
  const indicators = subsystem.indicators.filter((i) => columns.has(i.id));
  const nanU = units.map(() => NaN);
  if (indicators.length === 0)
    return { indicators, constant: [], weights: [], entropy: null, matrix01: units.map(() => []), U: nanU };
  const raw = units.map((_, r) => indicators.map((ind) => columns.get(ind.id)![r]));
  const regionRows = units.map((u, i) => (u.total ? -1 : i)).filter((i) => i >= 0);
  const constant = indicators.map(
    (_, j) => new Set(regionRows.map((i) => raw[i][j]).filter((x) => !Number.isNaN(x))).size < 2,
  );
  const floor = options.floor ?? 0;
  const matrix01 = normalizePanel(
    raw,
    indicators.map((i) => i.direction),
    units,
    options.normalize,
  ).map((row) => (floor > 0 ? row.map((x) => (Number.isNaN(x) ? x : floor + (1 - floor) * x)) : row));
  // panelWeights reads ids and manual weights only
  const defs: IndicatorDef[] = indicators.map((i) => ({
    id: i.id,
    label: i.label,
    layer: i.layer ?? 'composition',
    direction: i.direction,
    unit: i.unit,
    rationale: i.rationale,
    compute: i.compute as ComputeSpec,
    ...(i.weight !== undefined ? { weight: i.weight } : {}),
  }));
  const pw = panelWeights(
    options.weighting as Weighting,
    regionRows.map((i) => matrix01[i]),
    defs,
    { constant, shift: options.shift },
  );
  const U = pw.weights.some((w) => w > 0)
    ? weightedSum(matrix01, pw.weights, { missing: 'reweight' }).map((u) =>
        Number.isNaN(u) ? u : Math.min(1, Math.max(0, u)),
      )
    : nanU;
  return { indicators, constant, weights: pw.weights, entropy: pw.entropy ?? null, matrix01, U };
}
