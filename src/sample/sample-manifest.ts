import { resolveSampleOptions, type SampleOptions } from './sample-options.js';
import { planSample } from './plan-sample.js';
import { plannedOrgId } from './planned-org-id.js';
import { PLANTED_RULES, type PlantedRule } from './planted-rules.js';

/** One planted case. */
export interface PlantedCase {
  rule: PlantedRule;
  org_id: string;
  /** First planted year (see PlantSpec in plan-sample.ts). */
  year: number;
  /** Last planted year. */
  until: number;
  /** 'revenue' / 'staff' (jump) or 'type' / 'region' (mismatch). */
  kind?: string;
}

/** What a sample contains and what was planted in it. */
export interface SampleManifest {
  seed: number;
  orgs: number;
  years: [number, number];
  /** Organizations with at least one row. */
  organizations: number;
  /** Data rows (header excluded). */
  rows: number;
  /** Rows per report year. */
  rowsByYear: Record<string, number>;
  /** org_ids planted per rule (each organization is planted for exactly one rule). */
  planted: Record<PlantedRule, string[]>;
  /** Every planted case with its years. */
  cases: PlantedCase[];
}

/**
 * Describe the sample `generateSample(options)` produces, without generating the rows: sizes,
 * rows per year, and the organizations planted for each risk rule (see `PLANTED_RULES` for the
 * exact rule definitions the sample guarantees).
 *
 * @param options the same options as for `generateSample` (defaults: orgs 18000, years
 *   [2008, 2024], seed 20240601)
 * @returns the manifest
 * @throws {SoqaError} `E_BAD_OPTION` / `E_BAD_REGIONS` (exit 3) for unusable options
 * @example
 * sampleManifest({ regions }).planted.dormant.length; // => 8
 */
export function sampleManifest(options: SampleOptions): SampleManifest {
  const resolved = resolveSampleOptions(options);
  const plan = planSample(resolved);
  const planted = Object.fromEntries(PLANTED_RULES.map((r) => [r.id, [] as string[]])) as Record<PlantedRule, string[]>;
  const cases: PlantedCase[] = [];
  const ids = [...plan.planted.keys()].sort((a, b) => a - b);
  for (const i of ids) {
    const p = plan.planted.get(i)!;
    const org_id = plannedOrgId(plan, i);
    planted[p.rule].push(org_id);
    cases.push({ rule: p.rule, org_id, year: p.year, until: p.until, ...(p.kind ? { kind: p.kind } : {}) });
  }
  const rowsByYear: Record<string, number> = {};
  plan.rowsByYear.forEach((n, k) => (rowsByYear[String(resolved.y0 + k)] = n));
  return {
    seed: resolved.seed,
    orgs: resolved.orgs,
    years: [resolved.y0, resolved.y1],
    organizations: plan.count,
    rows: plan.rowsByYear.reduce((a, b) => a + b, 0),
    rowsByYear,
    planted,
    cases,
  };
}
