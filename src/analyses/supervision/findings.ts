/**
 * What the supervision pass finds per organization (warnings, flagged organizations, indicator
 * details) and the two decoders of its compact arrays; shared by the checking and grading steps.
 */
import type { Finding } from './checks/rule-check.js';
import { GRADES, type Grade, type RuleId, type Severity } from '../../domain/rules/rules.js';

/** One warning of one organization. */
export interface Warning {
  rule: RuleId;
  severity: Severity;
  /** Action class (key of the rules file's `actions`). */
  action: string;
  /** Years the evidence covers, ascending. */
  years: number[];
  /** The numbers and years that triggered the rule. */
  evidence: Finding['evidence'];
}

/** An organization with at least one warning. */
export interface FlaggedOrg {
  /** Organization number (index into the model's per-organization arrays). */
  org: number;
  /** Id and name on its latest row up to the as-of year. */
  id: string;
  name: string;
  warnings: Warning[];
}

/** Per-indicator detail of one organization (kept only for the organizations asked for). */
export interface IndicatorDetail {
  id: string;
  layer: string;
  direction: 1 | -1;
  value: number | null;
  /** Percentile among its peers on [0, 1] (direction applied); null when missing or the peers do not differ. */
  percentile: number | null;
  /** Peers with a value (including itself). */
  peers: number;
  /** Median value among those peers. */
  peerMedian: number | null;
}

/** The value of a dictionary code of the model (`regionDict`, `typeDict`), or null for −1. */
export const codeOf = (dict: readonly string[], code: number): string | null => (code < 0 ? null : dict[code]);

/** Grade letter of a stored grade code (1–4), or null. */
export const gradeOf = (code: number): Grade | null => (code > 0 ? GRADES[code - 1] : null);
