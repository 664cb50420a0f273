import { ORG_TYPES } from '../dataset/fields.js';
import { TYPE_BY_DIGIT } from '../domain/credit-code/credit-code-type-of.js';
import type { PlantedRule } from './planted-rules.js';
import type { ResolvedSampleOptions } from './sample-options.js';

/** What is planted in one organization (years are report years). */
export interface PlantSpec {
  rule: PlantedRule;
  /** dormant: first dormant year; missing_report: the gap year; persistent_deficit,
   * cert_above_staff, single_source: first year; implausible_jump: the jump year;
   * deregistered_reporting: the deregistration year. */
  year: number;
  /** Last year of the planted stretch (dormant, deficit, cert, single-source). */
  until: number;
  /** implausible_jump: 'revenue' or 'staff'; credit_code_mismatch: 'type' or 'region'. */
  kind?: string;
  /** credit_code_mismatch: the wrong type digit or the index of the wrong region. */
  alt?: number;
}

/** The organizations a plan has so far (typed arrays of one entry per organization, the first `count` used). */
export interface PlanOrgs {
  readonly count: number;
  readonly start: Int16Array;
  readonly end: Int16Array;
  readonly dereg: Uint8Array;
  readonly type: Uint8Array;
}

/** Planted organizations per rule for the default 18,000: 8, scaled with the fourth root of the size, within 2–40. */
const PER_RULE = 8;
const PER_RULE_SIZE = 18000;
const PER_RULE_MIN = 2;
const PER_RULE_MAX = 40;
/** Random tries per organization to plant before a sweep from a random start. */
const TRIES_PER_PLANT = 200;

/** Character 2 of a civil-affairs credit code, by type index (the digits of TYPE_BY_DIGIT). */
const TYPE_DIGIT = ORG_TYPES.map((t) => Number(Object.keys(TYPE_BY_DIGIT).find((d) => TYPE_BY_DIGIT[d] === t)));

/** What the rules of the plan choose with. */
interface Planting {
  orgs: PlanOrgs;
  options: ResolvedSampleOptions;
  /** Plant n organizations that fit, made by `make(i, j)` for the j-th. */
  choose(n: number, fits: (i: number) => boolean, make: (i: number, j: number) => PlantSpec): void;
  /** How many organizations the k-th rule gets. */
  nOf(k: number): number;
  /** A random integer in lo..hi. */
  int(lo: number, hi: number): number;
  /** Report years of organization i. */
  span(i: number): number;
  /** Organization i reports in the last year. */
  alive(i: number): boolean;
}

/**
 * Choose the planted organizations: a few per rule, disjoint, each fitting its rule.
 *
 * @param options resolved generator options
 * @param orgs the plan's organizations
 * @param rand the plan's stream
 * @returns the planted cases by organization index
 * @example
 * plantCases(options, orgs, rand).size; // => about 9 × 8 for 18,000 organizations
 */
export function plantCases(options: ResolvedSampleOptions, orgs: PlanOrgs, rand: () => number): Map<number, PlantSpec> {
  const { orgs: size, y1 } = options;
  const { count, start, end, dereg } = orgs;
  const perRule = clamp(Math.round(PER_RULE * Math.pow(size / PER_RULE_SIZE, 0.25)), PER_RULE_MIN, PER_RULE_MAX);
  const planted = new Map<number, PlantSpec>();
  const p: Planting = {
    orgs,
    options,
    // different counts per rule (perRule + 8 for the first rule … perRule for the last), so that a
    // report on the sample shows a ranking of the rules, not a nine-way tie
    nOf: (k) => perRule + (8 - k),
    int: (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1)),
    span: (i) => end[i] - start[i] + 1,
    alive: (i) => !dereg[i] && end[i] === y1,
    choose(n, fits, make) {
      let got = 0;
      for (let attempt = 0; attempt < TRIES_PER_PLANT * n && got < n; attempt++) {
        const i = Math.floor(rand() * count);
        if (!planted.has(i) && fits(i)) planted.set(i, make(i, got++));
      }
      if (got < n) {
        const from = Math.floor(rand() * count);
        for (let s = 0; s < count && got < n; s++) {
          const i = (from + s) % count;
          if (!planted.has(i) && fits(i)) planted.set(i, make(i, got++));
        }
      }
    },
  };
  plantActivityRules(p);
  plantRecordRules(p);
  return planted;
}

const clamp = (x: number, lo: number, hi: number): number => (x < lo ? lo : x > hi ? hi : x);

/** Rules 0–4: dormant, missing report, persistent deficit, single source, implausible jump. */
function plantActivityRules({ choose, nOf, int, span, alive, orgs, options }: Planting): void {
  const { start, end } = orgs;
  const { y1 } = options;
  choose(
    nOf(0),
    (i) => alive(i) && span(i) >= 4,
    () => {
      const len = int(2, 3);
      return { rule: 'dormant', year: y1 - len + 1, until: y1 };
    },
  );
  choose(
    nOf(1),
    (i) => span(i) >= 4,
    (i) => {
      const g = int(start[i] + 1, end[i] - 1);
      return { rule: 'missing_report', year: g, until: g };
    },
  );
  choose(
    nOf(2),
    (i) => span(i) >= 4,
    (i) => {
      const len = Math.min(span(i), int(3, 4));
      const from = int(start[i], end[i] - len + 1);
      return { rule: 'persistent_deficit', year: from, until: from + len - 1 };
    },
  );
  choose(
    nOf(3),
    (i) => alive(i) && span(i) >= 3,
    () => {
      const len = int(1, 2);
      return { rule: 'single_source', year: y1 - len + 1, until: y1 };
    },
  );
  choose(
    nOf(4),
    (i) => span(i) >= 3,
    (i, j) => {
      const y = int(start[i] + 1, end[i]);
      return { rule: 'implausible_jump', year: y, until: y, kind: j % 2 === 0 ? 'revenue' : 'staff' };
    },
  );
}

/** Rules 5–8: certificates above staff, credit-code checksum and mismatch, reports after deregistration. */
function plantRecordRules({ choose, nOf, int, span, alive, orgs, options }: Planting): void {
  const { start, end, type } = orgs;
  const { y1, regions } = options;
  choose(
    nOf(5),
    (i) => span(i) >= 1,
    (i) => {
      const y = int(start[i], end[i]);
      const until = Math.min(end[i], y + int(0, 1));
      return { rule: 'cert_above_staff', year: y, until };
    },
  );
  choose(
    nOf(6),
    () => true,
    (i) => ({ rule: 'credit_code_checksum', year: start[i], until: end[i], alt: int(1, 30) }),
  );
  choose(
    nOf(7),
    () => true,
    (i, j) => {
      if (j % 2 === 1 && regions.length > 1) {
        const alt = int(0, regions.length - 2);
        return { rule: 'credit_code_mismatch', year: start[i], until: end[i], kind: 'region', alt };
      }
      // another type of social organization (never 9, other)
      const digits = [1, 2, 3].filter((d) => d !== TYPE_DIGIT[type[i]]);
      return {
        rule: 'credit_code_mismatch',
        year: start[i],
        until: end[i],
        kind: 'type',
        alt: digits[int(0, digits.length - 1)],
      };
    },
  );
  choose(
    nOf(8),
    (i) => alive(i) && span(i) >= 4,
    (i) => {
      const y = int(start[i] + 1, y1 - 1);
      return { rule: 'deregistered_reporting', year: y, until: y1 };
    },
  );
}
