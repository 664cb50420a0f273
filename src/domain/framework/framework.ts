/**
 * The indicator framework as data (see schemas/framework.schema.json, config/framework/
 * default.json and docs/METHODS.md): which indicators make up the quality index, how each is
 * computed from the cube, its layer, direction and optional manual weight.
 */

/** The three layers of Fu (2025): 构成要素 / 功能创新与发挥 / 服务产出与社会贡献. */
export type LayerId = 'composition' | 'function' | 'output';

/** The layers in their fixed order. */
export const LAYER_IDS: readonly LayerId[] = ['composition', 'function', 'output'];

/** A zh/en label pair. */
export interface Label {
  zh: string;
  en: string;
}

/** Organizations (`count`) or totals of measured fields per `per` residents of the unit. */
export interface PerPopulationSpec {
  kind: 'per_population';
  /** `count` (organizations) or one or more measured fields (their estimated totals are added). */
  numerator: string | string[];
  /** Residents the value is expressed per (default 10,000). */
  per?: number;
}

/** Share of organizations with a 1/0 field set. */
export interface ShareOfOrgsSpec {
  kind: 'share_of_orgs';
  field: string;
  /** `reporting` (default): sum / organizations reporting the field; `all`: sum / all organizations. */
  base?: 'reporting' | 'all';
}

/** Mean of a field per reporting organization: sum / n. */
export interface MeanPerOrgSpec {
  kind: 'mean_per_org';
  field: string;
}

/** Ratio of the estimated totals of two lists of fields. */
export interface RatioOfSumsSpec {
  kind: 'ratio_of_sums';
  numerator: string[];
  denominator: string[];
}

/** Year-on-year growth of the organization count or of a field's estimated total. */
export interface GrowthSpec {
  kind: 'growth';
  /** `count` or a measured field. */
  of: string;
}

/** Diversity of the organization-type mix of the unit's count. */
export interface TypeDiversitySpec {
  kind: 'type_diversity';
  /** `simpson` (default): 1 − Σ s²; `shannon`: −Σ s ln s. */
  index?: 'simpson' | 'shannon';
}

/** 1 − Σ share² over revenue sources of the unit's estimated revenue totals. */
export interface RevenueDiversificationSpec {
  kind: 'revenue_diversification';
  /** Revenue source fields (default the five REVENUE_FIELDS). */
  fields?: string[];
}

/** The closed set of computation kinds. */
export type ComputeSpec =
  | PerPopulationSpec
  | ShareOfOrgsSpec
  | MeanPerOrgSpec
  | RatioOfSumsSpec
  | GrowthSpec
  | TypeDiversitySpec
  | RevenueDiversificationSpec;

/** Names of the computation kinds. */
export type ComputeKind = ComputeSpec['kind'];

/** Every computation kind, in documentation order. */
export const COMPUTE_KINDS: readonly ComputeKind[] = [
  'per_population',
  'share_of_orgs',
  'mean_per_org',
  'ratio_of_sums',
  'growth',
  'type_diversity',
  'revenue_diversification',
];

/** One indicator of the framework. */
export interface IndicatorDef {
  id: string;
  label: Label;
  layer: LayerId;
  /** 1: more is better; −1: less is better. */
  direction: 1 | -1;
  unit: string;
  /** Manual weight (used with weighting `manual`; relative, rescaled to sum to 1). */
  weight?: number;
  /** One line: why the indicator belongs here (citing the literature). */
  rationale: string;
  compute: ComputeSpec;
}

/** One layer's labels and rationale. */
export interface LayerDef {
  id: LayerId;
  label: Label;
  rationale: string;
}

/** A whole framework file. */
export interface Framework {
  $schema?: string;
  id: string;
  title?: Label;
  description?: string;
  source?: string;
  layers: LayerDef[];
  indicators: IndicatorDef[];
  /** Reserved for the tension analysis (not read by the indicators analysis). */
  tension?: Record<string, unknown>;
  /** Absolute path it was read from (set by the loader; never written to results). */
  path?: string;
}
