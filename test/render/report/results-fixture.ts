/**
 * results.json objects for the report and chart tests: one computed through the real
 * pipeline from a small generated sample (so the sections have the shapes the analyses
 * write today), and small hand-made ones for edge cases and escaping.
 */
import { runAnalyses } from '../../../src/analyses/run-analyses.js';
import { buildResults } from '../../../src/results/build-results.js';
import { sampleRun } from '../../analyses/support/sample-context.js';
import type { Results } from '../../../src/results/results.js';
import { sharedSample } from '../../support/shared-samples.js';

let cached: Promise<Results> | undefined;

/**
 * Results of the full pipeline over a generated sample (what {@link sampleResults} returns
 * for 400 organizations; the global setup computes that one once per run).
 *
 * @param orgs organizations in the last year
 * @returns the results, marked synthetic
 */
export async function computeSampleResults(orgs: number): Promise<Results> {
  const { ctx, ingest, profileId } = await sampleRun(orgs);
  const analyses = runAnalyses(ctx);
  return buildResults({
    version: '0.0.0-test',
    ingest,
    cube: ctx.cube,
    regions: ctx.regions,
    profileId,
    options: { profile: profileId, regions: ctx.regions.id, encoding: null, delimiter: null },
    synthetic: true,
    analyses,
  });
}

/**
 * Results of the full pipeline over a generated sample of 400 organizations, marked
 * synthetic (so `notice` is set). Computed once per run by the global setup
 * (test/support/global-setup.ts) and read back once per test file (or computed here when
 * the run has no global setup); treat as read-only (use {@link clone} before changing it).
 */
export function sampleResults(): Promise<Results> {
  cached ??= Promise.resolve((sharedSample('results400') as Results | null) ?? computeSampleResults(400));
  return cached;
}

/** A deep copy. */
export const clone = <T>(x: T): T => structuredClone(x);

/** Strings that must come out escaped wherever they appear. */
export const EVIL = {
  script: '<script>alert(1)</script>',
  pipe: 'a|b',
  backticks: '`rm -rf` ``x``',
  newline: 'line one\nline two\r\n| fake | row |',
  formula: '=HYPERLINK("http://evil.example/x","click")',
  markdown: '*bold* _em_ [link](http://evil.example) ![img](x) # head',
};

/**
 * A small hand-made results.json without analyses: two years, three regions (one core)
 * whose names and whose input file name carry {@link EVIL} strings.
 */
export function evilResults(): Results {
  const regions = [
    { code: '100001', zh: EVIL.script, en: EVIL.script, population: 1_000_000, zone: 'core' as const, tags: [] },
    { code: '100002', zh: EVIL.pipe, en: EVIL.newline, population: 2_000_000, zone: 'periphery' as const, tags: [] },
    {
      code: '100003',
      zh: `${EVIL.formula} ${EVIL.backticks}`,
      en: `${EVIL.formula} ${EVIL.backticks}`,
      population: 500_000,
      zone: 'periphery' as const,
      tags: [],
    },
  ];
  const byYearRegion = [
    { year: 2023, region: '100001', count: 300 },
    { year: 2023, region: '100002', count: 250 },
    { year: 2023, region: '100003', count: 40 },
    { year: 2024, region: '100001', count: 320 },
    { year: 2024, region: '100002', count: 260 },
    { year: 2024, region: '100003', count: 45 },
  ];
  const rows = { read: 1300, accepted: 1215, rejected: 85, blank: 0 };
  return {
    schemaVersion: 1,
    soqa: { version: '0.0.0-test' },
    notice: null,
    provenance: {
      inputs: [
        {
          file: `${EVIL.script}${EVIL.pipe}.csv`,
          sha256: 'a'.repeat(64),
          bytes: 1234,
          gzip: false,
          encoding: 'utf-8',
          delimiter: '|',
          rows,
        },
      ],
      rows,
      shape: 'panel',
      profile: 'default',
      regions: { id: 'evil', populationYear: 2020, count: 3 },
      options: { profile: 'default', regions: 'evil', encoding: null, delimiter: '|' },
    },
    quality: {
      rows,
      rejectsByReason: { R_BAD_REGION: 80, [EVIL.backticks]: 5 },
      warningsByCode: { W_CODE_CHECKSUM: 3 },
      duplicates: 0,
      creditCodes: { checksumFailures: 3, typeMismatches: 0, regionMismatches: 0, lowercase: 0 },
      missingRate: { staff_fulltime: 0.25, name: 0 },
      columns: {
        present: ['org_id', 'name', 'type', 'region', 'registered', 'year'],
        absent: ['staff_fulltime'],
        ignored: [EVIL.newline, EVIL.markdown],
      },
    },
    counts: {
      years: [2023, 2024],
      regions: ['100001', '100002', '100003'],
      types: ['social_group', 'private_non_enterprise'],
      byYear: [
        { year: 2023, count: 590 },
        { year: 2024, count: 625 },
      ],
      byYearType: [
        { year: 2023, type: 'social_group', count: 350 },
        { year: 2023, type: 'private_non_enterprise', count: 240 },
        { year: 2024, type: 'social_group', count: 355 },
        { year: 2024, type: 'private_non_enterprise', count: 270 },
      ],
      byYearRegion,
      byYearRegionType: [],
    },
    regions,
    analyses: {},
  };
}
