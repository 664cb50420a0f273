import type { AnalysisNote } from '../analysis-note.js';
import type { ResourceTheilRow } from './resource-theil.js';
import type { SubsystemKey } from './tension-config.js';
import type { TensionOptions } from './tension-options.js';
import type { TensionSkipped } from './tension-panel.js';

type N = number | null;

/** One region-year (or the province total) of a tension. */
export interface TensionUnitRow {
  region: string;
  year: number;
  u1: N;
  u2: N;
  C: N;
  T: N;
  D: N;
  tension: N;
  /** Class index 0–9 of D and its names (null when D is null). */
  classIndex: N;
  zh: string | null;
  en: string | null;
  /** The subsystem with the lower U; null when they are equal or missing. */
  lagging: SubsystemKey | null;
  /** |U1 − U2|. */
  gap: N;
  /** Monte Carlo 5th–95th percentile of the tension (null when the Monte Carlo is off). */
  p05: N;
  p95: N;
  /** Share of runs in the point estimate's class. */
  classAgreement: N;
  /** D's 5–95% interval inside the point estimate's class (null when the Monte Carlo is off). */
  robust: boolean | null;
  /** False when the tension is not informative, or this region's U sits at a bound in every year (see `informative`). */
  informative: boolean;
}

/** Why a tension, or a region's tension, is not informative (reported instead of a finding). */
export type NotInformativeReason =
  | { kind: 'single-indicator'; subsystem: SubsystemKey; indicator: string | null }
  | { kind: 'at-bound'; subsystem: SubsystemKey; bound: 'min' | 'max'; regions: string[] };

/** One tension of the section. */
export interface TensionResult {
  id: string;
  zh: string;
  en: string;
  rationale: string | null;
  alpha: number;
  beta: number;
  subsystems: {
    key: SubsystemKey;
    id: string;
    zh: string;
    en: string;
    rationale: string | null;
    indicators: {
      id: string;
      zh: string;
      en: string;
      direction: 1 | -1;
      unit: string;
      kind: string;
      source: 'framework' | 'tension';
      weight: number;
      constant: boolean;
      entropy: N;
    }[];
    /** Ids of the subsystem's indicators that could not be computed (see `skipped`). */
    skipped: string[];
  }[];
  units: TensionUnitRow[];
  /** Obstacle degrees of the lagging subsystem's indicators, per unit, largest first. */
  obstacles: {
    region: string;
    year: number;
    subsystem: SubsystemKey;
    order: number;
    indicator: string;
    degree: number;
  }[];
  /** Per region: tension in its first and last year with a value, and the change. */
  changes: { region: string; fromYear: number; toYear: number; from: number; to: number; change: number }[];
  /** Core/periphery Theil decomposition of resources per resident, by year (tensions with `theil`). */
  theil: ResourceTheilRow[];
  /**
   * Whether the tension is informative: false when a subsystem rests on at most one
   * indicator with weight; `reasons` also lists regions whose U sits at a bound (floor or 1)
   * in every year (their rows are `informative: false`, left out of the verdict).
   */
  informative: { ok: boolean; reasons: NotInformativeReason[] };
  /** The latest year's verdict (null without years). */
  verdict: { year: number; en: string; zh: string } | null;
}

/** The `tension` section of results.json (see docs/RESULTS.md and docs/METHODS.md). */
export type TensionSection = {
  framework: { id: string; fromDefault: boolean };
  method: {
    units: string;
    normalization: TensionOptions['normalize'];
    weighting: TensionOptions['weighting'];
    entropyShift: number | null;
    zeroGuard: string;
    subsystemScore: string;
    informative: string;
    variant: TensionOptions['variant'];
    coupling: string;
    coordination: string;
    degree: string;
    tension: string;
    classes: string;
    lagging: string;
    obstacle: string;
    monteCarlo: {
      runs: number;
      seed: number;
      spread: number;
      alphaSpread: number;
      percentiles: string;
      robust: string;
      streams: string;
    };
    theil: string;
    caveat: string;
  };
  core: string[];
  years: number[];
  skipped: (TensionSkipped & { tensions: string[] })[];
  tensions: TensionResult[];
  notes: AnalysisNote[];
};
