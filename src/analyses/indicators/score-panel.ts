import * as msg from '../../core/messages/index.js';
import { LAYER_IDS, type LayerDef, type LayerId } from '../../domain/framework/framework.js';
import { correlationFlags } from '../../measures/composite/correlation-flags.js';
import { indicatorDiagnostics } from '../../measures/composite/indicator-diagnostics.js';
import { ranks } from '../../measures/composite/ranks.js';
import type { Direction } from '../../measures/composite/types.js';
import type { Panel } from './build-panel.js';
import type { IndicatorNote, SkippedIndicator } from './indicator-notes.js';
import { NORMALIZATIONS, type IndicatorOptions, type Normalization } from './indicator-options.js';
import { jsonNumber as num } from './json-number.js';
import { layerScores } from './layer-scores.js';
import { normalizePanel, onUnitInterval } from './normalize-panel.js';
import { panelTopsis } from './panel-topsis.js';
import { panelWeights } from './panel-weights.js';
import { rankMonteCarlo } from './rank-monte-carlo.js';
import { unitObstacles } from './unit-obstacles.js';

type N = number | null;

/** Everything the indicators analysis reports about one panel (all years, or one type). */
export type PanelSection = {
  layers: { id: LayerId; zh: string; en: string; weight: number; indicators: number }[];
  indicators: {
    id: string;
    zh: string;
    en: string;
    layer: LayerId;
    direction: Direction;
    unit: string;
    kind: string;
    weight: number;
    constant: boolean;
    entropy: N;
    divergence: N;
    dispersion: N;
    conflict: N;
  }[];
  skipped: SkippedIndicator[];
  notes: IndicatorNote[];
  values: { region: string; year: number; indicator: string; raw: N; normalized: N }[];
  scores: {
    region: string;
    year: number;
    composition: N;
    function: N;
    output: N;
    composite: N;
    rank: N;
    topsis: N;
    topsisRank: N;
  }[];
  obstacles: { region: string; year: number; order: number; indicator: string; layer: LayerId; degree: number }[];
  layerObstacles: { region: string; year: number; composition: N; function: N; output: N }[];
  diagnostics: {
    indicator: string;
    layer: LayerId;
    available: number;
    availability: number;
    zeroShare: N;
    uniqueShare: N;
    skewness: N;
    kurtosis: N;
    outlier: boolean;
    lowAvailability: boolean;
    manyZeros: boolean;
    fewUnique: boolean;
  }[];
  /** r: raw Pearson r of the region-year values; rDirectionAdjusted: r × direction_a × direction_b. */
  correlations: { layer: string; a: string; b: string; r: number; rDirectionAdjusted: number; n: number }[];
  uncertainty: { region: string; year: number; rank: N; medianRank: N; p05: N; p95: N }[];
  /** Cells of the raw matrix replaced by the region-year median for TOPSIS. */
  topsisImputed: number;
};

/** Ranks of one score per unit within each year, among the regions (the total has none). */
function ranksPerYear(scores: readonly number[], panel: Panel): number[] {
  const out = scores.map(() => NaN);
  const byYear = new Map<number, number[]>();
  panel.units.forEach((u, i) => {
    if (u.total) return;
    let rows = byYear.get(u.year);
    if (!rows) byYear.set(u.year, (rows = []));
    rows.push(i);
  });
  for (const rows of byYear.values()) {
    const r = ranks(rows.map((i) => scores[i]));
    rows.forEach((i, k) => (out[i] = r[k]));
  }
  return out;
}

/**
 * Score one panel: normalise, weight, layer scores and composite, TOPSIS, ranks per year,
 * top-3 obstacles, diagnostics, within-layer correlation flags and the Monte Carlo rank
 * intervals (see docs/METHODS.md). Pure.
 *
 * @param panel the raw panel from `buildPanel`
 * @param layerDefs the framework's layers (labels)
 * @param options the analysis options
 * @returns the panel's part of the indicators section, sorted by year then region
 * @throws SoqaError E_BAD_OPTION for manual weighting without weights
 * @example
 * scorePanel(buildPanel(cube, regions, fw.indicators), fw.layers, indicatorOptions(ctx)).scores[0];
 */
