/**
 * The risk-warning rules file as data (schemas/rules.schema.json, config/rules/default.json,
 * docs/METHODS.md "Risk warnings"): which rules run, their thresholds, severity and suggested
 * action class, the transparency index weights and the A–D grade rule. A bureau passes its
 * own file with `--rules`.
 */

/** The warning rules soqa knows, in display order. */
export const RULE_IDS = [
  'dormant',
  'missing_report',
  'persistent_deficit',
  'single_source',
  'implausible_jump',
  'cert_above_staff',
  'credit_code_checksum',
  'credit_code_mismatch',
  'deregistered_reporting',
] as const;
/** One rule id. */
export type RuleId = (typeof RULE_IDS)[number];

/** Severities, least severe first. */
export const SEVERITIES = ['low', 'medium', 'high'] as const;
/** One severity. */
export type Severity = (typeof SEVERITIES)[number];

/** Rank of a severity: 1 low, 2 medium, 3 high (0 = no warning). */
export const severityRank = (s: Severity): number => SEVERITIES.indexOf(s) + 1;

/** Quantities the implausible-jump rule can compare year on year. */
export const JUMP_QUANTITIES = ['revenue', 'staff_fulltime', 'staff_total'] as const;
/** One jump quantity. */
export type JumpQuantity = (typeof JUMP_QUANTITIES)[number];

/** Grades, best first. */
export const GRADES = ['A', 'B', 'C', 'D'] as const;
/** One grade. */
export type Grade = (typeof GRADES)[number];

/** A zh/en label pair. */
export interface RuleLabel {
  zh: string;
  en: string;
}

/** Thresholds of each rule (defaults in config/rules/default.json). */
export interface RuleParams {
  dormant: { minYears: number };
  missing_report: { minMissingYears: number; trailing: boolean };
  persistent_deficit: { minYears: number; ratio: number };
  single_source: { source: string; maxShare: number };
  implausible_jump: { factor: number; quantities: JumpQuantity[] };
  cert_above_staff: { margin: number };
  credit_code_checksum: Record<string, never>;
  credit_code_mismatch: { checkType: boolean; checkRegion: boolean };
  deregistered_reporting: { minYearsAfter: number };
}

/** One rule of the file. */
export type RuleDef = {
  [K in RuleId]: {
    id: K;
    label: RuleLabel;
    severity: Severity;
    /** Key of `actions`. */
    action: string;
    /** Default true. */
    enabled?: boolean;
    params: RuleParams[K];
    rationale?: string;
  };
}[RuleId];

/** The transparency index definition. */
export interface TransparencyDef {
  /** Report years looked at, ending with the as-of year. */
  windowYears: number;
  /** Component weights (rescaled over the components the input can give). */
  weights: { completeness: number; disclosure: number; online: number; continuity: number };
  /** Annual-report fields whose completeness counts (only those the input has are used). */
  fields: string[];
}

/** The A–D grade definition. */
export interface GradeDef {
  /** Peers an organization's indicators are ranked against. */
  peerGroup: 'type_region' | 'type';
  /** A peer group smaller than this falls back to the type, then to all organizations. */
  minPeers: number;
  /** Quality score (0–100) at or above which the base grade is A or B; below B it is C. */
  bands: { A: number; B: number };
  /** Transparency index (0–100) an organization needs for A. */
  aMinTransparency: number;
  /** Best grade an organization can get with a warning of each severity. */
  caps: Record<Severity, Grade>;
  /** Base grade of an organization none of whose indicators can be computed. */
  noScore: Grade;
}

/** A whole rules file. */
export interface RulesFile {
  $schema?: string;
  id: string;
  title?: RuleLabel;
  description?: string;
  /**
   * Keep only warnings whose evidence reaches the last `lookbackYears` years up to the as-of
   * year (null: the whole panel up to it).
   */
  lookbackYears: number | null;
  actions: Record<string, RuleLabel>;
  rules: RuleDef[];
  transparency: TransparencyDef;
  grades: GradeDef;
  /** Absolute path it was read from (set by the loader). */
  path?: string;
}
