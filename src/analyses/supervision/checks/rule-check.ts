import type { CreditCodeCheck } from '../../../domain/credit-code/index.js';
import type { RuleId } from '../../../domain/rules/rules.js';
import type { RowFacts } from '../row-facts.js';

/** What the pass knows about an organization when its rows are done. */
export interface OrgFacts {
  id: string;
  /** Type and region of its latest row (up to the as-of year). */
  type: string | null;
  region: string | null;
  /** Registration year (earliest given), NaN when unknown. */
  registeredYear: number;
  /** Year of the latest deregistration date given, NaN when none. */
  deregisteredYear: number;
  /** yyyymmdd of that date, NaN when none. */
  deregisteredDate: number;
  /** True when its latest row has status `deregistered`. */
  statusDeregistered: boolean;
  /** First and last report year (up to the as-of year). */
  firstYear: number;
  lastYear: number;
  /** Report rows up to the as-of year. */
  rows: number;
  /** The as-of year and the first year of the panel. */
  asOf: number;
  panelFirstYear: number;
  /** The GB 32100 check of the id, once per organization (null: not an 18-character code). */
  creditCode: CreditCodeCheck | null;
}

/** What a rule found: the years it concerns and the numbers that triggered it. */
export interface Finding {
  /** Years the evidence covers, ascending. */
  years: number[];
  /** The numbers and years that triggered the rule (JSON-friendly). */
  evidence: Record<string, number | string | boolean | null | number[] | string[]>;
}

/**
 * The state machine of one warning rule for one organization at a time: `reset` before its
 * first row, `row` for each of its rows in year order (`consecutive` when the row's year is
 * the previous row's + 1), `finish` after its last row. A check keeps only what its rule
 * needs (run lengths, the latest values), so memory does not grow with the panel.
 */
export interface RuleCheck {
  readonly id: RuleId;
  /** False when `row` does nothing (the rule judges the organization as a whole): the pass then skips it. */
  readonly readsRows?: boolean;
  reset(): void;
  row(f: RowFacts, consecutive: boolean): void;
  finish(o: OrgFacts): Finding | null;
}

/** Why a rule cannot run on an input: the columns (or the year column) it lacks. */
export interface RuleSkip {
  id: RuleId;
  missing: string[];
}

/** A list of the consecutive years from..to. */
export const yearRange = (from: number, to: number): number[] =>
  Array.from({ length: Math.max(0, to - from + 1) }, (_, k) => from + k);
