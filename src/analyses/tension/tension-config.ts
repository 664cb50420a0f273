/**
 * The `"tension"` block of a framework file (see schemas/framework.schema.json and
 * docs/METHODS.md, "Triple tension"): pairs of subsystems U1/U2 made of indicator references.
 */
import type { ComputeSpec, Label, LayerId } from '../../domain/framework/framework.js';

/** Share of the unit's organizations whose type is one of `types` (tension-only kind). */
export interface TypeShareSpec {
  kind: 'type_share';
  types: string[];
}

/** Attributes of a region that `region_attribute` can read from the regions file. */
export type RegionAttribute =
  'population' | 'area' | 'density' | 'gdp' | 'gdp_per_capita' | 'urban_rate' | 'schooling_years';

/** A value of the regions file, optionally relative to the core or the whole input (tension-only kind). */
export interface RegionAttributeSpec {
  kind: 'region_attribute';
  attribute: RegionAttribute;
  /** Divide by the pooled value of the core regions (`core`) or of every region of the input (`total`). */
  relativeTo?: 'core' | 'total';
}

/** The compute spec of a tension indicator: an indicator kind or a tension-only kind. */
export type TensionComputeSpec = ComputeSpec | TypeShareSpec | RegionAttributeSpec;

/** Tension-only kinds (evaluated by the tension analysis, not by the indicators analysis). */
export const TENSION_ONLY_KINDS = ['type_share', 'region_attribute'] as const;

/** A tension-only indicator, defined under `tension.indicators`. */
export interface TensionIndicatorDef {
  id: string;
  label: Label;
  /** Optional: which layer of Fu (2025) it belongs to (documentation only). */
  layer?: LayerId;
  /** 1: higher = more modern / more developed; −1: the reverse. */
  direction: 1 | -1;
  unit: string;
  weight?: number;
  rationale: string;
  compute: TensionComputeSpec;
}

/** A reference to an indicator from a subsystem: its id, or the id with overrides. */
export type IndicatorRef = string | { id: string; direction?: 1 | -1; weight?: number };

/** One subsystem of a tension as written in the file. */
export interface SubsystemDef {
  id: string;
  label: Label;
  rationale?: string;
  indicators: IndicatorRef[];
}

/** A resource whose per-resident distribution is decomposed by Theil T (core/periphery). */
export interface TheilResourceDef {
  id: string;
  label: Label;
  /** Fields whose estimated totals are added up (e.g. `rev_total`). */
  fields: string[];
}

/** One tension as written in the file. */
export interface TensionDef {
  id: string;
  label: Label;
  rationale?: string;
  /** Contribution of U1 in T = αU1 + βU2 (β = 1 − α). */
  alpha?: number;
  u1: SubsystemDef;
  u2: SubsystemDef;
  theil?: TheilResourceDef[];
}

/** The whole `"tension"` block. */
export interface TensionConfig {
  $comment?: string;
  /** Default α of every tension (0.5 when absent). */
  alpha?: number;
  indicators?: TensionIndicatorDef[];
  tensions: TensionDef[];
}

/** An indicator of a subsystem with its reference resolved. */
export interface ResolvedIndicator {
  id: string;
  label: Label;
  /** The framework layer (framework indicators; tension-only ones when given). */
  layer: LayerId | null;
  /** Direction inside this subsystem (the reference's override, else the indicator's). */
  direction: 1 | -1;
  unit: string;
  /** Manual weight (the reference's override, else the indicator's). */
  weight?: number;
  rationale: string;
  compute: TensionComputeSpec;
  /** Where it is defined. */
  source: 'framework' | 'tension';
}

/** Keys of the two subsystems. */
export type SubsystemKey = 'u1' | 'u2';

/** A subsystem with its indicators resolved. */
export interface ResolvedSubsystem {
  key: SubsystemKey;
  id: string;
  label: Label;
  rationale: string | null;
  indicators: ResolvedIndicator[];
}

/** A tension with both subsystems resolved and α set. */
export interface ResolvedTension {
  id: string;
  label: Label;
  rationale: string | null;
  alpha: number;
  subsystems: [ResolvedSubsystem, ResolvedSubsystem];
  theil: TheilResourceDef[];
}