export function scorePanel(panel: Panel, layerDefs: readonly LayerDef[], options: IndicatorOptions): PanelSection {
  const { units, indicators, raw } = panel;
  const regionRows = units.map((u, i) => (u.total ? -1 : i)).filter((i) => i >= 0);
  const pick = (m: readonly (readonly number[])[]) => regionRows.map((i) => m[i] as number[]);
  const constant = constantIndicators(raw, regionRows, indicators.length);
  const s = scoreUnits(panel, { regionRows, constant, options });
  const notes = [
    ...panel.notes,
    ...constantNotes(panel, regionRows, constant),
    ...weightNotes(layerDefs, s, indicators.length),
  ];
  const diag = regionRows.length && indicators.length ? indicatorDiagnostics(pick(raw)) : [];
  const flags =
    regionRows.length && indicators.length
      ? correlationFlags(
          pick(raw),
          indicators.map((i) => i.layer),
          0.9,
        )
      : [];
  const intervals = rankIntervals(panel, { regionRows, scored: s, options });
  return {
    layers: layerRows(layerDefs, s, indicators),
    indicators: indicatorRows(indicators, s, constant),
    skipped: panel.skipped,
    notes,
    ...unitRows(panel, s),
    diagnostics: diagnosticRows(diag, indicators),
    correlations: flags.map((f) => ({
      layer: f.group,
      a: indicators[f.i].id,
      b: indicators[f.j].id,
      r: f.r,
      rDirectionAdjusted: f.r * indicators[f.i].direction * indicators[f.j].direction,
      n: f.n,
    })),
    uncertainty: regionRows.map((i, k) => ({
      region: units[i].region,
      year: units[i].year,
      rank: num(s.rank[i]),
      medianRank: num(intervals[k].median),
      p05: num(intervals[k].p05),
      p95: num(intervals[k].p95),
    })),
    topsisImputed: s.top.imputed,
  };
}

type Indicators = Panel['indicators'];

/** Constant indicators: fewer than two distinct values among the region-years. */
function constantIndicators(raw: Panel['raw'], regionRows: readonly number[], count: number): boolean[] {
  return Array.from(
    { length: count },
    (_, j) => new Set(regionRows.map((i) => raw[i][j]).filter((x) => !Number.isNaN(x))).size < 2,
  );
}

/** W_INDICATOR_CONSTANT for each constant indicator, with its one value. */
function constantNotes(panel: Panel, regionRows: readonly number[], constant: readonly boolean[]): IndicatorNote[] {
  const notes: IndicatorNote[] = [];
  constant.forEach((c, j) => {
    if (!c) return;
    const value = regionRows.map((i) => panel.raw[i][j]).find((x) => !Number.isNaN(x)) ?? NaN;
    const id = panel.indicators[j].id;
    notes.push({ code: 'W_INDICATOR_CONSTANT', subject: id, message: msg.indicatorConstant(id, value) });
  });
  return notes;
}

/** The scores of a panel's units: normalised matrices, weights, layer scores, TOPSIS, ranks and obstacles. */
interface UnitScores {
  normalized: number[][];
  globalMinMax: number[][];
  pw: ReturnType<typeof panelWeights>;
  ls: ReturnType<typeof layerScores>;
  top: ReturnType<typeof panelTopsis>;
  rank: number[];
  topsisRank: number[];
  obstacles: ReturnType<typeof unitObstacles>;
}

/** What {@link scoreUnits} and {@link rankIntervals} read besides the panel. */
interface ScoreSetup {
  /** The units that are regions (not the total). */
  regionRows: readonly number[];
  constant: readonly boolean[];
  options: IndicatorOptions;
}

/** Normalise, weight, layer scores and composite, TOPSIS, ranks per year and obstacles. */
function scoreUnits(panel: Panel, { regionRows, constant, options }: ScoreSetup): UnitScores {
  const { units, indicators, raw } = panel;
  const dirs = indicators.map((i) => i.direction);
  const normalized = normalizePanel(raw, dirs, units, options.normalize);
  const globalMinMax = options.normalize === 'global' ? normalized : normalizePanel(raw, dirs, units, 'global');
  const unit01 = onUnitInterval(options.normalize) ? normalized : globalMinMax;
  const pick = (m: readonly (readonly number[])[]) => regionRows.map((i) => m[i] as number[]);
  const pw = panelWeights(options.weighting, pick(unit01), indicators, { constant, shift: options.shift });
  const ls = layerScores(normalized, pw.weights, indicators);
  const top = panelTopsis(raw, units, { weights: pw.weights, directions: dirs, normalization: options.normalize });
  return {
    normalized,
    globalMinMax,
    pw,
    ls,
    top,
    rank: ranksPerYear(ls.composite, panel),
    topsisRank: ranksPerYear(top.closeness, panel),
    obstacles: unitObstacles(unit01, pw.weights, indicators),
  };
}

/** W_LAYER_NO_WEIGHT for each layer without weight (when some indicator has one), W_NO_INDICATORS when none is left. */
function weightNotes(layerDefs: readonly LayerDef[], s: UnitScores, indicators: number): IndicatorNote[] {
  const notes: IndicatorNote[] = [];
  const weights = s.pw.weights;
  for (const l of layerDefs) {
    if (!(s.ls.layerWeights[l.id] > 0) && weights.some((w) => w > 0))
      notes.push({ code: 'W_LAYER_NO_WEIGHT', subject: l.id, message: msg.layerWithoutWeight(l.id) });
  }
  if (indicators === 0) notes.push({ code: 'W_NO_INDICATORS', subject: '', message: msg.noUsableIndicators() });
  return notes;
}

