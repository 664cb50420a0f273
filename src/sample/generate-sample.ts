import { FIELDS } from '../dataset/fields.js';
import { seededRandom } from '../measures/random/seeded-random.js';
import { resolveSampleOptions, type SampleOptions } from './sample-options.js';
import { planSample, type SamplePlan } from './plan-sample.js';
import { mixSeed } from './mix-seed.js';
import { organizationNamer } from './organization-namer.js';
import {
  CERT_SPLIT_DEFAULT,
  CERT_SPLIT_POCKET,
  IDENTITY,
  MID_POCKET,
  MINORITY,
  OUT_INDEX,
} from './sample-calibration.js';
import type { Context } from './sample-draws.js';
import { simulateOrganization } from './simulate-organization.js';

/**
 * Generate the deterministic synthetic Inner Mongolia organization-year panel (one row per
 * organization per year it reports), calibrated to Fu (2025) and DOMAIN.md and with a known set
 * of planted risk cases (see `sampleManifest` and data/sample/README.md). Rows come
 * organization by organization, each organization's years in order. Pure: no I/O, no clock,
 * no Math.random; memory is proportional to the number of organizations.
 *
 * @param options `orgs` (rows in the last year, default 18000), `years` (default [2008, 2024]),
 *   `seed` (default 20240601) and the parsed `regions` JSON
 * @returns an iterator whose first value is the header (the FIELDS names, in order) and then
 *   one array of strings per row, in FIELDS order; missing values are empty strings
 * @throws {SoqaError} `E_BAD_OPTION` / `E_BAD_REGIONS` (exit 3) for unusable options, at call time
 * @example
 * for (const row of generateSample({ regions, orgs: 1000 })) out.write(toCsvLine(row) + '\n');
 */
export function generateSample(options: SampleOptions): Generator<string[], void, undefined> {
  const plan = planSample(resolveSampleOptions(options));
  return rows(plan);
}

function* rows(plan: SamplePlan): Generator<string[], void, undefined> {
  yield FIELDS.map((f) => f.name);
  const ctx = makeContext(plan);
  for (let i = 0; i < plan.count; i++) {
    const out = simulateOrganization(ctx, i);
    for (let k = 0; k < out.length; k++) yield IDENTITY ? out[k] : OUT_INDEX.map((c) => (c >= 0 ? out[k][c] : ''));
  }
}

function makeContext(plan: SamplePlan): Context {
  const { regions } = plan.options;
  return {
    plan,
    name: organizationNamer(),
    minority: regions.map((r) => MINORITY[r.code] ?? 0.15),
    split: regions.map((r) => (MID_POCKET.has(r.code) ? CERT_SPLIT_POCKET : CERT_SPLIT_DEFAULT)),
    fieldWeights: new Map(),
    shares: new Float64Array(5),
    base: new Float64Array(5),
    rev: new Float64Array(5),
    rand: seededRandom(mixSeed(plan.options.seed, 0x0a11)),
    spare: -1,
  };
}