/** Monte Carlo rank intervals of the regions' units (NaN when not run: no runs, no weight or no region). */
function rankIntervals(
  panel: Panel,
  { regionRows, scored, options }: Omit<ScoreSetup, 'constant'> & { scored: UnitScores },
): { median: number; p05: number; p95: number }[] {
  const { weights } = scored.pw;
  if (!(options.runs > 0 && weights.some((w) => w > 0) && regionRows.length))
    return regionRows.map(() => ({ median: NaN, p05: NaN, p95: NaN }));
  const { units, indicators, raw } = panel;
  const dirs = indicators.map((i) => i.direction);
  const matrices: Partial<Record<Normalization, number[][]>> = {};
  for (const m of NORMALIZATIONS) {
    const matrix =
      m === options.normalize
        ? scored.normalized
        : m === 'global'
          ? scored.globalMinMax
          : normalizePanel(raw, dirs, units, m);
    matrices[m] = regionRows.map((i) => matrix[i]);
  }
  return rankMonteCarlo(
    matrices,
    weights,
    regionRows.map((i) => units[i].year),
    { runs: options.runs, seed: options.seed, spread: options.spread },
  );
}

/** The layers of the section: labels, weight and indicator count, in framework order. */
function layerRows(layerDefs: readonly LayerDef[], s: UnitScores, indicators: Indicators): PanelSection['layers'] {
  const labels = new Map(layerDefs.map((l) => [l.id, l.label]));
  return LAYER_IDS.filter((l) => labels.has(l)).map((l) => ({
    id: l,
    zh: labels.get(l)!.zh,
    en: labels.get(l)!.en,
    weight: s.ls.layerWeights[l],
    indicators: indicators.filter((i) => i.layer === l).length,
  }));
}

/** The indicators of the section: labels, weight and the weighting method's statistics. */
function indicatorRows(
  indicators: Indicators,
  s: UnitScores,
  constant: readonly boolean[],
): PanelSection['indicators'] {
  const { pw } = s;
  return indicators.map((ind, j) => ({
    id: ind.id,
    zh: ind.label.zh,
    en: ind.label.en,
    layer: ind.layer,
    direction: ind.direction,
    unit: ind.unit,
    kind: ind.compute.kind,
    weight: pw.weights[j],
    constant: constant[j],
    entropy: pw.entropy ? num(pw.entropy[j]) : null,
    divergence: pw.divergence ? num(pw.divergence[j]) : null,
    dispersion: pw.dispersion ? num(pw.dispersion[j]) : null,
    conflict: pw.conflict ? num(pw.conflict[j]) : null,
  }));
}

/** The per-unit tables of the section: values, scores, obstacles and layer obstacles. */
function unitRows(
  panel: Panel,
  s: UnitScores,
): Pick<PanelSection, 'values' | 'scores' | 'obstacles' | 'layerObstacles'> {
  const { units, indicators, raw } = panel;
  const layerOf = (l: LayerId) => s.ls.layers[l];
  return {
    values: units.flatMap((u, i) =>
      indicators.map((ind, j) => ({
        region: u.region,
        year: u.year,
        indicator: ind.id,
        raw: num(raw[i][j]),
        normalized: num(s.normalized[i][j]),
      })),
    ),
    scores: units.map((u, i) => ({
      region: u.region,
      year: u.year,
      composition: num(layerOf('composition')[i]),
      function: num(layerOf('function')[i]),
      output: num(layerOf('output')[i]),
      composite: num(s.ls.composite[i]),
      rank: num(s.rank[i]),
      topsis: num(s.top.closeness[i]),
      topsisRank: num(s.topsisRank[i]),
    })),
    obstacles: units.flatMap((u, i) =>
      s.obstacles.top[i].map((o, k) => ({
        region: u.region,
        year: u.year,
        order: k + 1,
        indicator: o.indicator,
        layer: o.layer,
        degree: o.degree,
      })),
    ),
    layerObstacles: units.map((u, i) => ({
      region: u.region,
      year: u.year,
      composition: num(s.obstacles.layers[i].composition),
      function: num(s.obstacles.layers[i].function),
      output: num(s.obstacles.layers[i].output),
    })),
  };
}

/** The diagnostics of the section, one per indicator. */
function diagnosticRows(
  diag: ReturnType<typeof indicatorDiagnostics>,
  indicators: Indicators,
): PanelSection['diagnostics'] {
  return diag.map((d, j) => ({
    indicator: indicators[j].id,
    layer: indicators[j].layer,
    available: d.available,
    availability: d.availability,
    zeroShare: num(d.zeroShare),
    uniqueShare: num(d.uniqueShare),
    skewness: num(d.skewness),
    kurtosis: num(d.kurtosis),
    outlier: d.outlier,
    lowAvailability: d.lowAvailability,
    manyZeros: d.manyZeros,
    fewUnique: d.fewUnique,
  }));
}
